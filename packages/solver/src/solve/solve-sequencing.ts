import { computeCost } from "../cost/compute-cost.js";
import { money } from "../diagnose/infeasibility-reason.js";
import { toMinor } from "../domain/money.js";
import { InternalDefectError } from "../errors.js";
import { assemblePlan } from "../model/assemble-plan.js";
import type { PlanningModel } from "../model/planning-model.js";
import { solveSequencing } from "../talent/sequencing.js";
import { answerWithPlan, answerWithoutPlan, finishPlan } from "./answers.js";
import type { SequencingRoute } from "./sequencing-route.js";
import type { SolveResult } from "./solve-result.js";

/**
 * Exact sequencing of a pure hold-billed problem; null when the problem is too large
 * for the dynamic programme (the caller falls back to the MILP).
 */
export function solveBySequencing(model: PlanningModel, route: SequencingRoute, deadline: number, signal: AbortSignal | undefined, clock: { seconds(): number }): SolveResult | null {
  const result = solveSequencing(route.instance, { deadline, ...(signal ? { signal } : {}) });
  switch (result.status) {
    case "optimal": {
      const placements = route.placements(result.order);
      // The oracle's cost first: the checker (in finishPlan) rejects a plan over the budget.
      const costMinor = toMinor(computeCost(model.problem, assemblePlan(model, placements)).total, model.digits);
      const expected = result.cost + route.constantCost;
      if (costMinor !== expected) throw new InternalDefectError(`sequencing cost ${expected} differs from the plan's ${costMinor}`);
      if (model.budgetTotal !== null && costMinor > model.budgetTotal) {
        const over = `${money(model, costMinor)}, over the total budget of ${money(model, model.budgetTotal)} by ${money(model, costMinor - model.budgetTotal)}`;
        return answerWithoutPlan("infeasible", "sequencing", null, clock.seconds(), `The cheapest shooting order costs ${over}.`);
      }
      return answerWithPlan(model, finishPlan(model, placements), costMinor, { method: "sequencing", backend: null, seconds: clock.seconds(), bound: costMinor, proven: true });
    }
    case "infeasible":
      return answerWithoutPlan("infeasible", "sequencing", null, clock.seconds(), "No shooting order lets every shoot start on a day its people, location and window allow.");
    case "interrupted":
      return answerWithoutPlan("timeout", "sequencing", null, clock.seconds(), "The time limit passed before the best shooting order was proven.");
    case "too_large":
      return null;
  }
}
