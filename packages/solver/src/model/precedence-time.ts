import type { PlanningModel, StartOption } from "./planning-model.js";

/**
 * Earliest global start slot allowed for a shoot that must follow one placed at
 * `start` with `gapDays`: gap 0 → any slot after the first ends; gap g ≥ 1 → at least
 * g whole working days strictly between the first's last day and the second's first.
 */
export function earliestFollowingStart(model: Pick<PlanningModel, "slotsPerDay">, start: StartOption, gapDays: number): number {
  const end = start.slots[start.slots.length - 1] ?? start.slot;
  return gapDays === 0 ? end + 1 : (start.lastDay + gapDays + 1) * model.slotsPerDay;
}
