import { improvePlan } from "../heuristics/construct-plan.js";
import type { Placement } from "../model/placement.js";
import { residualModel } from "../model/residual-model.js";
import { pricePlan, type PricedPlan } from "../search/price-plan.js";
import { keepsPins, keptPlacements, objectiveOf, type Repair } from "./repair-context.js";

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
  let best: { priced: PricedPlan; objective: number } | null = null;
  // With pins, first on the whole problem (it sees the budgets; a plan that moved a pin
  // is discarded), then with the pinned shoots held out (it cannot move them, but does
  // not see the budgets).
  const variants = r.pinned.size === 0 ? [false] : [false, true];
  for (const holdPins of variants) {
    for (const steps of STEP_SCHEDULES) {
      if (Date.now() >= until || r.signal?.aborted === true) break;
      const placements = holdPins ? recreateWithPinsHeld(r, kept, steps, until) : recreate(r, kept, steps, until);
      const priced = placements === null ? null : pricePlan(r.model, placements);
      if (priced === null || !priced.valid || !keepsPins(r, priced)) continue;
      const { objective } = objectiveOf(r, priced);
      if (best === null || objective < best.objective) best = { priced, objective };
    }
    if (best !== null) break;
  }
  return best?.priced ?? null;
}

function options(r: Repair, steps: number, until: number) {
  return { seed: r.settings.seed, ruinAndRecreateSteps: steps, deadline: until, ...(r.signal ? { signal: r.signal } : {}) };
}

/** One ruin-and-recreate schedule of `steps` from the kept placements; null when a mandatory shoot stays unplaced. */
function recreate(r: Repair, kept: readonly Placement[], steps: number, until: number): readonly Placement[] | null {
  const result = improvePlan(r.model, kept, options(r, steps, until));
  return result.unplaced.length === 0 ? result.placements : null;
}

/** The same on the residual problem of the unpinned shoots (the pinned ones held as they were). */
function recreateWithPinsHeld(r: Repair, kept: readonly Placement[], steps: number, until: number): readonly Placement[] | null {
  const free = new Set(r.model.shoots.filter((s) => !r.pinned.has(s.index)).map((s) => s.index));
  const residual = residualModel(r.model, kept, free);
  const index = new Map(residual.original.map((o, i) => [o, i]));
  const start = kept.flatMap((p) => {
    const i = index.get(p.shoot);
    return i === undefined ? [] : [{ ...p, shoot: i }];
  });
  const result = improvePlan(residual.model, start, options(r, steps, until));
  if (result.unplaced.length > 0) return null;
  const freed = result.placements.map((p) => ({ ...p, shoot: residual.original[p.shoot] ?? -1 }));
  return [...kept.filter((p) => !free.has(p.shoot)), ...freed];
}
