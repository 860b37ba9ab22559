import { computeCost } from "../../src/cost/compute-cost.js";
import { expectedWallClock } from "../../src/check/plan-index.js";
import type { CostBreakdown, Plan } from "../../src/domain/plan-schema.js";
import { problemSchema, type Problem, type ProblemInput } from "../../src/domain/problem-schema.js";

/**
 * One hand-built week that exercises every rule: Mon 2026-03-02 to Fri 2026-03-06 in
 * Berlin (UTC+01:00 in March), Wednesday a holiday, three 3-hour slots a day from
 * 09:00 (slot 0 = 09:00, 1 = 12:00, 2 = 15:00, day ends 18:00).
 *
 * Plan: Mon s1 (acme, slot 0) and s2 (globex, slots 1-2) share Studio A and Ana;
 * s3 (acme) runs Tue + Thu in the loft (the holiday is skipped); Fri s4 (acme, slot 0)
 * in Studio A with one rented LED panel; s5 (globex, optional) is dropped. Dana bills
 * hold days and works Mon (s2) and Fri (s4), so Tue and Thu are idle hold days.
 */
export function baseProblemInput(): ProblemInput {
  return {
    name: "Two clients, one week",
    currency: "EUR",
    horizon: { start: "2026-03-02", end: "2026-03-06", timeZone: "Europe/Berlin", excludedDates: ["2026-03-04"], slotsPerDay: 3, dayStart: "09:00", slotMinutes: 180 },
    shoots: [
      { id: "s1", title: "Acme fitting", project: "acme", durationSlots: 1, deadline: "2026-03-02", locations: ["studio-a", "studio-b"], roles: { photographer: 1 }, equipment: { camera: 1 } },
      {
        id: "s2",
        title: "Globex lookbook",
        project: "globex",
        durationSlots: 2,
        roles: { photographer: 1, stylist: 1 },
        requiredPeople: ["dana"],
        preferredPeople: ["cleo"],
        preferencePenalty: 50,
        equipment: { camera: 2 },
      },
      { id: "s3", title: "Acme campaign", project: "acme", durationSlots: 6, notBefore: "2026-03-03", requiredFeatures: ["daylight"], roles: { photographer: 1 }, equipment: { camera: 1 }, after: [{ shoot: "s1" }] },
      { id: "s4", title: "Acme packshot", project: "acme", durationSlots: 1, roles: { photographer: 1 }, requiredPeople: ["dana"], equipment: { light: 2 }, after: [{ shoot: "s2", gapDays: 2 }] },
      { id: "s5", title: "Globex bonus reel", project: "globex", durationSlots: 3, roles: { photographer: 1 }, optional: { penalty: 400 } },
    ],
    crew: [
      { id: "ana", name: "Ana Ruiz", roles: ["photographer"], dayRate: 100 },
      { id: "ben", name: "Ben Okafor", roles: ["stylist"], dayRate: 80 },
      { id: "cleo", name: "Cleo Marsh", roles: ["photographer"], dayRate: 120, available: [{ from: "2026-03-03", to: "2026-03-06" }] },
      { id: "dana", name: "Dana Vale", dayRate: 250, billing: "hold" },
    ],
    equipment: [
      { id: "camera", name: "Camera kit", owned: 2, unavailable: [{ from: "2026-03-06" }] },
      { id: "light", name: "LED panel", owned: 1, rental: { dayRate: 15.5, maxUnits: 2 } },
    ],
    locations: [
      { id: "studio-a", name: "Studio A", features: ["cyclorama"], dayFee: 200 },
      { id: "studio-b", name: "Studio B", features: ["cyclorama"], dayFee: 150 },
      { id: "loft", name: "Daylight loft", features: ["daylight"], dayFee: 500 },
    ],
    // Loose caps, so cases that raise the cost break only their own rule.
    budget: { total: 5000, projects: { acme: 3000, globex: 2000 } },
  };
}

/**
 * The hand-computed cost of {@link basePlan}, in EUR (cents in the comments).
 *
 * Crew worked days (98000):
 * - ana 4 days x 10000: Mon is shared by s1 (1 slot) and s2 (2 slots): 10000 x 1/3 =
 *   3333.33 and x 2/3 = 6666.67; floors 3333 + 6666 leave 1 cent for the larger
 *   remainder (s2: 20000 mod 3 = 2 > s1: 10000 mod 3 = 1) -> s1 3333, s2 6667.
 *   Tue + Thu -> s3 20000, Fri -> s4 10000.
 * - ben Mon -> s2 8000. dana Mon -> s2 25000, Fri -> s4 25000.
 * Crew hold days (50000): dana idles Tue and Thu (Wed is a holiday, not a working
 * day). Each idle day of 25000 is split over all her shoots by slots, s2 2 : s4 1:
 * 16666.67 / 8333.33 -> floors 16666 + 8333, the spare cent to s2 (remainder 2 > 1):
 * s2 16667, s4 8333 per day; twice: s2 33334, s4 16666.
 * Locations (140000): Studio A Mon 20000 split s1 1 : s2 2: 6666.67 / 13333.33 ->
 * floors 6666 + 13333, the spare cent to s1 (40000 mod 3 = 1 < 20000 mod 3 = 2):
 * s1 6667, s2 13333. Studio A Fri 20000 -> s4. Loft Tue + Thu 2 x 50000 -> s3.
 * Rentals (1550): 1 LED panel on Fri x 1550 -> s4. Dropped (40000): s5.
 * Preferences (5000): s2 prefers cleo, who is not in its crew.
 * Shoots: s1 3333 + 6667 = 10000; s2 6667 + 8000 + 25000 + 33334 + 13333 + 5000 = 91334;
 * s3 20000 + 100000 = 120000; s4 10000 + 25000 + 16666 + 20000 + 1550 = 73216; s5 40000.
 * Projects: acme s1 + s3 + s4 = 203216; globex s2 + s5 = 131334; total 334550.
 */
export const expectedCost: CostBreakdown = {
  currency: "EUR",
  total: 3345.5,
  byCategory: { crewWorkedDays: 980, crewHoldDays: 500, rentals: 15.5, locations: 1400, droppedShoots: 400, preferences: 50 },
  byProject: { acme: 2032.16, globex: 1313.34 },
  byPerson: { ana: 400, ben: 80, cleo: 0, dana: 1000 },
  byLocation: { loft: 1000, "studio-a": 400, "studio-b": 0 },
  byItem: { camera: 0, light: 15.5 },
  byShoot: { s1: 100, s2: 913.34, s3: 1200, s4: 732.16, s5: 400 },
};

/** The valid plan, written out by hand (wall clocks included). */
export function basePlan(): Plan {
  return {
    shoots: [
      {
        shoot: "s1",
        location: "studio-a",
        days: ["2026-03-02"],
        firstSlot: 0,
        durationSlots: 1,
        start: "2026-03-02T09:00:00+01:00",
        end: "2026-03-02T12:00:00+01:00",
        crew: [{ person: "ana", role: "photographer" }],
        equipment: [{ item: "camera", units: 1 }],
      },
      {
        shoot: "s2",
        location: "studio-a",
        days: ["2026-03-02"],
        firstSlot: 1,
        durationSlots: 2,
        start: "2026-03-02T12:00:00+01:00",
        end: "2026-03-02T18:00:00+01:00",
        crew: [
          { person: "ana", role: "photographer" },
          { person: "ben", role: "stylist" },
          { person: "dana", role: null },
        ],
        equipment: [{ item: "camera", units: 2 }],
      },
      {
        shoot: "s3",
        location: "loft",
        days: ["2026-03-03", "2026-03-05"],
        firstSlot: 0,
        durationSlots: 6,
        start: "2026-03-03T09:00:00+01:00",
        end: "2026-03-05T18:00:00+01:00",
        crew: [{ person: "ana", role: "photographer" }],
        equipment: [{ item: "camera", units: 1 }],
      },
      {
        shoot: "s4",
        location: "studio-a",
        days: ["2026-03-06"],
        firstSlot: 0,
        durationSlots: 1,
        start: "2026-03-06T09:00:00+01:00",
        end: "2026-03-06T12:00:00+01:00",
        crew: [
          { person: "ana", role: "photographer" },
          { person: "dana", role: null },
        ],
        equipment: [{ item: "light", units: 2 }],
      },
    ],
    dropped: ["s5"],
    rentals: [{ item: "light", date: "2026-03-06", units: 1 }],
    cost: structuredClone(expectedCost),
  };
}

/** A mutable copy of the fixture: the problem still as input, the plan as written. */
export interface Fixture {
  problem: ProblemInput;
  plan: Plan;
}

export function baseFixture(): Fixture {
  return { problem: baseProblemInput(), plan: basePlan() };
}

/** The plan entry of shoot `id`; throws when absent so a broken case fails loudly. */
export function entryOf(plan: Plan, id: string): Plan["shoots"][number] {
  const entry = plan.shoots.find((s) => s.shoot === id);
  if (entry === undefined) throw new Error(`fixture has no entry for ${id}`);
  return entry;
}

/** The problem shoot `id` of an input; throws when absent. */
export function shootInput(problem: ProblemInput, id: string): ProblemInput["shoots"][number] {
  const shoot = problem.shoots.find((s) => s.id === id);
  if (shoot === undefined) throw new Error(`fixture has no shoot ${id}`);
  return shoot;
}

/** The crew member `id` of an input; throws when absent. */
export function personInput(problem: ProblemInput, id: string): ProblemInput["crew"][number] {
  const person = problem.crew.find((c) => c.id === id);
  if (person === undefined) throw new Error(`fixture has no person ${id}`);
  return person;
}

/**
 * Parses the problem and brings the plan's derived figures (wall clocks and stated
 * cost) in line with its edited days and slots, so a case breaks only the rule it
 * targets. Cases about those figures tamper with them afterwards.
 */
export function restate(fixture: Fixture): { problem: Problem; plan: Plan } {
  const problem = problemSchema.parse(fixture.problem);
  const shoots = fixture.plan.shoots.map((entry) => ({ ...entry, ...expectedWallClock(problem.horizon, entry) }));
  const plan: Plan = { ...fixture.plan, shoots };
  return { problem, plan: { ...plan, cost: computeCost(problem, plan) } };
}
