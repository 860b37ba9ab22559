import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { highsBackend } from "../../src/backends/highs-backend.js";
import type { Problem } from "../../src/domain/problem-schema.js";
import { buildMilp } from "../../src/formulation/build-milp.js";
import { buildPlanningModel } from "../../src/model/build-planning-model.js";
import { bruteForceOptimum } from "../support/brute-force.js";
import { parsedOrNull, randomProblem } from "../support/random-problem.js";

/**
 * The relaxed project caps are a relaxation: no plan within the real caps may break
 * their rows. So the MILP with them (the tight rows of budget-caps.ts included) has an
 * optimum no higher than the cheapest plan enumeration finds, and is infeasible only
 * when enumeration finds no plan. Checked directly on the formulation: the solver runs
 * the tight rows only after a first optimum broke a cap, too rarely to test them there.
 */
describe("relaxed project caps", () => {
  // The plain relaxation is checked through the solver (properties/solve-properties.test.ts).
  it.each(["relaxed-tight"] as const)("%s: never cuts off a plan within the caps", async (mode) => {
    let compared = 0;
    let shared = 0;
    await fc.assert(
      fc.asyncProperty(randomProblem("small"), fc.integer({ min: 2, max: 9 }), async (input, level) => {
        const problem = parsedOrNull({ ...input, budget: { projects: { alpha: level * 100, beta: level * 100 + 150 } } });
        fc.pre(problem !== null);
        const expected = bruteForceOptimum(problem as Problem, 4_000);
        fc.pre(expected !== "too_big");
        const formulation = buildMilp(buildPlanningModel(problem as Problem), { projectBudgets: mode });
        const result = await highsBackend.solve(formulation.milp, { timeLimitSeconds: 20, relativeGap: 0, seed: 0 });
        expect(result.status === "optimal" || result.status === "infeasible").toBe(true);
        compared += 1;
        if ((problem as Problem).horizon.slotsPerDay > 1) shared += 1;
        if (expected === null) return;
        expect(result.status).toBe("optimal");
        expect(result.objective ?? Infinity).toBeLessThanOrEqual(expected + 1e-6);
      }),
      { seed: 20261129, numRuns: 80 },
    );
    expect(compared).toBeGreaterThan(40);
    expect(shared).toBeGreaterThan(15);
  });
});
