import type { Tier } from "../generate-instance.js";

/** The three ways the harness solves each instance, side by side on the same instance. */
export type Config = "jslp-mip" | "highs-mip" | "auto";

export const CONFIG_NAMES: readonly Config[] = ["jslp-mip", "highs-mip", "auto"];

/** An improvement seen during a run: a plan's cost or a lower bound (euros), at `seconds` after the start. */
export type TimelinePoint = { readonly seconds: number; readonly cost: number } | { readonly seconds: number; readonly bound: number };

export interface RunRecord {
  readonly tier: Tier;
  readonly seed: number;
  readonly config: Config;
  /**
   * The solver's status, or why the run could not finish: "cannot_start" (the backend
   * refused the model's size up front), "out_of_memory", "killed" (past the grace time), "crashed".
   */
  readonly status: string;
  readonly method: string | null;
  /** Final plan cost in euros, or null. */
  readonly cost: number | null;
  readonly lowerBound: number | null;
  /** (cost - bound) / cost as a fraction: 0.01 = 1 %. */
  readonly gap: number | null;
  /** Wall-clock seconds of the solve (process start-up excluded). */
  readonly seconds: number;
  readonly timeline: readonly TimelinePoint[];
  /** The final plan passed the independent checker and its cost matched, or null without a plan. */
  readonly verified: boolean | null;
  readonly peakRssMegabytes: number | null;
  /** Variables of the monolithic MILP when one was built. */
  readonly variables: number | null;
  /** Why the run did not finish, when it did not. */
  readonly failure: string | null;
}

/** Cost of the best plan known at `seconds` (from the timeline, or the final answer if it came by then). */
export function costAt(record: RunRecord, seconds: number): number | null {
  let best: number | null = null;
  for (const point of record.timeline) {
    if ("cost" in point && point.seconds <= seconds) best = best === null ? point.cost : Math.min(best, point.cost);
  }
  if (best === null && record.cost !== null && record.seconds <= seconds) best = record.cost;
  return best;
}

/** Seconds to the first plan, or null when there was none. */
export function firstPlanSeconds(record: RunRecord): number | null {
  const first = record.timeline.find((p) => "cost" in p);
  return first?.seconds ?? (record.cost === null ? null : record.seconds);
}
