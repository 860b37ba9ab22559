import { InvalidOptionsError } from "../errors.js";
import { readPlan, shootDays, type ShootDay } from "./shoot-days.js";

/** What everybody needs to know about one working day of the plan. */
export interface CallSheet {
  readonly date: string;
  /** The problem's name, when it has one. */
  readonly production: string | null;
  /** The horizon's IANA time zone: every time below is wall-clock time there. */
  readonly timeZone: string;
  /** The shoots on that date, in order of start. */
  readonly shoots: readonly ShootDay[];
  /** Everyone working that day, by call time, then name: when to arrive and leave, and for what. */
  readonly people: readonly CallSheetPerson[];
  /** Units rented for that date (what the rental desk must have ready). */
  readonly rentals: readonly { readonly item: string; readonly name: string; readonly units: number }[];
}

export interface CallSheetPerson {
  readonly person: string;
  readonly name: string;
  /** Start of their first shoot and end of their last, ISO 8601 with offset. */
  readonly call: string;
  readonly wrap: string;
  readonly shoots: readonly { readonly shoot: string; readonly title: string; readonly role: string | null; readonly location: string; readonly start: string; readonly end: string }[];
}

/**
 * The call sheet of one date: its shoots, the crew's call and wrap times, the rentals.
 * A date without shoots gives an empty sheet. `problem` and `plan` as `planCalendar`
 * takes them; an ill-formed date throws InvalidOptionsError.
 */
export function callSheet(problem: unknown, plan: unknown, date: string): CallSheet {
  if (!isIsoDate(date)) throw new InvalidOptionsError(`date must be an ISO date such as 2027-03-01, got "${date}".`, "date");
  const reading = readPlan(problem, plan);
  const shoots = shootDays(reading).filter((d) => d.date === date);
  const people = new Map<string, { name: string; shoots: CallSheetPerson["shoots"][number][] }>();
  for (const d of shoots) {
    for (const c of d.crew) {
      const entry = people.get(c.person) ?? { name: c.name, shoots: [] };
      entry.shoots.push({ shoot: d.shoot, title: d.title, role: c.role, location: d.location.name, start: d.start, end: d.end });
      people.set(c.person, entry);
    }
  }
  const items = new Map(reading.problem.equipment.map((e) => [e.id, e.name]));
  return {
    date,
    production: reading.problem.name ?? null,
    timeZone: reading.problem.horizon.timeZone,
    shoots,
    people: [...people]
      .map(([person, p]) => ({ person, name: p.name, call: p.shoots[0]?.start ?? "", wrap: p.shoots.reduce((late, s) => (Date.parse(s.end) > Date.parse(late) ? s.end : late), p.shoots[0]?.end ?? ""), shoots: p.shoots }))
      .sort((a, b) => Date.parse(a.call) - Date.parse(b.call) || a.name.localeCompare(b.name) || a.person.localeCompare(b.person)),
    rentals: reading.plan.rentals.filter((r) => r.date === date).map((r) => ({ item: r.item, name: items.get(r.item) ?? r.item, units: r.units })),
  };
}

/** The call sheet as Markdown, for printing or a message: times as wall-clock HH:MM. */
export function formatCallSheet(sheet: CallSheet): string {
  const title = `# Call sheet${sheet.production === null ? "" : `: ${line(sheet.production)}`}, ${sheet.date}`;
  if (sheet.shoots.length === 0) return `${title}\n\nNo shoots on this date.\n`;
  const out = [title, "", `Times in ${sheet.timeZone}.`, "", "## Shoots", ""];
  for (const d of sheet.shoots) {
    out.push(`### ${clock(d.start)}-${clock(d.end)} ${line(d.title)}${d.days > 1 ? ` (day ${d.day} of ${d.days})` : ""}`, "");
    out.push(`- Where: ${line(d.location.name)}`, `- Project: ${line(d.project)}`);
    out.push(`- Crew: ${d.crew.length === 0 ? "none" : line(d.crew.map((c) => `${c.name} (${c.role ?? "attending"})`).join(", "))}`);
    if (d.equipment.length > 0) out.push(`- Equipment: ${line(d.equipment.map((e) => `${e.units} x ${e.name}${e.rentedUnits > 0 ? ` (${e.rentedUnits} rented)` : ""}`).join(", "))}`);
    out.push("");
  }
  out.push("## Crew calls", "", "| Name | Call | Wrap | Shoots |", "|---|---|---|---|");
  for (const p of sheet.people) {
    const shoots = p.shoots.map((s) => `${clock(s.start)} ${s.title} (${s.role ?? "attending"}, ${s.location})`).join("; ");
    out.push(`| ${cell(p.name)} | ${clock(p.call)} | ${clock(p.wrap)} | ${cell(shoots)} |`);
  }
  if (sheet.rentals.length > 0) out.push("", "## Rentals", "", ...sheet.rentals.map((r) => `- ${r.units} x ${line(r.name)}`));
  return `${out.join("\n")}\n`;
}

/** A real calendar date written YYYY-MM-DD (Date.parse alone takes 2026-02-30). */
function isIsoDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/** HH:MM of an ISO 8601 local date-time with offset (its wall-clock part). */
function clock(iso: string): string {
  return iso.slice(11, 16);
}

/** Text on one line: a line break in a name would start a heading or list item of its own. */
function line(text: string): string {
  return text.replace(/[\r\n]+/g, " ");
}

/** A table cell: one line, and pipes would break the row. */
function cell(text: string): string {
  return line(text).replace(/\|/g, "\\|");
}
