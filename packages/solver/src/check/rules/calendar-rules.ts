import { count, describeShoot, expectedWallClock, type Placement, type PlanIndex } from "../plan-index.js";
import type { Report } from "../violation.js";

/**
 * Rules on when each scheduled shoot takes place: its duration, working days only,
 * consecutive working days for a multi-day shoot, within the day (or whole days), its
 * window, and wall-clock start and end that match the calendar.
 */
export function calendarRules(index: PlanIndex, report: Report): void {
  for (const placement of index.placements) {
    durationRule(placement, report);
    workingDayRules(index, placement, report);
    const withinDays = slotRule(index, placement, report);
    // The plan schema requires a day; an unparsed plan without one has no window or clock to check.
    if (placement.entry.days.length === 0) continue;
    windowRules(index, placement, report);
    // Slots outside the day have no wall clock (a slot 10^9 would be a date past year 275 760).
    if (withinDays) wallClockRule(index, placement, report);
  }
}

function durationRule({ entry, shoot }: Placement, report: Report): void {
  if (entry.durationSlots === shoot.durationSlots) return;
  report({
    code: "wrong_duration",
    shoot: shoot.id,
    message: `The plan gives ${describeShoot(shoot)} ${count(entry.durationSlots, "slot")}, but it lasts ${shoot.durationSlots}.`,
  });
}

function workingDayRules(index: PlanIndex, { entry, shoot }: Placement, report: Report): void {
  for (const date of entry.days) {
    if (index.workingPosition.has(date)) continue;
    report({ code: "not_a_working_day", shoot: shoot.id, date, message: `${describeShoot(shoot)} is planned on ${date}, which is not a working day of the horizon.` });
  }
  for (let i = 1; i < entry.days.length; i += 1) {
    const previous = index.workingPosition.get(entry.days[i - 1] ?? "");
    const current = index.workingPosition.get(entry.days[i] ?? "");
    // A non-working date is already reported above; only pairs of working dates are compared.
    if (previous === undefined || current === undefined || current === previous + 1) continue;
    report({
      code: "days_not_consecutive",
      shoot: shoot.id,
      date: entry.days[i] ?? "",
      message: `${describeShoot(shoot)} runs on ${entry.days[i - 1] ?? ""} and then ${entry.days[i] ?? ""}: a multi-day shoot must take consecutive working days, in order.`,
    });
  }
}

/** Reports slots outside the day; true when the entry's slots all lie within its days. */
function slotRule(index: PlanIndex, { entry, shoot }: Placement, report: Report): boolean {
  const perDay = index.slotsPerDay;
  const days = entry.days.length;
  let problem: string | null = null;
  if (entry.firstSlot >= perDay) problem = `starts in slot ${entry.firstSlot}, but a day has slots 0 to ${perDay - 1}`;
  else if (days === 1 && entry.firstSlot + entry.durationSlots > perDay) {
    problem = `runs from slot ${entry.firstSlot} for ${count(entry.durationSlots, "slot")}, past the end of the day (${perDay} slots)`;
  } else if (days > 1 && (entry.firstSlot !== 0 || entry.durationSlots !== days * perDay)) {
    problem = `spans ${days} days from slot ${entry.firstSlot} for ${count(entry.durationSlots, "slot")}, but a multi-day shoot must start in slot 0 and fill whole days (${days * perDay} slots)`;
  }
  if (problem === null) return true;
  report({ code: "slot_out_of_day", shoot: shoot.id, date: entry.days[0] ?? "", slot: entry.firstSlot, message: `${describeShoot(shoot)} ${problem}.` });
  return false;
}

function windowRules(index: PlanIndex, { entry, shoot }: Placement, report: Report): void {
  const sorted = [...entry.days].sort();
  const first = sorted[0] ?? "";
  const last = sorted[sorted.length - 1] ?? "";
  const notBefore = shoot.notBefore ?? index.problem.horizon.start;
  const deadline = shoot.deadline ?? index.problem.horizon.end;
  if (first < notBefore) {
    report({ code: "before_not_before", shoot: shoot.id, date: first, message: `${describeShoot(shoot)} starts on ${first}, before its earliest date ${notBefore}.` });
  }
  if (last > deadline) {
    report({ code: "after_deadline", shoot: shoot.id, date: last, message: `${describeShoot(shoot)} ends on ${last}, after its deadline ${deadline}.` });
  }
}

function wallClockRule(index: PlanIndex, { entry, shoot }: Placement, report: Report): void {
  const expected = expectedWallClock(index.problem.horizon, entry);
  for (const field of ["start", "end"] as const) {
    if (sameWallClock(entry[field], expected[field])) continue;
    report({
      code: "start_end_mismatch",
      shoot: shoot.id,
      message: `${describeShoot(shoot)} states ${field} ${entry[field]}, but its days and slots put its ${field} at ${expected[field]}.`,
    });
  }
}

/** Equal strings, or the same instant written with the same local wall clock (seconds optional). */
function sameWallClock(stated: string, expected: string): boolean {
  if (stated === expected) return true;
  const instant = Date.parse(stated);
  return !Number.isNaN(instant) && instant === Date.parse(expected) && stated.slice(0, 16) === expected.slice(0, 16);
}
