import { describe, expect, it } from "vitest";
import { generateInstance } from "../../../../../benchmarks/src/generate-instance.js";
import { checkPlan } from "../../../src/check/check-plan.js";
import { computeCost } from "../../../src/cost/compute-cost.js";
import { toMinor } from "../../../src/domain/money.js";
import { parseProblem } from "../../../src/domain/parse-problem.js";
import type { Plan } from "../../../src/domain/plan-schema.js";
import { constructPlan } from "../../../src/heuristics/construct-plan.js";
import { assemblePlan } from "../../../src/model/assemble-plan.js";
import { buildPlanningModel } from "../../../src/model/build-planning-model.js";

/**
 * Heavier suite, kept out of the default run by its `slow` folder (the root vitest
 * config excludes `**\/slow/**`; run it with a config that includes this folder): the
 * construction on the L and XL benchmark tiers. Timings are measured, not asserted.
 */
describe.each([
  { tier: "L" as const, seed: 1 },
  { tier: "XL" as const, seed: 1 },
])("constructPlan on $tier seed $seed", ({ tier, seed }) => {
  it("places every mandatory shoot and the plan passes the checker", () => {
    const problem = parseProblem(generateInstance({ tier, seed }));
    const model = buildPlanningModel(problem);
    const built = constructPlan(model, { seed: 1 });
    expect(built.unplaced.map((s) => model.shoots[s]?.id)).toEqual([]);
    const draft = assemblePlan(model, built.placements);
    const plan: Plan = { ...draft, cost: computeCost(problem, { ...draft }) };
    expect(checkPlan(problem, plan).violations).toEqual([]);
    expect(toMinor(plan.cost?.total ?? NaN, model.digits)).toBe(built.cost);
  }, 600_000);
});
