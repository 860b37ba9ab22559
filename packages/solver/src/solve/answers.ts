import { checkPlan } from "../check/check-plan.js";
import { computeCost } from "../cost/compute-cost.js";
import { toMajor } from "../domain/money.js";
import type { BackendName } from "../backends/backend.js";
import type { Plan } from "../domain/plan-schema.js";
import { InternalDefectError } from "../errors.js";
import { assemblePlan } from "../model/assemble-plan.js";
import type { Placement } from "../model/placement.js";
import type { PlanningModel } from "../model/planning-model.js";
import type { SolveMethod, SolveResult } from "./solve-result.js";

/** Assembles, prices and runs the independent checker: a plan that fails it is a defect, never an answer. */
export function finishPlan(model: PlanningModel, placements: readonly Placement[]): Plan {
  const draft = assemblePlan(model, placements);
  const plan: Plan = { ...draft, cost: computeCost(model.problem, draft) };
  const verdict = checkPlan(model.problem, plan);
  if (!verdict.valid) {
    throw new InternalDefectError(`The solver produced a plan the checker rejects: ${verdict.violations.map((v) => v.message).join(" ")}`);
  }
  return plan;
}

/** An answer with a plan; `bound` in minor units (null when unknown). Optimal exactly when the bound meets the cost. */
export function answerWithPlan(
  model: PlanningModel,
  plan: Plan,
  costMinor: number,
  extra: { method: SolveMethod; backend: BackendName | null; seconds: number; bound: number | null; proven?: boolean },
): SolveResult {
  const bound = extra.proven === true ? costMinor : extra.bound === null ? null : Math.min(costMinor, Math.max(0, Math.ceil(extra.bound - 1e-6)));
  const gap = bound === null ? null : costMinor === 0 ? 0 : (costMinor - bound) / costMinor;
  return {
    status: bound !== null && bound >= costMinor ? "optimal" : "feasible",
    plan,
    cost: toMajor(costMinor, model.digits),
    lowerBound: bound === null ? null : toMajor(bound, model.digits),
    gap,
    method: extra.method,
    backend: extra.backend,
    seconds: extra.seconds,
    explanation: null,
    model: null,
  };
}

export function answerWithoutPlan(status: "infeasible" | "timeout", method: SolveMethod, backend: BackendName | null, seconds: number, explanation: string): SolveResult {
  return { status, plan: null, cost: null, lowerBound: null, gap: null, method, backend, seconds, explanation, model: null };
}
