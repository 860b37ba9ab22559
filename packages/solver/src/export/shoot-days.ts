import { clockMinutes, inDateRanges, localDateTime, slotLengthMinutes, wallClockAt } from "../domain/calendar.js";
import { fromZodIssue, parseProblem } from "../domain/parse-problem.js";
import { planSchema, type Plan } from "../domain/plan-schema.js";
import type { Problem } from "../domain/problem-schema.js";
import type { ProblemIssue } from "../domain/problem-issue.js";
import { InvalidPlanError } from "../errors.js";

/**
 * One working day of one scheduled shoot: what a calendar entry and a call-sheet line
 * show. A multi-day shoot has one per date it occupies (the nights and skipped weekends
 * in between are not worked); a shoot within one day has one.
 */
export interface ShootDay {
  readonly shoot: string;
  readonly title: string;
  readonly project: string;
  readonly date: string;
  /** 1-based day of the shoot and how many it has (1 of 1 for a shoot within a day). */
  readonly day: number;
  readonly days: number;
  /** Wall-clock start and end with their UTC offset, in the horizon's time zone. */
  readonly start: string;
  readonly end: string;
  readonly location: { readonly id: string; readonly name: string };
  /** People on the shoot in the plan's order; `role` null for someone attending beyond the role counts. */
  readonly crew: readonly { readonly person: string; readonly name: string; readonly role: string | null }[];
  readonly equipment: readonly { readonly item: string; readonly name: string; readonly units: number; readonly rentedUnits: number }[];
}

/** Both inputs parsed (problem and plan as JSON), every id the plan names known to the problem. */
export interface PlanReading {
  readonly problem: Problem;
  readonly plan: Plan;
}

/**
 * Parses a problem and a plan (or a whole answer with `plan`) for reading: the
 * problem as `solve` would, the plan by its schema, and every shoot, location, person
 * and item the plan names must be the problem's. A plan's other rules are the
 * checker's business: a calendar can be made of any plan that names real things.
 */
export function readPlan(problemInput: unknown, planInput: unknown): PlanReading {
  const problem = parseProblem(problemInput);
  const plan = parsePlan(planInput, []);
  const issues = [...unknownReferences(problem, plan), ...impossibleSlots(problem, plan)];
  if (issues.length > 0) throw new InvalidPlanError(issues);
  return { problem, plan };
}

/**
 * Parses an earlier plan to compare with (what a repair changed): by its schema only, as
 * it may name shoots, people or locations the problem no longer has.
 */
export function readEarlierPlan(planInput: unknown): Plan {
  return parsePlan(planInput, ["earlierPlan"]);
}

/** A plan, or a whole answer's `plan`, by the plan schema; issue paths start with `prefix`. */
function parsePlan(input: unknown, prefix: readonly (string | number)[]): Plan {
  const raw = typeof input === "object" && input !== null && "plan" in input ? (input as { plan: unknown }).plan : input;
  const parsed = planSchema.safeParse(raw);
  if (!parsed.success) throw new InvalidPlanError(parsed.error.issues.map(fromZodIssue).map((i) => ({ ...i, path: [...prefix, ...i.path] })));
  return parsed.data;
}

/**
 * Slots a day of the horizon cannot hold (a hand-written plan): a shoot within one day
 * must fit between its first slot and the day's end; a multi-day shoot takes whole days.
 */
function impossibleSlots(problem: Problem, plan: Plan): ProblemIssue[] {
  const perDay = problem.horizon.slotsPerDay;
  return plan.shoots.flatMap((s, i): ProblemIssue[] => {
    const fits = s.days.length === 1 ? s.firstSlot + s.durationSlots <= perDay : s.firstSlot === 0 && s.durationSlots === s.days.length * perDay;
    if (fits) return [];
    const message = `Shoot "${s.shoot}" takes ${s.durationSlots} slot(s) from slot ${s.firstSlot} over ${s.days.length} day(s), which days of ${perDay} slot(s) cannot hold.`;
    return [{ code: "slot_out_of_range", path: ["shoots", i, "durationSlots"], message }];
  });
}

function unknownReferences(problem: Problem, plan: Plan): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  const known = (list: readonly { id: string }[]) => new Set(list.map((x) => x.id));
  const shoots = known(problem.shoots);
  const locations = known(problem.locations);
  const people = known(problem.crew);
  const items = known(problem.equipment);
  const missing = (path: (string | number)[], what: string, id: string) =>
    issues.push({ code: "unknown_reference", path, message: `The plan names ${what} "${id}", which the problem does not have.` });
  plan.shoots.forEach((s, i) => {
    if (!shoots.has(s.shoot)) missing(["shoots", i, "shoot"], "shoot", s.shoot);
    if (!locations.has(s.location)) missing(["shoots", i, "location"], "location", s.location);
    s.crew.forEach((c, j) => {
      if (!people.has(c.person)) missing(["shoots", i, "crew", j, "person"], "crew member", c.person);
    });
    s.equipment.forEach((e, j) => {
      if (!items.has(e.item)) missing(["shoots", i, "equipment", j, "item"], "equipment item", e.item);
    });
  });
  return issues;
}

/**
 * Every working day of every scheduled shoot, in order of start, then shoot id. A shoot
 * or location the problem does not have (an earlier plan's) is named by its id.
 */
export function shootDays({ problem, plan }: PlanReading): ShootDay[] {
  const { horizon } = problem;
  const slotMinutes = slotLengthMinutes(horizon);
  const dayStart = clockMinutes(horizon.dayStart);
  const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((x) => [x.id, x]));
  const shoots = byId(problem.shoots);
  const locations = byId(problem.locations);
  const people = byId(problem.crew);
  const items = byId(problem.equipment);
  const rented = rentedByDate(problem, plan);
  const result: ShootDay[] = [];
  for (const scheduled of plan.shoots) {
    const shoot = shoots.get(scheduled.shoot) ?? { id: scheduled.shoot, title: scheduled.shoot, project: "" };
    const location = locations.get(scheduled.location) ?? { id: scheduled.location, name: scheduled.location };
    const crew = scheduled.crew.map((c) => ({ person: c.person, name: people.get(c.person)?.name ?? c.person, role: c.role }));
    // One figure per date: a shoot's rentedUnits is its largest over all its dates.
    const equipmentOn = (date: string) =>
      scheduled.equipment.map((e) => ({ item: e.item, name: items.get(e.item)?.name ?? e.item, units: e.units, rentedUnits: Math.min(e.rentedUnits ?? 0, rented.get(`${scheduled.shoot}#${e.item}#${date}`) ?? 0) }));
    let slot = scheduled.firstSlot;
    let left = scheduled.durationSlots;
    scheduled.days.forEach((date, k) => {
      // A shoot within one day covers its slots; each day of a multi-day shoot, the whole day.
      const slots = Math.min(left, horizon.slotsPerDay - slot);
      result.push({
        shoot: shoot.id,
        title: shoot.title,
        project: shoot.project,
        date,
        day: k + 1,
        days: scheduled.days.length,
        ...times(date, dayStart + slot * slotMinutes, slots * slotMinutes, horizon.timeZone),
        location: { id: location.id, name: location.name },
        crew,
        equipment: equipmentOn(date),
      });
      left -= slots;
      slot = 0;
    });
  }
  return result.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.shoot.localeCompare(b.shoot) || a.day - b.day);
}

/**
 * Units of each item rented for each shoot on each of its dates, keyed
 * `shoot#item#date`: in every slot the owned units available that date go to shoots in
 * plan order (earliest start, then id), the rule by which a plan's `rentedUnits` are
 * stated, and a shoot's rented units on a date are its largest shortfall in that date's
 * slots. A multi-day shoot's stated figure is its largest over all its dates; on a date
 * the owned units cover, nothing is rented for it (the call sheet and calendar of that
 * date must not say otherwise).
 */
function rentedByDate(problem: Problem, plan: Plan): Map<string, number> {
  const perDay = problem.horizon.slotsPerDay;
  const items = new Map(problem.equipment.map((item) => [item.id, item]));
  const ownedOn = (itemId: string, date: string): number => {
    const item = items.get(itemId);
    return item === undefined || inDateRanges(item.unavailable, date) ? 0 : item.owned;
  };
  const ordered = [...plan.shoots].sort((a, b) => byCodeUnit(a.days[0] ?? "", b.days[0] ?? "") || a.firstSlot - b.firstSlot || a.shoot.localeCompare(b.shoot));
  const left = new Map<string, number>();
  const rented = new Map<string, number>();
  for (const scheduled of ordered) {
    for (const { item, units } of scheduled.equipment) {
      let slot = scheduled.firstSlot;
      let remaining = scheduled.durationSlots;
      for (const date of scheduled.days) {
        const key = `${scheduled.shoot}#${item}#${date}`;
        for (let t = slot; t < perDay && remaining > 0; t += 1, remaining -= 1) {
          const at = `${item}#${date}#${t}`;
          const free = left.get(at) ?? ownedOn(item, date);
          left.set(at, Math.max(0, free - units));
          rented.set(key, Math.max(rented.get(key) ?? 0, units - Math.min(units, free)));
        }
        slot = 0;
      }
    }
  }
  return rented;
}

/**
 * Ids compared by UTF-16 code units, as cost/plan-placements.ts does: the readouts may
 * import only the domain (test/internals/boundaries.test.ts), so not from there.
 */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Start and end of a day's slots from `from` minutes after midnight, `length` minutes
 * long. Wall-clock times, except where a daylight-saving change skips the hour they
 * fall in: a slot at 02:00-03:00 on the spring change starts at 03:00 (moved past the
 * gap) and would end there too, so the end is then the start plus the slots' length.
 */
function times(date: string, from: number, length: number, timeZone: string): { start: string; end: string } {
  const start = localDateTime(date, from, timeZone);
  const end = localDateTime(date, from + length, timeZone);
  return { start, end: Date.parse(end) > Date.parse(start) ? end : wallClockAt(Date.parse(start) + length * 60_000, timeZone) };
}
