import { count, describeShoot, describeSlot, describeSlotEnd, type Placement, type PlanIndex, type SlotRef } from "../plan-index.js";
import type { Report } from "../violation.js";

/**
 * Rule "a shoot follows another with a minimum gap", checked only when both are
 * scheduled (a dropped first shoot imposes nothing). Gap 0: the second starts after
 * the first's last slot in (date, slot) order. Gap g >= 1: at least g working days
 * lie strictly between the first's last day and the second's first day.
 */
export function precedenceRules(index: PlanIndex, report: Report): void {
  for (const second of index.placements) {
    for (const { shoot: firstId, gapDays } of second.shoot.after) {
      const first = index.placementOf.get(firstId);
      if (first !== undefined) pairRule(index, first, second, gapDays, report);
    }
  }
}

function pairRule(index: PlanIndex, first: Placement, second: Placement, gapDays: number, report: Report): void {
  const end = lastSlot(first.occupied);
  const start = firstSlot(second.occupied);
  // A shoot that occupies nothing (slot out of range) is already reported by the calendar rules.
  if (end === undefined || start === undefined) return;
  const between = index.workingDates.filter((d) => d > end.date && d < start.date).length;
  const ok = gapDays === 0 ? compareSlots(start, end) > 0 : start.date > end.date && between >= gapDays;
  if (ok) return;
  const needs =
    gapDays === 0
      ? "it must start after that"
      : `it must leave at least ${count(gapDays, "working day")} in between, and ${between === 1 ? "1 lies" : `${between} lie`} between them`;
  report({
    code: "precedence_violated",
    shoot: second.shoot.id,
    date: start.date,
    slot: start.slot,
    message: `${describeShoot(second.shoot)} starts on ${describeSlot(index, start.date, start.slot)}, but it must follow ${describeShoot(first.shoot)}, which ends on ${describeSlotEnd(index, end.date, end.slot)}: ${needs}.`,
  });
}

function compareSlots(a: SlotRef, b: SlotRef): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.slot - b.slot;
}

function firstSlot(slots: readonly SlotRef[]): SlotRef | undefined {
  return [...slots].sort(compareSlots)[0];
}

function lastSlot(slots: readonly SlotRef[]): SlotRef | undefined {
  return [...slots].sort(compareSlots)[slots.length - 1];
}
