import { clockMinutes, dateToDayNumber, isKnownTimeZone, slotLengthMinutes, workingDates } from "./calendar.js";
import { hasMinorPrecision, MAX_MINOR_UNITS, minorDigits, precisionReason, toMinor } from "./money.js";
import type { ProblemIssue, SemanticIssueCode } from "./problem-issue.js";
import type { Problem } from "./problem-schema.js";

type Path = (string | number)[];

/**
 * Longest horizon accepted, in calendar days (about ten years). Calendars, windows and
 * availability are expanded per working day and slot; a horizon from year 0 to 9999
 * took 16 s just to validate, and no production plans a decade ahead.
 */
export const MAX_HORIZON_DAYS = 3660;
type Report = (code: SemanticIssueCode, path: Path, message: string) => void;

/** The first and last dates a horizon may cover (ISO dates compare as strings). */
export const EARLIEST_DATE = "1900-01-01";
export const LATEST_DATE = "9998-12-31";

/**
 * The checks a schema cannot express: references, calendar sense, money precision.
 * Returns every issue found, never just the first.
 */
export function validateProblem(problem: Problem): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  const report: Report = (code, path, message) => issues.push({ code, path, message });
  const days = dateToDayNumber(problem.horizon.end) - dateToDayNumber(problem.horizon.start) + 1;
  if (days > MAX_HORIZON_DAYS) {
    // Every other check walks the calendar: report this one alone, at once.
    report("horizon_too_long", ["horizon", "end"], `The horizon runs ${days} days (${problem.horizon.start} to ${problem.horizon.end}); at most ${MAX_HORIZON_DAYS} are allowed.`);
    return issues;
  }
  if (problem.horizon.start < EARLIEST_DATE || problem.horizon.end > LATEST_DATE) {
    // Alone too: calendar arithmetic reads years 0-99 as 1900-1999, and a slot ending at
    // midnight on 9999-12-31 has no four-digit date.
    const field = problem.horizon.start < EARLIEST_DATE ? "start" : "end";
    report("horizon_out_of_range", ["horizon", field], `The horizon runs from ${problem.horizon.start} to ${problem.horizon.end}; it must lie between ${EARLIEST_DATE} and ${LATEST_DATE}.`);
    return issues;
  }
  validateHorizon(problem, report);
  validateIds(problem, report);
  validateReferences(problem, report);
  validateRoles(problem, report);
  validateWindows(problem, report);
  validatePeriods(problem, report);
  const amountsValid = issues.length;
  validateAmounts(problem, report);
  // The sum is meaningful only when every amount is a whole number of minor units.
  if (issues.length === amountsValid) validateCostRange(problem, report);
  validatePrecedenceCycles(problem, report);
  return issues;
}

function validateHorizon(problem: Problem, report: Report): void {
  const { horizon } = problem;
  if (!isKnownTimeZone(horizon.timeZone)) {
    report("invalid_time_zone", ["horizon", "timeZone"], `"${horizon.timeZone}" is not a known IANA time zone.`);
  }
  if (dateToDayNumber(horizon.end) < dateToDayNumber(horizon.start)) {
    report("horizon_reversed", ["horizon", "end"], `The horizon ends (${horizon.end}) before it starts (${horizon.start}).`);
  } else if (workingDates(horizon).length === 0) {
    report("no_working_days", ["horizon"], "The horizon has no working day: check workingDays and excludedDates.");
  }
  const slotMinutes = slotLengthMinutes(horizon);
  const dayEnd = clockMinutes(horizon.dayStart) + horizon.slotsPerDay * slotMinutes;
  if (dayEnd > 24 * 60) {
    // Without slotMinutes the default slots fit in 10 hours, so dayStart is what is too late.
    const field = horizon.slotMinutes === undefined ? "dayStart" : "slotMinutes";
    report("day_overflow", ["horizon", field], `The horizon's ${horizon.slotsPerDay} slot(s) of ${slotMinutes} minutes from ${horizon.dayStart} run past midnight.`);
  }
}

function validateIds(problem: Problem, report: Report): void {
  const lists = [
    ["shoots", problem.shoots],
    ["crew", problem.crew],
    ["equipment", problem.equipment],
    ["locations", problem.locations],
  ] as const;
  for (const [field, list] of lists) {
    const seen = new Set<string>();
    list.forEach((entry, index) => {
      if (seen.has(entry.id)) report("duplicate_id", [field, index, "id"], `The id "${entry.id}" is used twice in ${field}.`);
      seen.add(entry.id);
    });
  }
}

function validateReferences(problem: Problem, report: Report): void {
  const people = new Set(problem.crew.map((c) => c.id));
  const locations = new Set(problem.locations.map((l) => l.id));
  const items = new Set(problem.equipment.map((e) => e.id));
  const shoots = new Set(problem.shoots.map((s) => s.id));
  const unknown = (path: Path, kind: string, id: string): void =>
    report("unknown_reference", path, `No ${kind} has the id "${id}".`);
  problem.shoots.forEach((shoot, i) => {
    shoot.locations?.forEach((id, j) => locations.has(id) || unknown(["shoots", i, "locations", j], "location", id));
    shoot.requiredPeople.forEach((id, j) => people.has(id) || unknown(["shoots", i, "requiredPeople", j], "crew member", id));
    shoot.preferredPeople.forEach((id, j) => people.has(id) || unknown(["shoots", i, "preferredPeople", j], "crew member", id));
    for (const id of Object.keys(shoot.equipment)) items.has(id) || unknown(["shoots", i, "equipment", id], "equipment item", id);
    shoot.after.forEach((p, j) => shoots.has(p.shoot) || unknown(["shoots", i, "after", j, "shoot"], "shoot", p.shoot));
    const twice = (field: "locations" | "requiredPeople" | "preferredPeople" | "after", ids: readonly string[], tail: readonly string[] = []): void => {
      ids.forEach((id, j) => {
        if (ids.indexOf(id) < j) report("duplicate_reference", ["shoots", i, field, j, ...tail], `"${id}" is listed twice in ${field} of shoot "${shoot.id}".`);
      });
    };
    twice("locations", shoot.locations ?? []);
    twice("requiredPeople", shoot.requiredPeople);
    twice("preferredPeople", shoot.preferredPeople);
    twice("after", shoot.after.map((p) => p.shoot), ["shoot"]);
    shoot.preferredPeople.forEach((id, j) => {
      if (shoot.requiredPeople.includes(id)) {
        report("person_required_and_preferred", ["shoots", i, "preferredPeople", j], `"${id}" is both required and preferred on shoot "${shoot.id}".`);
      }
    });
  });
  const projects = new Set(problem.shoots.map((s) => s.project));
  for (const project of Object.keys(problem.budget?.projects ?? {})) {
    if (!projects.has(project)) report("unknown_reference", ["budget", "projects", project], `No shoot belongs to the project "${project}".`);
  }
}

function validateRoles(problem: Problem, report: Report): void {
  const held = new Set(problem.crew.flatMap((c) => c.roles));
  problem.shoots.forEach((shoot, i) => {
    for (const role of Object.keys(shoot.roles)) {
      if (!held.has(role)) report("role_without_crew", ["shoots", i, "roles", role], `Shoot "${shoot.id}" needs a ${role}, but no crew member has that role.`);
    }
  });
}

function validateWindows(problem: Problem, report: Report): void {
  const { horizon } = problem;
  const dates = workingDates(horizon);
  const perDay = horizon.slotsPerDay;
  problem.shoots.forEach((shoot, i) => {
    const path: Path = ["shoots", i];
    if (shoot.durationSlots > perDay && shoot.durationSlots % perDay !== 0) {
      report("invalid_duration", [...path, "durationSlots"], `Shoot "${shoot.id}" lasts ${shoot.durationSlots} slots: longer than a day (${perDay} slots), it must be a whole number of days.`);
    }
    for (const field of ["notBefore", "deadline"] as const) {
      const date = shoot[field];
      if (date !== undefined && (date < horizon.start || date > horizon.end)) {
        report("window_outside_horizon", [...path, field], `Shoot "${shoot.id}" has ${field} ${date}, outside the horizon ${horizon.start} to ${horizon.end}.`);
      }
    }
    const from = shoot.notBefore ?? horizon.start;
    const to = shoot.deadline ?? horizon.end;
    const windowDays = dates.filter((d) => d >= from && d <= to).length;
    const neededDays = Math.ceil(shoot.durationSlots / perDay);
    if (windowDays < neededDays) {
      const field = shoot.deadline !== undefined ? "deadline" : shoot.notBefore !== undefined ? "notBefore" : "durationSlots";
      report("window_too_short", [...path, field], `Shoot "${shoot.id}" needs ${neededDays} working day(s) but its window ${from} to ${to} has ${windowDays}.`);
    }
  });
}

function validatePeriods(problem: Problem, report: Report): void {
  const perDay = problem.horizon.slotsPerDay;
  const check = (periods: readonly { from: string; to?: string | undefined; slots?: readonly number[] | undefined }[], path: Path, owner: string): void =>
    periods.forEach((p, j) => {
      const field = String(path.at(-1));
      if (p.to !== undefined && p.to < p.from) report("period_reversed", [...path, j, "to"], `A period in ${field} of ${owner} ends (${p.to}) before it starts (${p.from}).`);
      p.slots?.forEach((slot, k) => {
        if (slot >= perDay) report("slot_out_of_range", [...path, j, "slots", k], `Slot ${slot} in ${field} of ${owner} does not exist: a day has slots 0 to ${perDay - 1}.`);
      });
    });
  problem.crew.forEach((c, i) => {
    check(c.available ?? [], ["crew", i, "available"], `crew member "${c.id}"`);
    check(c.unavailable, ["crew", i, "unavailable"], `crew member "${c.id}"`);
  });
  problem.locations.forEach((l, i) => {
    check(l.available ?? [], ["locations", i, "available"], `location "${l.id}"`);
    check(l.unavailable, ["locations", i, "unavailable"], `location "${l.id}"`);
  });
  problem.equipment.forEach((e, i) => check(e.unavailable, ["equipment", i, "unavailable"], `equipment item "${e.id}"`));
}

function validateAmounts(problem: Problem, report: Report): void {
  const digits = minorDigits(problem.currency);
  const check = (amount: number | undefined, path: Path, owner: string): void => {
    if (amount === undefined || hasMinorPrecision(amount, digits)) return;
    const field = path.slice(typeof path[1] === "number" ? 2 : 1).join(".");
    const what = `${owner[0]?.toUpperCase()}${owner.slice(1)} has ${field} ${amount}`;
    report("amount_precision", path, `${what}: ${precisionReason(amount, digits, problem.currency)}.`);
  };
  problem.shoots.forEach((s, i) => {
    check(s.preferencePenalty, ["shoots", i, "preferencePenalty"], `shoot "${s.id}"`);
    check(s.optional?.penalty, ["shoots", i, "optional", "penalty"], `shoot "${s.id}"`);
  });
  problem.crew.forEach((c, i) => check(c.dayRate, ["crew", i, "dayRate"], `crew member "${c.id}"`));
  problem.locations.forEach((l, i) => check(l.dayFee, ["locations", i, "dayFee"], `location "${l.id}"`));
  problem.equipment.forEach((e, i) => check(e.rental?.dayRate, ["equipment", i, "rental", "dayRate"], `equipment item "${e.id}"`));
  check(problem.budget?.total, ["budget", "total"], "the budget");
  for (const [project, cap] of Object.entries(problem.budget?.projects ?? {})) check(cap, ["budget", "projects", project], "the budget");
}

/**
 * The most any plan of the problem could cost must itself be an amount money is exact
 * within (at most {@link MAX_MINOR_UNITS} minor units): every total and breakdown the
 * answer reports is at most that. Single amounts are capped by `amount_precision`, but a
 * plan adds many (a day rate over every working day, every person, every penalty), and
 * past the cap the reported costs drift by cents from what the plan adds up to.
 * Counted generously: every person paid and every location used on every working day,
 * every rental at its cap, every drop and preference penalty paid.
 */
function validateCostRange(problem: Problem, report: Report): void {
  const digits = minorDigits(problem.currency);
  const days = workingDates(problem.horizon).length;
  const minor = (amount: number) => toMinor(amount, digits);
  const parts: { path: Path; what: string; minor: number }[] = [];
  problem.crew.forEach((c, i) => parts.push({ path: ["crew", i, "dayRate"], what: `crew member "${c.id}"'s dayRate over ${days} working days`, minor: minor(c.dayRate) * days }));
  problem.locations.forEach((l, i) => parts.push({ path: ["locations", i, "dayFee"], what: `location "${l.id}"'s dayFee over ${days} working days`, minor: minor(l.dayFee) * days }));
  problem.equipment.forEach((e, i) => {
    // The path names the field that makes the part large: the day rate when it is too
    // large over the working days alone, else the unit count (10^15 units is the cause).
    if (e.rental !== undefined) parts.push({ path: ["equipment", i, "rental", minor(e.rental.dayRate) * days > MAX_MINOR_UNITS ? "dayRate" : "maxUnits"], what: `equipment item "${e.id}"'s rental of ${e.rental.maxUnits} unit(s) over ${days} working days`, minor: minor(e.rental.dayRate) * e.rental.maxUnits * days });
  });
  problem.shoots.forEach((s, i) => {
    if (s.optional !== undefined) parts.push({ path: ["shoots", i, "optional", "penalty"], what: `shoot "${s.id}"'s drop penalty`, minor: minor(s.optional.penalty) });
    if (s.preferredPeople.length > 0) parts.push({ path: ["shoots", i, "preferencePenalty"], what: `shoot "${s.id}"'s preference penalty for ${s.preferredPeople.length} people`, minor: minor(s.preferencePenalty) * s.preferredPeople.length });
  });
  const most = parts.reduce((sum, p) => sum + p.minor, 0);
  if (most <= MAX_MINOR_UNITS) return;
  const largest = parts.reduce((a, b) => (b.minor > a.minor ? b : a));
  const inMajor = (m: number) => (m / 10 ** digits).toExponential(2);
  report(
    "cost_too_large",
    largest.path,
    `A plan could cost up to about ${inMajor(most)} ${problem.currency}, more than the ${inMajor(MAX_MINOR_UNITS)} ${problem.currency} within which every cost is exact to the minor unit; the largest part is ${largest.what} (${inMajor(largest.minor)} ${problem.currency}).`,
  );
}

function validatePrecedenceCycles(problem: Problem, report: Report): void {
  const index = new Map(problem.shoots.map((s, i) => [s.id, i]));
  const targets = (id: string): string[] => (problem.shoots[index.get(id) ?? -1]?.after ?? []).map((p) => p.shoot).filter((t) => index.has(t));
  const done = new Set<string>();
  // Iterative depth-first search along "after" edges (a long chain must not overflow the
  // call stack). `path` is the current chain; meeting a shoot on it closes a cycle made
  // of exactly the chain from that shoot on.
  for (const root of problem.shoots) {
    if (done.has(root.id)) continue;
    const path: { id: string; next: string[] }[] = [{ id: root.id, next: targets(root.id) }];
    const onPath = new Map([[root.id, 0]]);
    while (path.length > 0) {
      const top = path[path.length - 1] as (typeof path)[number];
      const target = top.next.shift();
      if (target === undefined) {
        path.pop();
        onPath.delete(top.id);
        done.add(top.id);
      } else if (onPath.has(target)) {
        const chain = [...path.slice(onPath.get(target)).map((step) => step.id), target].map((s) => `"${s}"`).join(" after ");
        report("precedence_cycle", ["shoots", index.get(target) ?? -1, "after"], `Shoot "${target}" is part of a cycle of "after" rules (${chain}): no order can satisfy them.`);
      } else if (!done.has(target)) {
        onPath.set(target, path.length);
        path.push({ id: target, next: targets(target) });
      }
    }
  }
}
