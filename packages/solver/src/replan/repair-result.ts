import type { SolveResult } from "../solve/solve-result.js";
import type { PlanChange } from "./plan-changes.js";

/**
 * The answer to a repair. Like a solve's answer, except that the repair minimises the
 * plan's cost plus the change penalties, so `lowerBound` and `gap` are about
 * `objective`, and `optimal` means no valid plan has a lower objective.
 */
export interface RepairResult extends SolveResult {
  /** `cost` + `changePenalties`, in the problem's currency; null without a plan. */
  readonly objective: number | null;
  /** Every difference from the earlier plan; empty without a plan. */
  readonly changes: readonly PlanChange[];
  /** Changed assignments (the `counted` changes); null without a plan. */
  readonly changedAssignments: number | null;
  /** `changedAssignments` times the request's `changePenalty`; null without a plan. */
  readonly changePenalties: number | null;
}
