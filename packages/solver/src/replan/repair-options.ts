import type { Plan } from "../domain/plan-schema.js";
import type { SolveOptions } from "../solve/solve-options.js";

/**
 * How to repair: the options of `solve` (`strategy` and `iterationLimit` do not apply),
 * with progress reported about the repair's objective instead of the cost alone.
 */
export interface RepairOptions extends Omit<SolveOptions, "onProgress"> {
  /**
   * Called with each repaired plan whose objective (cost plus change penalties) is lower
   * than every plan reported before, and with each improved lower bound on the
   * objective, as the repair finds them; amounts in the problem's currency, `seconds`
   * since the start. The first plan usually comes from the focused rounds, well before
   * the answer (small problems then spend the rest of the time on the proof). Must not
   * throw. Default: none.
   */
  readonly onProgress?: (progress: RepairProgress) => void;
}

/** An improvement found during a repair. */
export type RepairProgress =
  | {
      readonly kind: "plan";
      /** `cost` + change penalties. */
      readonly objective: number;
      readonly cost: number;
      /** Counted changes from the earlier plan. */
      readonly changedAssignments: number;
      readonly seconds: number;
      /** The repaired plan itself (checked; it keeps every pin). */
      readonly plan: Plan;
    }
  | { readonly kind: "bound"; /** On the objective. */ readonly lowerBound: number; readonly seconds: number };
