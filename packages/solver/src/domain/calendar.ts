import type { Problem, Weekday } from "./problem-schema.js";

/**
 * Calendar arithmetic on ISO dates. Dates are plain calendar days in the horizon's
 * time zone, so they are handled as UTC midnights: no daylight-saving surprises.
 */

const WEEKDAYS: readonly Weekday[] = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const DAY_MS = 86_400_000;

export function dateToDayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function dayNumberToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] as Weekday;
}

/**
 * Whether `date` falls in one of the date ranges (`to` missing: that day only),
 * compared as ISO strings: a range is never expanded, so one running to 2099 costs no
 * more than one day.
 */
export function inDateRanges(ranges: readonly { readonly from: string; readonly to?: string | undefined }[], date: string): boolean {
  return ranges.some((r) => r.from <= date && date <= (r.to ?? r.from));
}

/** Every date from `from` to `to` inclusive (empty when `to` is before `from`). */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = dateToDayNumber(from); d <= dateToDayNumber(to); d += 1) dates.push(dayNumberToDate(d));
  return dates;
}

/** The horizon's working dates in order: its weekdays that are in `workingDays` and not excluded. */
export function workingDates(horizon: Problem["horizon"]): string[] {
  const excluded = new Set(horizon.excludedDates);
  const weekdays = new Set(horizon.workingDays);
  return datesBetween(horizon.start, horizon.end).filter((d) => weekdays.has(weekdayOf(d)) && !excluded.has(d));
}

/** Slot length in minutes: `slotMinutes`, else a 10-hour day cut into `slotsPerDay`. */
export function slotLengthMinutes(horizon: Problem["horizon"]): number {
  return horizon.slotMinutes ?? Math.floor(600 / horizon.slotsPerDay);
}

/** Minutes after midnight of `HH:MM`. */
export function clockMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * One formatter per time zone: building an Intl.DateTimeFormat costs far more than
 * using one, and every shoot of every checked plan asks for its wall-clock times (at
 * tier XL this was a second per priced plan). Emptied past 512 entries (zone names
 * are case-insensitive, so clients could otherwise grow it without end).
 */
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    if (offsetFormatters.size >= 512) offsetFormatters.clear();
    offsetFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Offsets already computed, by zone and instant (plans ask for the same slot starts again and again); emptied past 65 536. */
const offsets = new Map<string, number>();

/** UTC offset in minutes of `timeZone` at the UTC instant `utcMs`. */
function offsetMinutesAt(timeZone: string, utcMs: number): number {
  const key = `${timeZone}|${utcMs}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const parts = offsetFormatter(timeZone).formatToParts(new Date(utcMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  const offset = Math.round((asUtc - utcMs) / 60_000);
  if (offsets.size >= 65_536) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/**
 * Local wall-clock time `date` + `minutes` after midnight in `timeZone`, as ISO 8601
 * with its UTC offset, e.g. `2026-03-02T09:00:00+01:00`. Around daylight-saving changes
 * it resolves as RFC 5545 and Temporal's "compatible" rule do: a time that occurs twice
 * (autumn) is the earlier instant, so a slot 01:00-02:00 lasts an hour; a time the
 * change skips (spring) moves forward by the gap (02:30 becomes 03:30).
 */
export function localDateTime(date: string, minutes: number, timeZone: string): string {
  const localAsUtc = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  return wallClockAt(instantOfLocal(localAsUtc, timeZone), timeZone);
}

/** The wall-clock time of a UTC instant (epoch ms) in `timeZone`, ISO 8601 with its offset. */
export function wallClockAt(instant: number, timeZone: string): string {
  const offset = offsetMinutesAt(timeZone, instant);
  const wall = new Date(instant + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${wall}${sign}${hh}:${mm}`;
}

/** The UTC instant of a local wall-clock time (given as if it were UTC): see {@link localDateTime}. */
function instantOfLocal(localAsUtc: number, timeZone: string): number {
  // The offsets a day before and after cover any one change around this time.
  const before = offsetMinutesAt(timeZone, localAsUtc - DAY_MS);
  const after = offsetMinutesAt(timeZone, localAsUtc + DAY_MS);
  const instants = [before, after].filter((o) => offsetMinutesAt(timeZone, localAsUtc - o * 60_000) === o).map((o) => localAsUtc - o * 60_000);
  // None fits: the time was skipped; the offset before the change carries it past the gap.
  return instants.length === 0 ? localAsUtc - before * 60_000 : Math.min(...instants);
}

/** Expands periods to a set of `date#slot` keys within the given dates and slot count. */
export function periodSlotKeys(
  periods: readonly { from: string; to?: string | undefined; slots?: readonly number[] | undefined }[],
  slotsPerDay: number,
): Set<string> {
  const keys = new Set<string>();
  for (const period of periods) {
    const slots = period.slots ?? Array.from({ length: slotsPerDay }, (_, s) => s);
    for (const date of datesBetween(period.from, period.to ?? period.from)) {
      for (const slot of slots) keys.add(slotKey(date, slot));
    }
  }
  return keys;
}

export function slotKey(date: string, slot: number): string {
  return `${date}#${slot}`;
}
