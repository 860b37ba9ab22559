import { expect, it } from "vitest";
import { checkPlan } from "../../../packages/solver/src/check/check-plan.js";
import { parseProblem } from "../../../packages/solver/src/domain/parse-problem.js";
import { solve } from "../../../packages/solver/src/solve/solve.js";
import { generateInstance } from "../../src/generate-instance.js";

// The heavier suite (`npm run test:slow`): one L instance end to end with the default strategy.
it("solves L-1 with auto in 60 s to a checked plan with a bound and a consistent gap", async () => {
  const problem = parseProblem(generateInstance({ tier: "L", seed: 1 }));
  let improvements = 0;
  const answer = await solve(problem, { timeLimitSeconds: 60, onProgress: (p) => void (p.kind === "plan" && (improvements += 1)) });
  expect(answer.status).toBe("feasible");
  expect(answer.plan).not.toBeNull();
  if (answer.plan === null || answer.cost === null || answer.lowerBound === null) return;
  expect(checkPlan(problem, answer.plan).violations).toEqual([]);
  expect(answer.lowerBound).toBeLessThanOrEqual(answer.cost);
  expect(answer.gap).toBeCloseTo((answer.cost - answer.lowerBound) / answer.cost, 9);
  expect(improvements).toBeGreaterThan(0);
  expect(answer.seconds).toBeLessThan(75);
}, 120_000);
