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

/**
 * One report per shoot that overlaps an earlier one of the person's (plan order), naming
 * the earliest such shoot and their first common slot. Not one per overlapping pair: 300
 * shoots at once for 60 people were 2.7 million pairs, seconds of checking and a reply
 * too large to send; this is linear in the slots worked and still names every shoot
 * involved (each later one, and the one it collides with).
 */
function doubleBookingRule(index: PlanIndex, person: CrewMember, placements: readonly Placement[], report: Report): void {
  const firstIn = new Map<string, number>();
  placements.forEach((b, j) => {
    let earliest: { readonly at: number; readonly date: string; readonly slot: number } | null = null;
    for (const s of b.occupied) {
      const at = firstIn.get(slotKey(s.date, s.slot));
      if (at !== undefined && (earliest === null || at < earliest.at)) earliest = { at, date: s.date, slot: s.slot };
    }
    for (const s of b.occupied) if (!firstIn.has(slotKey(s.date, s.slot))) firstIn.set(slotKey(s.date, s.slot), j);
    const a = earliest === null ? undefined : placements[earliest.at];
    if (earliest === null || a === undefined) return;
    // The first slot the two share, in the earlier shoot's order (as the pair report gave it).
    const common = a.occupied.find((s) => b.keys.has(slotKey(s.date, s.slot))) ?? earliest;
    report({
      code: "person_double_booked",
      shoot: a.shoot.id,
      person: person.id,
      date: common.date,
      slot: common.slot,
      message: `${describePerson(person)} is in ${describeShoot(a.shoot)} and ${describeShoot(b.shoot)} at the same time on ${describeSlot(index, common.date, common.slot)}.`,
    });
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
