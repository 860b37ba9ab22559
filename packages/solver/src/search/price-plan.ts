import { checkPlan } from "../check/check-plan.js";
import { computeCost } from "../cost/compute-cost.js";
import type { Plan } from "../domain/plan-schema.js";
import { toMinor } from "../domain/money.js";
import { assemblePlan } from "../model/assemble-plan.js";
import type { Placement } from "../model/placement.js";
import type { PlanningModel } from "../model/planning-model.js";

/** A complete plan, priced by the cost oracle and verified by the independent checker. */
export interface PricedPlan {
  readonly placements: readonly Placement[];
  readonly plan: Plan;
  /** Total cost in minor units. */
  readonly cost: number;
  readonly valid: boolean;
}

/** Assembles, prices and checks placements; every candidate plan goes through here. */
export function pricePlan(model: PlanningModel, placements: readonly Placement[]): PricedPlan {
  const draft = assemblePlan(model, placements);
  const cost = computeCost(model.problem, draft);
  const plan: Plan = { ...draft, cost };
  return { placements, plan, cost: toMinor(cost.total, model.digits), valid: checkPlan(model.problem, plan).valid };
}
