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

/** Earlier shoots a double-booking report names; beyond them it says "and other shoots". */
const NAMED_COLLISIONS = 3;

/**
 * One report per shoot that overlaps earlier ones of the person's (plan order), naming
 * up to {@link NAMED_COLLISIONS} of them, each at the first slot the two share. Not
 * one per overlapping pair: 300 shoots at once for 60 people were 2.7 million pairs,
 * seconds of checking and a reply too large to send. Linear in the slots worked (a slot
 * lists its shoots in plan order, and at most NAMED_COLLISIONS + 1 of them are read),
 * and every shoot in a collision is named: each later one, and the earlier ones it meets
 * (all of them when it meets at most three).
 */
function doubleBookingRule(index: PlanIndex, person: CrewMember, placements: readonly Placement[], report: Report): void {
  const inSlot = new Map<string, Placement[]>();
  for (const b of placements) {
    const met: { readonly with: Placement; readonly date: string; readonly slot: number }[] = [];
    let more = false;
    for (const s of b.occupied) {
      const key = slotKey(s.date, s.slot);
      const earlier = inSlot.get(key);
      for (const a of (earlier ?? []).slice(0, NAMED_COLLISIONS + 1)) {
        if (met.some((m) => m.with === a)) continue;
        if (met.length < NAMED_COLLISIONS) met.push({ with: a, date: s.date, slot: s.slot });
        else more = true;
      }
      if (earlier === undefined) inSlot.set(key, [b]);
      else earlier.push(b);
    }
    const first = met[0];
    if (first === undefined) continue;
    const at = (m: (typeof met)[number]) => describeSlot(index, m.date, m.slot);
    const message =
      met.length === 1 && !more
        ? `${describePerson(person)} is in ${describeShoot(first.with.shoot)} and ${describeShoot(b.shoot)} at the same time on ${at(first)}.`
        : `${describePerson(person)} is in ${describeShoot(b.shoot)} at the same time as ${listed([...met.map((m) => `${describeShoot(m.with.shoot)} on ${at(m)}`), ...(more ? ["other shoots"] : [])])}.`;
    report({ code: "person_double_booked", shoot: first.with.shoot.id, person: person.id, date: first.date, slot: first.slot, message });
  }
}

/** "a", "a and b", "a, b and c". */
function listed(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
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
