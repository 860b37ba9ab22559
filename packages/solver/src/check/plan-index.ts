import { clockMinutes, localDateTime, periodSlotKeys, slotLengthMinutes } from "../domain/calendar.js";
import { formatMoney } from "../domain/money.js";
import type { ScheduledShoot } from "../domain/plan-schema.js";
import type { CrewMember, Period, Problem, Shoot } from "../domain/problem-schema.js";
import type { PlanIndex } from "../cost/plan-placements.js";

// The derivation of placements and occupied slots lives in cost/ so that the cost
// (which the checker uses) never depends on check/; the rules reach it through here.
export { byCodeUnit, indexPlan, occupiedSlots } from "../cost/plan-placements.js";
export type { PlanIndex, Placement, SlotRef } from "../cost/plan-placements.js";

/**
 * The wall-clock start and end an entry must state: its first slot's start on its
 * first day, and the end of its last slot on its last day, in the horizon's zone.
 */
export function expectedWallClock(horizon: Problem["horizon"], entry: ScheduledShoot): { start: string; end: string } {
  const minutes = slotLengthMinutes(horizon);
  const dayStart = clockMinutes(horizon.dayStart);
  const first = entry.days[0] ?? "";
  const last = entry.days[entry.days.length - 1] ?? first;
  // Slots before the last day are whole days for a well-formed entry; the rest end on the last day.
  const endSlot = entry.firstSlot + entry.durationSlots - (entry.days.length - 1) * horizon.slotsPerDay;
  return {
    start: localDateTime(first, dayStart + entry.firstSlot * minutes, horizon.timeZone),
    end: localDateTime(last, dayStart + endSlot * minutes, horizon.timeZone),
  };
}

/** `2026-03-02` or, with several slots a day, `2026-03-02 at 15:00 (slot 2)`. */
export function describeSlot(index: PlanIndex, date: string, slot: number): string {
  if (index.slotsPerDay === 1) return date;
  const { horizon } = index.problem;
  const minutes = clockMinutes(horizon.dayStart) + slot * slotLengthMinutes(horizon);
  return `${date} at ${clockText(minutes)} (slot ${slot})`;
}

/** The end of a slot: `2026-03-02` or, with several slots a day, `2026-03-02 at 18:00 (end of slot 2)`. */
export function describeSlotEnd(index: PlanIndex, date: string, slot: number): string {
  if (index.slotsPerDay === 1) return date;
  const { horizon } = index.problem;
  const minutes = clockMinutes(horizon.dayStart) + (slot + 1) * slotLengthMinutes(horizon);
  return `${date} at ${clockText(minutes)} (end of slot ${slot})`;
}

/** `1 slot`, `2 slots`; `plural` defaults to `singular` + "s". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** `shoot "s2" (Globex lookbook)`. */
export function describeShoot(shoot: Shoot): string {
  return `shoot "${shoot.id}" (${shoot.title})`;
}

/** `Ben Okafor ("ben")`. */
export function describePerson(person: CrewMember): string {
  return `${person.name} ("${person.id}")`;
}

/** Minor units as `1234.50 EUR`. */
export function describeMoney(index: PlanIndex, minor: number): string {
  return formatMoney(minor, index.digits, index.problem.currency);
}

/**
 * Availability of a person or location as a test on `date#slot` keys: inside the
 * `available` periods when given (else every slot), and outside the `unavailable` ones.
 * Working days are not required here: planning on a non-working day has its own rule.
 */
export function availabilityTest(
  available: readonly Period[] | undefined,
  unavailable: readonly Period[],
  slotsPerDay: number,
): (key: string) => boolean {
  const allowed = available === undefined ? null : periodSlotKeys(available, slotsPerDay);
  const blocked = periodSlotKeys(unavailable, slotsPerDay);
  return (key) => (allowed === null || allowed.has(key)) && !blocked.has(key);
}
