import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lowerBound } from "../../src/bounds/best-bound.js";
import { capacityBound } from "../../src/bounds/capacity-bound.js";
import { combinatorialBound, combinatorialBoundDetails } from "../../src/bounds/combinatorial-bound.js";
import { lpRelaxationBoundDetails, mipRootBoundDetails } from "../../src/bounds/lp-bound.js";
import { slotLagrangianBound } from "../../src/bounds/slot-lagrangian-bound.js";
import type { Problem } from "../../src/domain/problem-schema.js";
import { buildPlanningModel } from "../../src/model/build-planning-model.js";
import { solve } from "../../src/solve/solve.js";
import { bruteForceOptimum } from "../support/brute-force.js";
import { parsedOrNull, randomProblem } from "../support/random-problem.js";


const scale = Number(process.env["PROPERTY_RUNS"] ?? 0) / 40 || 1;
const runs = (n: number) => Math.round(n * scale);
const toCents = (amount: number) => Math.round(amount * 100);

/** Every bound the module offers, with limits generous enough to finish on small problems. */
async function allBounds(problem: Problem) {
  const model = buildPlanningModel(problem);
  const combinatorial = combinatorialBoundDetails(model);
  const lp = await lpRelaxationBoundDetails(model, { timeLimitSeconds: 20, maxVariables: 100_000 });
  const mip = await mipRootBoundDetails(model, { timeLimitSeconds: 0.5, maxVariables: 100_000 });
  // An aggressive target (twice the combinatorial bound) makes the multipliers move far.
  const capacity = capacityBound(model, { upperBound: 2 * combinatorial.value + 10_000 });
  // The slot bound from its own start and from the capacity bound's multipliers, both pushed as hard.
  const slot = slotLagrangianBound(model, { upperBound: 2 * combinatorial.value + 10_000 });
  const slotFromCapacity = slotLagrangianBound(model, { upperBound: 2 * combinatorial.value + 10_000, start: capacity.multipliers });
  return { combinatorial, lp, mip, capacity, slot, slotFromCapacity };
}

describe("lower bounds never exceed the optimum", () => {
  it("on small random problems: combinatorial, capacity, slot, LP and MIP bounds <= the proven optimum of solve()", async () => {
    let compared = 0;
    let infeasible = 0;
    await fc.assert(
      fc.asyncProperty(randomProblem("small"), async (input) => {
        const problem = parsedOrNull(input);
        fc.pre(problem !== null);
        const bounds = await allBounds(problem as Problem);
        const answer = await solve(problem, { timeLimitSeconds: 20 });
        if (answer.status === "infeasible") {
          infeasible += 1;
          return;
        }
        if (answer.status !== "optimal" || answer.cost === null) return;
        compared += 1;
        const optimum = toCents(answer.cost);
        expect(bounds.combinatorial.value).toBeLessThanOrEqual(optimum);
        expect(bounds.combinatorial.provesInfeasible).toBe(false);
        if (bounds.lp.value !== null) expect(bounds.lp.value).toBeLessThanOrEqual(optimum);
        if (bounds.mip.value !== null) expect(bounds.mip.value).toBeLessThanOrEqual(optimum);
        if (bounds.capacity.value !== null) expect(bounds.capacity.value).toBeLessThanOrEqual(optimum);
        for (const slot of [bounds.slot, bounds.slotFromCapacity]) if (slot.value !== null) expect(slot.value).toBeLessThanOrEqual(optimum);
        expect(bounds.lp.status).not.toBe("infeasible");
        expect(bounds.mip.status).not.toBe("infeasible");
      }),
      { seed: 20261203, numRuns: runs(50) },
    );
    expect(compared).toBeGreaterThan(15);
    expect(infeasible).toBeGreaterThan(0);
  }, 300_000);

  it("on tiny problems the bounds are <= the brute-force optimum (which ignores the MILP), and infeasibility claims hold", async () => {
    let compared = 0;
    let infeasible = 0;
    await fc.assert(
      fc.asyncProperty(randomProblem("tiny"), async (input) => {
        const problem = parsedOrNull(input);
        fc.pre(problem !== null);
        const expected = bruteForceOptimum(problem as Problem);
        fc.pre(expected !== "too_big");
        const bounds = await allBounds(problem as Problem);
        if (expected === null) {
          // No plan exists: any bound is vacuous, but nothing may crash.
          infeasible += 1;
          expect(Number.isInteger(bounds.combinatorial.value)).toBe(true);
          return;
        }
        compared += 1;
        expect(bounds.combinatorial.provesInfeasible).toBe(false);
        expect(bounds.combinatorial.value).toBeLessThanOrEqual(expected);
        if (bounds.lp.value !== null) expect(bounds.lp.value).toBeLessThanOrEqual(expected);
        if (bounds.mip.value !== null) expect(bounds.mip.value).toBeLessThanOrEqual(expected);
        if (bounds.capacity.value !== null) expect(bounds.capacity.value).toBeLessThanOrEqual(expected);
        for (const slot of [bounds.slot, bounds.slotFromCapacity]) if (slot.value !== null) expect(slot.value).toBeLessThanOrEqual(expected);
        expect(bounds.lp.status).not.toBe("infeasible");
        expect(bounds.mip.status).not.toBe("infeasible");
      }),
      { seed: 777, numRuns: runs(30) },
    );
    expect(compared).toBeGreaterThan(10);
    expect(infeasible).toBeGreaterThan(0);
  }, 300_000);
});

describe("lowerBound", () => {
  const example = JSON.parse(readFileSync(new URL("../../../../examples/brand-campaign-week.json", import.meta.url), "utf8")) as unknown;
  const model = buildPlanningModel(parsedOrNull(example) as Problem);
  const optimum = 2_151_000; // 21 510 EUR, proven by solve()

  it("takes the best valid bound on the example and says which method found it", async () => {
    const bound = await lowerBound(model, { timeLimitSeconds: 10 });
    expect(bound.value).toBeLessThanOrEqual(optimum);
    expect(bound.provesInfeasible).toBe(false);
    expect(bound.attempts.map((a) => a.method)).toEqual(["combinatorial", "lp", "mip"]);
    const values = bound.attempts.flatMap((a) => (a.value === null ? [] : [a.value]));
    expect(bound.value).toBe(Math.max(...values));
    expect(bound.attempts.find((a) => a.method === bound.method)?.value).toBe(bound.value);
    expect(bound.value).toBeGreaterThanOrEqual(combinatorialBound(model));
  }, 60_000);

  it("skips the MILP bounds when they cannot fit the time and still answers with the combinatorial bound", async () => {
    const bound = await lowerBound(model, { timeLimitSeconds: 0.1 });
    expect(bound.method).toBe("combinatorial");
    expect(bound.value).toBe(combinatorialBound(model));
    expect(bound.attempts.filter((a) => a.method !== "combinatorial").every((a) => a.value === null)).toBe(true);
  });

  it("honours an aborted signal", async () => {
    const controller = new AbortController();
    controller.abort();
    const bound = await lowerBound(model, { timeLimitSeconds: 20, signal: controller.signal });
    expect(bound.attempts.filter((a) => a.method !== "combinatorial").map((a) => a.status)).toEqual(["interrupted", "interrupted"]);
    expect(bound.value).toBe(combinatorialBound(model));
  });
});
