import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeCost } from "../../src/cost/compute-cost.js";
import type { CostBreakdown, Plan } from "../../src/domain/plan-schema.js";
import { safeParseProblem } from "../../src/domain/parse-problem.js";
import { problemSchema, type Problem, type ProblemInput } from "../../src/domain/problem-schema.js";
import { basePlan, baseProblemInput, expectedCost } from "./fixture.js";

/** Seed derived from the property's name (FNV-1a), so every run is reproducible. */
function seedOf(name: string): number {
  let hash = 0x811c9dc5;
  for (const ch of name) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193);
  return hash | 0;
}

const cents = (amount: number): number => Math.round(amount * 100);
const sumCents = (record: Record<string, number>): number => Object.values(record).reduce((a, b) => a + cents(b), 0);
const DATES = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"] as const;
const dateAt = (day: number): string => DATES[day % DATES.length] ?? "2026-03-02";

function weekProblem(slotsPerDay: number, parts: Pick<ProblemInput, "shoots" | "crew" | "equipment" | "locations">): Problem {
  return problemSchema.parse({ currency: "EUR", horizon: { start: "2026-03-02", end: "2026-03-06", timeZone: "Europe/Berlin", slotsPerDay }, ...parts });
}

function entry(shoot: string, fields: Partial<Plan["shoots"][number]>): Plan["shoots"][number] {
  return { shoot, location: "studio", days: ["2026-03-02"], firstSlot: 0, durationSlots: 1, start: "", end: "", crew: [], equipment: [], ...fields };
}

describe("computeCost on the fixture", () => {
  it("equals the hand-computed breakdown", () => {
    expect(computeCost(problemSchema.parse(baseProblemInput()), basePlan())).toEqual(expectedCost);
  });

  it("gives the spare cent of an equal split to the smallest shoot id, whatever the plan order", () => {
    const problem = weekProblem(1, {
      shoots: ["b", "a", "c"].map((id) => ({ id, title: id, project: `p-${id}`, durationSlots: 1 })),
      crew: [{ id: "ana", name: "Ana", dayRate: 1 }],
      locations: [{ id: "studio", name: "Studio", dayFee: 0, capacity: 3 }],
    });
    const plan: Plan = { shoots: ["b", "a", "c"].map((id) => entry(id, { crew: [{ person: "ana", role: null }] })), dropped: [], rentals: [] };
    expect(computeCost(problem, plan).byShoot).toEqual({ a: 0.34, b: 0.33, c: 0.33 });
  });

  it("lists every project, person, location and item, with 0 when nothing is charged", () => {
    const problem = weekProblem(1, {
      shoots: [{ id: "s", title: "s", project: "p", durationSlots: 1, optional: { penalty: 0 } }],
      crew: [{ id: "ana", name: "Ana", dayRate: 10 }],
      equipment: [{ id: "cam", name: "Cam", owned: 1 }],
      locations: [{ id: "studio", name: "Studio", dayFee: 10 }],
    });
    const cost = computeCost(problem, { shoots: [], dropped: ["s"], rentals: [] });
    expect(cost).toMatchObject({ total: 0, byProject: { p: 0 }, byPerson: { ana: 0 }, byLocation: { studio: 0 }, byItem: { cam: 0 }, byShoot: { s: 0 } });
  });
});

const scenario = fc.record({
  slotsPerDay: fc.integer({ min: 1, max: 4 }),
  people: fc.array(fc.record({ rate: fc.integer({ min: 0, max: 99_999 }), hold: fc.boolean() }), { minLength: 1, maxLength: 4 }),
  fees: fc.array(fc.integer({ min: 0, max: 99_999 }), { minLength: 1, maxLength: 3 }),
  itemRates: fc.array(fc.integer({ min: 0, max: 9_999 }), { minLength: 1, maxLength: 2 }),
  shoots: fc.array(
    fc.record({
      project: fc.integer({ min: 0, max: 2 }),
      day: fc.integer({ min: 0, max: 4 }),
      start: fc.nat(),
      length: fc.nat(),
      location: fc.nat(),
      crewMask: fc.nat(),
      item: fc.nat(),
      units: fc.integer({ min: 0, max: 3 }),
      dropped: fc.boolean(),
      penalty: fc.integer({ min: 0, max: 99_999 }),
      preferred: fc.nat(),
      preferencePenalty: fc.integer({ min: 0, max: 9_999 }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  rentals: fc.array(fc.record({ item: fc.nat(), day: fc.integer({ min: 0, max: 4 }), units: fc.integer({ min: 1, max: 3 }) }), { maxLength: 4 }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** A random week (any plan, valid or not: computeCost prices whatever it is given). */
function build(s: Scenario): { problem: Problem; plan: Plan } {
  const at = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
  const people = s.people.map((p, i) => ({ id: `p${i}`, name: `P${i}`, dayRate: p.rate / 100, billing: p.hold ? ("hold" as const) : ("worked" as const) }));
  const crewOf = (mask: number): string[] => people.filter((_, i) => (mask >> i) & 1).map((p) => p.id);
  const problem = weekProblem(s.slotsPerDay, {
    shoots: s.shoots.map((x, i) => ({
      id: `s${i}`,
      title: `S${i}`,
      project: `proj${x.project}`,
      durationSlots: 1,
      preferredPeople: x.preferred % (people.length + 1) < people.length ? [at(people, x.preferred).id] : [],
      preferencePenalty: x.preferencePenalty / 100,
      ...(x.dropped ? { optional: { penalty: x.penalty / 100 } } : {}),
    })),
    crew: people,
    equipment: s.itemRates.map((r, i) => ({ id: `i${i}`, name: `I${i}`, owned: 0, rental: { dayRate: r / 100, maxUnits: 9 } })),
    locations: s.fees.map((f, i) => ({ id: `l${i}`, name: `L${i}`, dayFee: f / 100 })),
  });
  const scheduled = s.shoots.flatMap((x, i) => {
    if (x.dropped) return [];
    const duration = 1 + (x.length % s.slotsPerDay);
    return [
      entry(`s${i}`, {
        location: `l${x.location % s.fees.length}`,
        days: [dateAt(x.day)],
        firstSlot: x.start % (s.slotsPerDay - duration + 1),
        durationSlots: duration,
        crew: crewOf(x.crewMask).map((person) => ({ person, role: null })),
        equipment: x.units > 0 ? [{ item: `i${x.item % s.itemRates.length}`, units: x.units }] : [],
      }),
    ];
  });
  const plan: Plan = {
    shoots: scheduled,
    dropped: s.shoots.flatMap((x, i) => (x.dropped ? [`s${i}`] : [])),
    rentals: s.rentals.map((r) => ({ item: `i${r.item % s.itemRates.length}`, date: dateAt(r.day), units: r.units })),
  };
  return { problem, plan };
}

/** Category totals recomputed the simplest way (no splits), in cents. */
function naiveCategories(s: Scenario, problem: Problem, plan: Plan): Record<keyof CostBreakdown["byCategory"], number> {
  const workedDates = (person: string): Set<number> =>
    new Set(plan.shoots.filter((e) => e.crew.some((c) => c.person === person)).map((e) => DATES.indexOf(e.days[0] as (typeof DATES)[number])));
  let crewWorkedDays = 0;
  let crewHoldDays = 0;
  for (const person of problem.crew) {
    const days = workedDates(person.id);
    crewWorkedDays += cents(person.dayRate) * days.size;
    // Every date of this week is a working day, so the idle days are the gaps in the span.
    if (person.billing === "hold" && days.size > 0) crewHoldDays += cents(person.dayRate) * (Math.max(...days) - Math.min(...days) + 1 - days.size);
  }
  const locationDays = new Set(plan.shoots.map((e) => `${e.location}|${e.days[0] ?? ""}`));
  const fee = (id: string): number => cents(problem.locations.find((l) => l.id === id)?.dayFee ?? 0);
  const rate = (id: string): number => cents(problem.equipment.find((e) => e.id === id)?.rental?.dayRate ?? 0);
  return {
    crewWorkedDays,
    crewHoldDays,
    locations: [...locationDays].reduce((sum, key) => sum + fee(key.split("|")[0] ?? ""), 0),
    rentals: plan.rentals.reduce((sum, r) => sum + r.units * rate(r.item), 0),
    droppedShoots: s.shoots.reduce((sum, x) => sum + (x.dropped ? x.penalty : 0), 0),
    preferences: plan.shoots.reduce((sum, e) => {
      const shoot = problem.shoots.find((x) => x.id === e.shoot);
      const missing = shoot?.preferredPeople.filter((p) => !e.crew.some((c) => c.person === p)).length ?? 0;
      return sum + missing * cents(shoot?.preferencePenalty ?? 0);
    }, 0),
  };
}

/** Every breakdown adds up, to the cent, to the total or to its category. */
function expectBreakdownsAddUp(cost: CostBreakdown): void {
  const total = cents(cost.total);
  expect(sumCents(cost.byCategory)).toBe(total);
  expect(sumCents(cost.byShoot)).toBe(total);
  expect(sumCents(cost.byProject)).toBe(total);
  expect(sumCents(cost.byPerson)).toBe(cents(cost.byCategory.crewWorkedDays) + cents(cost.byCategory.crewHoldDays));
  expect(sumCents(cost.byLocation)).toBe(cents(cost.byCategory.locations));
  expect(sumCents(cost.byItem)).toBe(cents(cost.byCategory.rentals));
}

describe("computeCost properties", () => {
  it("every breakdown adds up to the total to the cent, and categories match a naive recount", () => {
    let runs = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        runs += 1;
        const { problem, plan } = build(s);
        const cost = computeCost(problem, plan);
        expectBreakdownsAddUp(cost);
        const naive = naiveCategories(s, problem, plan);
        for (const [category, amount] of Object.entries(cost.byCategory)) expect([category, cents(amount)]).toEqual([category, naive[category as keyof typeof naive]]);
      }),
      { seed: seedOf("compute-cost: breakdowns add up"), numRuns: 300 },
    );
    expect(runs).toBe(300);
  });

  it("at the largest amounts validation accepts, every breakdown still adds up to the cent", () => {
    // Amounts scaled up until validation's cost_too_large just lets the problem through.
    const scaled = (s: Scenario, f: number): Scenario => ({
      ...s,
      people: s.people.map((p) => ({ ...p, rate: p.rate * f })),
      fees: s.fees.map((x) => x * f),
      itemRates: s.itemRates.map((x) => x * f),
      shoots: s.shoots.map((x) => ({ ...x, penalty: x.penalty * f, preferencePenalty: x.preferencePenalty * f })),
    });
    const verdict = (s: Scenario) => {
      const result = safeParseProblem(build(s).problem);
      return result.success ? "accepted" : result.issues.map((i) => i.code).join(",");
    };
    let runs = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        fc.pre(verdict(scaled(s, 2 ** 40)) !== "accepted");
        let f = 2 ** 40;
        while (f > 1 && verdict(scaled(s, f)) !== "accepted") f /= 2;
        expect(verdict(scaled(s, f))).toBe("accepted");
        // Twice as much is refused (as a whole; a lone penalty is also an amount too large alone).
        expect(["cost_too_large", "amount_precision"]).toContain(verdict(scaled(s, 2 * f)));
        runs += 1;
        const { problem, plan } = build(scaled(s, f));
        const cost = computeCost(problem, plan);
        expectBreakdownsAddUp(cost);
      }),
      { seed: seedOf("compute-cost: breakdowns add up at the largest accepted amounts"), numRuns: 200 },
    );
    expect(runs).toBeGreaterThan(100);
  });

  it("splits a shared person-day by slots, each part within a cent of its exact share", () => {
    let runs = 0;
    const weights = fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(weights, fc.integer({ min: 0, max: 9_999_999 }), (slots, rate) => {
        runs += 1;
        const ids = slots.map((_, i) => `s${i}`);
        const problem = weekProblem(10, {
          shoots: ids.map((id, i) => ({ id, title: id, project: `p${i}`, durationSlots: slots[i] ?? 1 })),
          crew: [{ id: "ana", name: "Ana", dayRate: rate / 100 }],
          locations: [{ id: "studio", name: "Studio", dayFee: 0, capacity: 9 }],
        });
        // Overlapping placements are fine here: the cost prices the plan as it stands.
        const plan: Plan = { shoots: ids.map((id, i) => entry(id, { durationSlots: slots[i] ?? 1, crew: [{ person: "ana", role: null }] })), dropped: [], rentals: [] };
        const cost = computeCost(problem, plan);
        const weightSum = slots.reduce((a, b) => a + b, 0);
        expect(sumCents(cost.byShoot)).toBe(rate);
        ids.forEach((id, i) => expect(Math.abs(cents(cost.byShoot[id] ?? 0) - (rate * (slots[i] ?? 0)) / weightSum)).toBeLessThan(1));
      }),
      { seed: seedOf("compute-cost: person-day split"), numRuns: 300 },
    );
    expect(runs).toBe(300);
  });
});
