import { recreate } from "../search/large-neighbourhood-search.js";
import type { PricedPlan } from "../search/price-plan.js";
import { keepsPins, keptPlacements, lowestObjective, type Repair } from "./repair-context.js";

/**
 * Ruin-and-recreate steps tried from the earlier plan, fewest first. Each step takes
 * out a few related shoots and puts them back at their cheapest places, so every step
 * may change assignments: short schedules keep the plan close to the earlier one, longer
 * ones find cheaper plans. Measured on M-1 with an urgent copy of a shoot (no room for
 * it alone): 30 steps placed it with 31 changed assignments, 600 steps with 93 (for
 * 0.2 % less cost); a plan from scratch changed 139.
 */
const STEP_SCHEDULES = [8, 16, 32, 64, 128] as const;

/**
 * The greedy repair round: the construction's ruin and recreate from the kept
 * placements (the disrupted and new shoots start out unplaced and seed its first
 * steps), under growing step counts; of the valid plans that keep every pin, the one
 * with the lowest objective (cost plus the change penalties, recounted). Milliseconds
 * at tier M, where the MILP rounds around an urgent shoot can take seconds and fail.
 * Null without a valid plan before `until`.
 */
export function recreateAround(r: Repair, until: number): PricedPlan | null {
  const kept = [...keptPlacements(r).values()];
  const plans: PricedPlan[] = [];
  for (const steps of STEP_SCHEDULES) {
    if (Date.now() >= until || r.signal?.aborted === true) break;
    const priced = recreate(r.model, kept, { seed: r.settings.seed, ruinAndRecreateSteps: steps, deadline: until, ...(r.signal ? { signal: r.signal } : {}) });
    // The search may move a pinned shoot: such a plan is not a repair.
    if (priced !== null && priced.valid && keepsPins(r, priced)) plans.push(priced);
  }
  return lowestObjective(r, plans);
}
