import type { Plan } from "../domain/plan-schema.js";
import type { BackendName } from "../backends/backend.js";

/**
 * - `optimal`: the plan's cost is proven minimal (`gap` 0).
 * - `feasible`: a valid plan, not proven minimal; `lowerBound` and `gap` say how far it may be.
 * - `infeasible`: proven that no plan satisfies every hard rule; `explanation` says why where known.
 * - `timeout`: no valid plan: the time limit or cancellation came first, or (neighbourhood
 *   search) the construction found none to start from before the limit; `explanation` says which.
 */
export type SolveStatus = "optimal" | "feasible" | "infeasible" | "timeout";

/** What produced the answer: exact sequencing (dynamic programming), the monolithic MILP, or construction + large-neighbourhood search. */
export type SolveMethod = "sequencing" | "mip" | "lns";

export interface SolveResult {
  readonly status: SolveStatus;
  /** The plan for `optimal` and `feasible`; null otherwise. Always passes `check`. */
  readonly plan: Plan | null;
  /** The plan's total cost in the problem's currency (equals `plan.cost.total`); null without a plan. */
  readonly cost: number | null;
  /** Best proven lower bound on any plan's cost, in the problem's currency; null when unknown. */
  readonly lowerBound: number | null;
  /** (cost - lowerBound) / cost as a fraction (0.01 = 1 %); 0 when optimal; null when unknown. */
  readonly gap: number | null;
  readonly method: SolveMethod;
  /**
   * The MILP backend of the method that produced the answer: the `backend` option for
   * `mip`, `highs` for `lns` (its sub-problems), null for sequencing and for a `timeout`
   * of `lns` without a plan.
   */
  readonly backend: BackendName | null;
  /** Wall-clock seconds of the whole solve. */
  readonly seconds: number;
  /** Words for a coordinator when infeasible or timed out; null otherwise. */
  readonly explanation: string | null;
  /** Size of the monolithic MILP when one was built (`mip`, and `auto` on small problems); null otherwise. */
  readonly model: { readonly variables: number; readonly rows: number } | null;
}
