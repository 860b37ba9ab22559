import { dateToDayNumber, dayNumberToDate, weekdayOf } from "../domain/calendar.js";
import type { ProblemInput } from "../domain/problem-schema.js";
import { talentInstanceToSequencing } from "./sequencing.js";

/** The first Monday of 2027: a fixed anchor so converted problems are reproducible. */
const ANCHOR = "2027-01-04";

/**
 * A published talent scheduling instance as a shootplan problem: each scene a shoot at
 * the one set (capacity 1), each actor a hold-billed crew member required by name, and
 * a horizon of exactly sum(durations) working days (Monday to Friday).
 */
export function talentProblem(json: unknown, name = "talent"): ProblemInput {
  const instance = talentInstanceToSequencing(json);
  const days = instance.durations.reduce((a, b) => a + b, 0);
  return {
    name,
    currency: "EUR",
    horizon: { start: ANCHOR, end: nthWorkingDay(ANCHOR, days), timeZone: "UTC" },
    locations: [{ id: "set", name: "Film set", dayFee: 0 }],
    crew: instance.dayRates.map((rate, j) => ({ id: `actor-${j + 1}`, name: `Actor ${j + 1}`, dayRate: rate, billing: "hold" as const })),
    shoots: instance.durations.map((duration, i) => ({
      id: `scene-${String(i + 1).padStart(2, "0")}`,
      title: `Scene ${i + 1}`,
      project: name,
      durationSlots: duration,
      locations: ["set"],
      requiredPeople: instance.scenesByActor.flatMap((scenes, j) => (scenes.includes(i) ? [`actor-${j + 1}`] : [])),
    })),
  };
}

/** The date of the n-th Monday-to-Friday day counting `from` as the first. */
function nthWorkingDay(from: string, n: number): string {
  let day = dateToDayNumber(from);
  let counted = 0;
  for (;;) {
    const weekday = weekdayOf(dayNumberToDate(day));
    if (weekday !== "saturday" && weekday !== "sunday") counted += 1;
    if (counted >= n) return dayNumberToDate(day);
    day += 1;
  }
}
