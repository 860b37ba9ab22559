import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPlan } from "../../packages/solver/src/check/check-plan.js";
import { parseProblem } from "../../packages/solver/src/domain/parse-problem.js";
import type { Problem } from "../../packages/solver/src/domain/problem-schema.js";
import { solve } from "../../packages/solver/src/solve/solve.js";
import type { SolveOptions } from "../../packages/solver/src/solve/solve-options.js";
import { generateInstance, type Tier } from "../src/generate-instance.js";

const cases: readonly { tier: Tier; seed: number; options: SolveOptions }[] = [
  { tier: "S", seed: 1, options: { strategy: "auto", timeLimitSeconds: 3 } },
  { tier: "S", seed: 2, options: { strategy: "lns", timeLimitSeconds: 3 } },
  { tier: "S", seed: 3, options: { strategy: "mip", timeLimitSeconds: 3 } },
  { tier: "M", seed: 1, options: { strategy: "auto", timeLimitSeconds: 5 } },
];

describe("every strategy on generated instances", () => {
  let ran = 0;

  it.each(cases.map((c) => [`${c.tier}-${c.seed} ${c.options.strategy}`, c] as const))("%s: plans pass the checker, bounds stay below every plan, gaps are consistent", async (_name, c) => {
    const problem = parseProblem(generateInstance({ tier: c.tier, seed: c.seed }));
    const { costs: seen, bounds, onProgress } = checkedProgress(problem);
    const answer = await solve(problem, { ...c.options, onProgress });
    ran += 1;
    expect(["optimal", "feasible", "timeout"]).toContain(answer.status);
    if (answer.plan === null || answer.cost === null) return;
    const verdict = checkPlan(problem, answer.plan);
    expect(verdict.violations).toEqual([]);
    expect(verdict.cost?.total).toBe(answer.cost);
    // Reported plans only improve, and no bound ever exceeds any plan found.
    for (let i = 1; i < seen.length; i += 1) expect(seen[i]).toBeLessThanOrEqual(seen[i - 1] ?? Infinity);
    for (const bound of bounds) expect(bound).toBeLessThanOrEqual(Math.min(answer.cost, ...seen) + 1e-9);
    if (answer.lowerBound !== null) {
      expect(answer.lowerBound).toBeLessThanOrEqual(answer.cost);
      expect(answer.gap).toBeCloseTo(answer.cost === 0 ? 0 : (answer.cost - answer.lowerBound) / answer.cost, 9);
      expect(answer.status === "optimal").toBe(answer.gap === 0);
    }
  });

  it("ran every case", () => {
    expect(ran).toBe(cases.length);
  });
});

/**
 * Same input, seed and iteration limit, same plan: the time limits are far from reached,
 * so nothing here depends on the clock. Fingerprints compare every decision of the plan.
 */
describe("the same seed gives the same plan", () => {
  const repeatable: readonly { tier: Tier; seed: number; options: SolveOptions }[] = [
    { tier: "S", seed: 2, options: { strategy: "lns", iterationLimit: 3, timeLimitSeconds: 120 } },
    { tier: "M", seed: 1, options: { strategy: "auto", iterationLimit: 2, timeLimitSeconds: 60 } },
  ];
  let ran = 0;

  it.each(repeatable.map((c) => [`${c.tier}-${c.seed} ${c.options.strategy}`, c] as const))("%s", async (_name, c) => {
    const problem = parseProblem(generateInstance({ tier: c.tier, seed: c.seed }));
    const first = await solve(problem, { ...c.options, seed: 7 });
    const second = await solve(problem, { ...c.options, seed: 7 });
    ran += 1;
    expect(first.plan).not.toBeNull();
    expect(second.cost).toBe(first.cost);
    expect(fingerprint(second.plan)).toEqual(fingerprint(first.plan));
  });

  it("ran every case", () => {
    expect(ran).toBe(repeatable.length);
  });
});

function fingerprint(plan: Awaited<ReturnType<typeof solve>>["plan"]): string[] {
  const shoots = (plan?.shoots ?? []).map((s) => JSON.stringify([s.shoot, s.days, s.firstSlot, s.location, s.crew, s.equipment]));
  return [...shoots, JSON.stringify(plan?.dropped ?? []), JSON.stringify(plan?.rentals ?? [])];
}

/**
 * The same properties on instances of random seeds (fast-check picks the seed and the
 * strategy): every reported plan passes the checker, bounds stay below every plan, the
 * gap is (cost - bound) / cost, and two runs with an iteration limit give the same plan.
 */
describe("on S instances of random seeds", () => {
  const strategies = ["auto", "lns", "mip"] as const;

  it("every strategy's plans pass the checker and no bound exceeds a plan", async () => {
    let solved = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 4, max: 1_000_000 }), fc.constantFrom(...strategies), async (seed, strategy) => {
        const problem = parseProblem(generateInstance({ tier: "S", seed }));
        const { costs, bounds, onProgress } = checkedProgress(problem);
        const answer = await solve(problem, { strategy, timeLimitSeconds: 2, seed, onProgress });
        if (answer.plan === null || answer.cost === null) return;
        solved += 1;
        expect(checkPlan(problem, answer.plan).cost?.total).toBe(answer.cost);
        for (const bound of [...bounds, answer.lowerBound ?? 0]) expect(bound).toBeLessThanOrEqual(Math.min(answer.cost, ...costs) + 1e-9);
        if (answer.lowerBound !== null && answer.gap !== null) expect(answer.gap).toBeCloseTo((answer.cost - answer.lowerBound) / answer.cost, 9);
      }),
      { seed: 20261127, numRuns: 6 },
    );
    expect(solved).toBeGreaterThanOrEqual(4);
  }, 120_000);

  it("the same seed and iteration limit give the same plan", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 4, max: 1_000_000 }), async (seed) => {
        const problem = parseProblem(generateInstance({ tier: "S", seed }));
        const options: SolveOptions = { strategy: "lns", iterationLimit: 2, timeLimitSeconds: 120, seed };
        const first = await solve(problem, options);
        const second = await solve(problem, options);
        expect(second.cost).toBe(first.cost);
        expect(fingerprint(second.plan)).toEqual(fingerprint(first.plan));
      }),
      { seed: 777, numRuns: 3 },
    );
  }, 300_000);
});

/** Records every reported cost and bound; each reported plan must pass the checker. */
function checkedProgress(problem: Problem): { costs: number[]; bounds: number[]; onProgress: NonNullable<SolveOptions["onProgress"]> } {
  const costs: number[] = [];
  const bounds: number[] = [];
  const onProgress: NonNullable<SolveOptions["onProgress"]> = (p) => {
    if (p.kind === "bound") bounds.push(p.lowerBound);
    else {
      costs.push(p.cost);
      expect(checkPlan(problem, p.plan).violations).toEqual([]);
    }
  };
  return { costs, bounds, onProgress };
}
