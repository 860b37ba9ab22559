import { describe, expect, it } from "vitest";
// Direct module imports: the package entry re-exports modules still being written elsewhere.
import { checkPlan } from "../../packages/solver/src/check/check-plan.js";
import { computeCost } from "../../packages/solver/src/cost/compute-cost.js";
import { parseProblem } from "../../packages/solver/src/domain/parse-problem.js";
import { generateInstanceWithWitness, type Tier } from "../src/generate-instance.js";
import { witnessToPlan } from "../src/witness-plan.js";

/** The solver's own checker is a second, independent oracle for the witness, and its pricing must equal the generator's. */
const cases: [Tier, number][] = [["S", 1], ["S", 2], ["S", 3], ["M", 1], ["M", 2], ["L", 1], ["XL", 1]];

describe("the witness against the solver's checker", () => {
  it.each(cases)("%s seed %i: checkPlan finds no violation and prices the witness exactly as the generator does", (tier, seed) => {
    const { problem: input, witness } = generateInstanceWithWitness({ tier, seed });
    const problem = parseProblem(JSON.parse(JSON.stringify(input)));
    const plan = witnessToPlan(input, witness);
    const result = checkPlan(problem, plan);
    expect(result.violations.map((v) => `${v.code}: ${v.message}`)).toEqual([]);
    expect(result.valid).toBe(true);
    const cost = computeCost(problem, plan);
    expect(cost.total).toBe(witness.cost.total);
    expect(cost.byProject).toEqual(Object.fromEntries(Object.entries(witness.cost.byProject).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
    // Budgets are part of the check, and at least one sits close to the witness's cost.
    const caps = Object.entries(problem.budget?.projects ?? {});
    expect(caps.length).toBeGreaterThan(0);
    expect(caps.some(([project, cap]) => (cost.byProject[project] ?? 0) >= 0.95 * cap)).toBe(true);
  });
});
