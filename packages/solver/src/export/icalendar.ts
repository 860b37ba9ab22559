import type { ShootDay } from "./shoot-days.js";
import { readEarlierPlan, readPlan, shootDays } from "./shoot-days.js";
import { InvalidOptionsError } from "../errors.js";

/** Whose calendar: the whole plan (default), one person's shoots, or one location's. */
export interface PlanCalendarOptions {
  /** Only the shoots this crew member works on; the summary adds their role. */
  readonly person?: string;
  /** Only the shoots at this location. */
  readonly location?: string;
  /**
   * RFC 5545 SEQUENCE of every event (default 0). Events keep their UID from plan to
   * plan (the shoot and its day), so a calendar re-exported after a repair with a
   * higher sequence updates the events a client already has instead of adding copies.
   */
  readonly sequence?: number;
  /** DTSTAMP: when the calendar was made. Default: now. Pass it for byte-identical output. */
  readonly createdAt?: Date;
  /**
   * The plan this one replaces (a plan or answer, e.g. before a repair): its events that
   * this plan no longer has (a shoot moved to other days or dropped, a person taken off
   * a shoot) are included as cancelled, so a client that imported the earlier calendar
   * removes them. Use with a higher `sequence`. Default: none.
   */
  readonly earlierPlan?: unknown;
}

/**
 * The plan as an iCalendar (RFC 5545) text: one VEVENT per working day of each
 * scheduled shoot (a multi-day shoot is one event per day, as worked), times in UTC
 * (every client shows them in its own zone; no VTIMEZONE needed), the location, the
 * crew with roles and the equipment in the description, the project as category.
 * `problem` and `plan` are JSON as `check` takes them (a whole answer is accepted for
 * the plan). Throws InvalidProblemError, InvalidPlanError (a plan naming what the
 * problem does not have), or InvalidOptionsError (an unknown person or location, a sequence or createdAt out of range).
 */
export function planCalendar(problem: unknown, plan: unknown, options: PlanCalendarOptions = {}): string {
  const reading = readPlan(problem, plan);
  const { person, location } = options;
  const who = person === undefined ? undefined : reading.problem.crew.find((c) => c.id === person);
  if (person !== undefined && who === undefined) throw new InvalidOptionsError(`No crew member "${person}" in the problem.`, "person");
  const where = location === undefined ? undefined : reading.problem.locations.find((l) => l.id === location);
  if (location !== undefined && where === undefined) throw new InvalidOptionsError(`No location "${location}" in the problem.`, "location");
  const sequence = options.sequence ?? 0;
  if (!Number.isInteger(sequence) || sequence < 0) throw new InvalidOptionsError(`sequence must be a whole number >= 0, got ${sequence}.`, "sequence");
  const shown = (d: ShootDay) => (person === undefined || d.crew.some((c) => c.person === person)) && (location === undefined || d.location.id === location);
  const days = shootDays(reading).filter(shown);
  const createdAt = options.createdAt ?? new Date();
  if (!(createdAt instanceof Date) || Number.isNaN(createdAt.getTime())) throw new InvalidOptionsError(`createdAt must be a valid Date, got ${String(createdAt)}.`, "createdAt");
  const stamp = utc(createdAt.toISOString());
  const name = [reading.problem.name ?? "Shoot plan", who?.name, where?.name].filter((x) => x !== undefined).join(" - ");
  const scope = uidScope(reading.problem.name ?? "");
  const uid = (d: ShootDay) => `${d.shoot}.day${d.day}.${scope}@shootplan`;
  const kept = new Set(days.map(uid));
  const earlier = options.earlierPlan === undefined ? [] : shootDays({ problem: reading.problem, plan: readEarlierPlan(options.earlierPlan) }).filter(shown);
  const cancelled = earlier.filter((d) => !kept.has(uid(d)));
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//shootplan//shootplan//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    property("X-WR-CALNAME", name),
    ...days.flatMap((d) => event(d, { person, sequence, stamp, uid: uid(d), status: "CONFIRMED" })),
    ...cancelled.flatMap((d) => event(d, { person, sequence, stamp, uid: uid(d), status: "CANCELLED" })),
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}

function event(d: ShootDay, o: { person: string | undefined; sequence: number; stamp: string; uid: string; status: "CONFIRMED" | "CANCELLED" }): string[] {
  const role = o.person === undefined ? undefined : d.crew.find((c) => c.person === o.person)?.role;
  const label = role === undefined ? "" : ` (${role ?? "attending"})`;
  const crew = d.crew.map((c) => `${c.name} (${c.role ?? "attending"})`).join(", ");
  const equipment = d.equipment.map((e) => `${e.units} x ${e.name}${e.rentedUnits > 0 ? ` (${e.rentedUnits} rented)` : ""}`).join(", ");
  const description = [
    `Project: ${d.project}`,
    ...(d.days > 1 ? [`Day ${d.day} of ${d.days}`] : []),
    `Crew: ${crew === "" ? "none" : crew}`,
    ...(equipment === "" ? [] : [`Equipment: ${equipment}`]),
  ].join("\n");
  return [
    "BEGIN:VEVENT",
    property("UID", o.uid),
    `DTSTAMP:${o.stamp}`,
    `DTSTART:${utc(d.start)}`,
    `DTEND:${utc(d.end)}`,
    `SEQUENCE:${o.sequence}`,
    property("SUMMARY", `${d.title}${d.days > 1 ? ` (day ${d.day} of ${d.days})` : ""}${label}`),
    property("LOCATION", d.location.name),
    property("DESCRIPTION", description),
    property("CATEGORIES", d.project),
    `STATUS:${o.status}`,
    "TRANSP:OPAQUE",
    "END:VEVENT",
  ];
}

/**
 * `NAME:value` with the value escaped as RFC 5545 TEXT (backslash, semicolon, comma,
 * newline); other control characters, which TEXT may not hold, are dropped (tab stays).
 */
function property(name: string, value: string): string {
  const escaped = value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
  return `${name}:${escaped.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, "")}`;
}

/** An ISO 8601 instant (any offset) as a UTC DATE-TIME, e.g. 20270301T070000Z. */
function utc(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/**
 * Folds a content line at 75 octets (RFC 5545 3.1): continuation lines start with a
 * space. Counted in UTF-8 bytes, never splitting a character.
 */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let bytes = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line holds 75 octets; each continuation 74 after its leading space.
    if (bytes + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = "";
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/**
 * A short stable tag of the production (FNV-1a of the problem's name), so that two
 * productions' shoots with the same id do not share UIDs in one calendar, while the same
 * production's events keep theirs from plan to plan, whatever a change moves (its
 * horizon included). Problems without a name share the tag.
 */
function uidScope(name: string): string {
  let hash = 0x811c9dc5;
  for (const ch of name) hash = Math.imul(hash ^ (ch.codePointAt(0) ?? 0), 0x01000193);
  return (hash >>> 0).toString(36);
}
