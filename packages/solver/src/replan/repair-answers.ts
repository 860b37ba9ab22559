import { explainInfeasibility, infeasibilityReasons } from "../diagnose/explain-infeasibility.js";
import { toMajor } from "../domain/money.js";
import { InternalDefectError } from "../errors.js";
import type { PricedPlan } from "../search/price-plan.js";
import { finishPlan } from "../solve/answers.js";
import type { SolveMethod } from "../solve/solve-result.js";
import { countedChanges } from "./plan-changes.js";
import { keepsPins, objectiveOf, type Repair } from "./repair-context.js";
import type { RepairResult } from "./repair-result.js";

export function withPlan(r: Repair, priced: PricedPlan, bound: number | "proven" | null, method: SolveMethod, backend: RepairResult["backend"]): RepairResult {
  const { model } = r;
  if (!keepsPins(r, priced)) throw new InternalDefectError("The repair produced a plan that moves a pinned shoot.");
  const plan = finishPlan(model, priced.placements);
  const { changes, objective } = objectiveOf(r, { ...priced, plan });
  const lower = bound === "proven" ? objective : bound === null ? null : Math.min(objective, Math.max(0, Math.ceil(bound - 1e-6)));
  const count = countedChanges(changes);
  return {
    status: lower !== null && lower >= objective ? "optimal" : "feasible",
    plan,
    cost: toMajor(priced.cost, model.digits),
    lowerBound: lower === null ? null : toMajor(lower, model.digits),
    gap: lower === null ? null : objective === 0 ? 0 : (objective - lower) / objective,
    method,
    backend,
    seconds: r.seconds(),
    explanation: null,
    model: null,
    objective: toMajor(objective, model.digits),
    changes,
    changedAssignments: count,
    changePenalties: toMajor(r.penalty * count, model.digits),
  };
}

export function withoutPlan(r: Repair, status: "infeasible" | "timeout", method: SolveMethod, explanation: string, bound: number | null = null): RepairResult {
  const lowerBound = bound === null ? null : toMajor(Math.max(0, Math.ceil(bound - 1e-6)), r.model.digits);
  const backend = method === "mip" ? r.settings.backend : null;
  return { status, plan: null, cost: null, lowerBound, gap: null, method, backend, seconds: r.seconds(), explanation, model: null, objective: null, changes: [], changedAssignments: null, changePenalties: null };
}

export function infeasibleReason(r: Repair): string {
  if (r.pinned.size === 0 || infeasibilityReasons(r.model).length > 0) return explainInfeasibility(r.model);
  const ids = [...r.pinned].map((s) => `"${r.model.shoots[s]?.id}"`).join(", ");
  return `No plan keeps the pinned shoots ${ids} as they were and meets every rule (with its equipment, capacities and budgets, and beside the other shoots). Unpin some of them.`;
}
