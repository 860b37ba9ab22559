import type { Plan, ProblemInput } from "@shootplan/solver";
import type { Witness } from "./generate-instance.js";

/**
 * The witness as a solver `Plan` (without a stated cost), so the solver's own checker
 * can verify it and a benchmark can use it as a starting plan. Wall-clock times are
 * derived from the horizon's day start, slot length and time zone.
 */
export function witnessToPlan(problem: ProblemInput, witness: Witness): Plan {
  const { horizon } = problem;
  const perDay = horizon.slotsPerDay ?? 1;
  const slotMinutes = horizon.slotMinutes ?? Math.floor(600 / perDay);
  const [h, m] = (horizon.dayStart ?? "09:00").split(":").map(Number);
  const dayStart = (h ?? 0) * 60 + (m ?? 0);
  return {
    shoots: witness.shoots.map((s) => {
      const last = s.days[s.days.length - 1] ?? s.date;
      const endSlot = s.firstSlot + s.durationSlots - (s.days.length - 1) * perDay;
      return {
        shoot: s.shoot, location: s.location, days: [...s.days], firstSlot: s.firstSlot, durationSlots: s.durationSlots,
        start: wallClock(s.date, dayStart + s.firstSlot * slotMinutes, horizon.timeZone),
        end: wallClock(last, dayStart + endSlot * slotMinutes, horizon.timeZone),
        crew: s.crew.map((c) => ({ person: c.person, role: c.role })),
        equipment: s.equipment.map((e) => ({ item: e.item, units: e.units })),
      };
    }),
    dropped: [...witness.dropped],
    rentals: witness.rentals.map((r) => ({ item: r.item, date: r.date, units: r.units })),
  };
}

/** `date` + `minutes` after local midnight in `timeZone`, as ISO 8601 with its UTC offset. */
function wallClock(date: string, minutes: number, timeZone: string): string {
  const localAsUtc = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  // Two passes settle the offset around daylight-saving changes.
  let offset = offsetMinutes(timeZone, localAsUtc);
  offset = offsetMinutes(timeZone, localAsUtc - offset * 60_000);
  const abs = Math.abs(offset);
  const sign = offset < 0 ? "-" : "+";
  return `${new Date(localAsUtc).toISOString().slice(0, 19)}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

function offsetMinutes(timeZone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(new Date(utcMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return Math.round((Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - utcMs) / 60_000);
}
