import { z } from "zod";
import { planSchema } from "./plan-schema.js";
import { amountSchema, idSchema, problemSchema } from "./problem-schema.js";

/**
 * A re-planning request: the problem as it is now (the change already applied: a
 * person's new unavailability, a location removed, an urgent shoot added), the plan
 * made earlier, the shoots to keep exactly as they were, and the price of each change.
 */
export const repairRequestSchema = z.strictObject({
  /** The current problem, validated like any problem. */
  problem: problemSchema,
  /**
   * The plan being repaired (usually a solver answer's `plan`). It may name shoots,
   * people, locations or dates the current problem no longer has: that is the change.
   */
  earlierPlan: planSchema,
  /**
   * Shoots kept exactly as in the earlier plan: same days, slot, location and crew.
   * Each must be scheduled in the earlier plan. Default: none.
   */
  pinnedShoots: z.array(idSchema).default([]),
  /**
   * Penalty per changed assignment, in the problem's currency, added to the cost the
   * repair minimises. An assignment is a scheduled shoot's time and location (one
   * assignment) or one person in one role on a shoot. Changed: an assignment of the
   * earlier plan that the repaired plan does not keep, including those of a shoot it
   * drops, and the placement of a shoot the earlier plan dropped and the repair schedules.
   */
  changePenalty: amountSchema,
});

export type RepairRequestInput = z.input<typeof repairRequestSchema>;
