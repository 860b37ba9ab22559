import { dateToDayNumber, slotKey } from "../../domain/calendar.js";
import type { CrewMember } from "../../domain/problem-schema.js";
import { availabilityTest, count, describePerson, describeShoot, describeSlot, type Placement, type PlanIndex } from "../plan-index.js";
import type { Report } from "../violation.js";

/**
 * Rules on each person's calendar: booked only when available, never in two shoots
 * at once, at most `maxDays` days worked and at most `maxConsecutiveDays` consecutive
 * calendar days worked (any day off, a weekend or holiday too, ends a run).
 */
export function crewCalendarRules(index: PlanIndex, report: Report): void {
  for (const person of index.problem.crew) {
    const placements = index.placements.filter((p) => p.people.includes(person.id));
    if (placements.length === 0) continue;
    availabilityRule(index, person, placements, report);
    doubleBookingRule(index, person, placements, report);
    const worked = [...new Set(placements.flatMap((p) => [...p.slotsByDate.keys()]))].sort();
    dayLimitRules(person, worked, report);
  }
}

function availabilityRule(index: PlanIndex, person: CrewMember, placements: readonly Placement[], report: Report): void {
  const isAvailable = availabilityTest(person.available, person.unavailable, index.slotsPerDay);
  for (const { shoot, occupied } of placements) {
    const blocked = occupied.filter((s) => !isAvailable(slotKey(s.date, s.slot)));
    const first = blocked[0];
    if (first === undefined) continue;
    const more = blocked.length > 1 ? ` and ${count(blocked.length - 1, "more slot")}` : "";
    report({
      code: "person_unavailable",
      shoot: shoot.id,
      person: person.id,
      date: first.date,
      slot: first.slot,
      message: `${describePerson(person)} works on ${describeShoot(shoot)} on ${describeSlot(index, first.date, first.slot)}${more}, when they are not available.`,
    });
  }
}

/** One report per overlapping pair of shoots, at their first common slot. */
function doubleBookingRule(index: PlanIndex, person: CrewMember, placements: readonly Placement[], report: Report): void {
  placements.forEach((a, i) => {
    for (const b of placements.slice(i + 1)) {
      const common = a.occupied.find((s) => b.keys.has(slotKey(s.date, s.slot)));
      if (common === undefined) continue;
      report({
        code: "person_double_booked",
        shoot: a.shoot.id,
        person: person.id,
        date: common.date,
        slot: common.slot,
        message: `${describePerson(person)} is in ${describeShoot(a.shoot)} and ${describeShoot(b.shoot)} at the same time on ${describeSlot(index, common.date, common.slot)}.`,
      });
    }
  });
}

function dayLimitRules(person: CrewMember, worked: readonly string[], report: Report): void {
  if (person.maxDays !== undefined && worked.length > person.maxDays) {
    report({
      code: "max_days_exceeded",
      person: person.id,
      message: `${describePerson(person)} works ${worked.length} days (${worked.join(", ")}), more than their maximum of ${person.maxDays}.`,
    });
  }
  const limit = person.maxConsecutiveDays;
  if (limit === undefined) return;
  const run = longestRun(worked);
  if (run.length <= limit) return;
  report({
    code: "max_consecutive_days_exceeded",
    person: person.id,
    date: run.from,
    message: `${describePerson(person)} works ${run.length} consecutive days from ${run.from} to ${run.to}, more than their maximum of ${limit}.`,
  });
}

/** Longest run of consecutive calendar dates in sorted, distinct `dates` (the first such run). */
export function longestRun(dates: readonly string[]): { from: string; to: string; length: number } {
  let best = { from: "", to: "", length: 0 };
  let start = 0;
  dates.forEach((date, i) => {
    const previous = dates[i - 1];
    if (previous !== undefined && dateToDayNumber(date) !== dateToDayNumber(previous) + 1) start = i;
    const length = i - start + 1;
    if (length > best.length) best = { from: dates[start] ?? date, to: date, length };
  });
  return best;
}
