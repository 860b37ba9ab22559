import type { Random } from "./random.js";

/**
 * Calendar of a generated instance. Dates are plain ISO calendar days handled as UTC
 * day numbers (days since 1970-01-01), so no time zone or locale is involved.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of an ISO date; throws on anything that is not a real `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  const match = ISO_DATE.exec(date);
  if (match === null) throw new RangeError(`not an ISO date (YYYY-MM-DD): "${date}"`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const day = ms / DAY_MS;
  if (dateOf(day) !== date) throw new RangeError(`not a real calendar date: "${date}"`);
  return day;
}

/** ISO date of a day number. */
export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The working calendar: Monday to Friday minus holidays, cut into equal slots. */
export interface Calendar {
  readonly start: string;
  /** Last working date; the horizon ends on it. */
  readonly end: string;
  /** Working dates in order; index = working-day index used everywhere in the generator. */
  readonly dates: readonly string[];
  /** Day numbers of `dates`. */
  readonly dayNumbers: readonly number[];
  /** Weekday holidays inside the horizon (excluded dates). */
  readonly holidays: readonly string[];
  readonly slotsPerDay: number;
  /** Working days × slots per day: global slot `t` is slot `t % slotsPerDay` of working day `t / slotsPerDay`. */
  readonly slotCount: number;
}

/**
 * A horizon from `anchor` with exactly `workingDays` working weekdays after
 * `holidays` weekday holidays are excluded. Holidays are never the first or the last
 * weekday, so the horizon starts and ends on working days when the anchor is a weekday.
 */
export function buildCalendar(anchor: string, workingDays: number, holidays: number, slotsPerDay: number, random: Random): Calendar {
  const first = dayNumber(anchor);
  const weekdays: number[] = [];
  for (let day = first; weekdays.length < workingDays + holidays; day += 1) {
    if (weekdayOf(day) < 5) weekdays.push(day);
  }
  const candidates = weekdays.slice(1, -1);
  const holidayDays = new Set(random.shuffle(candidates).slice(0, holidays));
  const working = weekdays.filter((d) => !holidayDays.has(d));
  const last = working[working.length - 1] ?? first;
  return {
    start: anchor,
    end: dateOf(last),
    dates: working.map(dateOf),
    dayNumbers: working,
    holidays: [...holidayDays].sort((a, b) => a - b).map(dateOf),
    slotsPerDay,
    slotCount: working.length * slotsPerDay,
  };
}

/** Date of working-day index `d`. */
export function workingDate(calendar: Calendar, d: number): string {
  const date = calendar.dates[d];
  if (date === undefined) throw new RangeError(`working day ${d} is outside the horizon`);
  return date;
}
