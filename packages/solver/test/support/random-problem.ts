import fc from "fast-check";
import { safeParseProblem } from "../../src/domain/parse-problem.js";
import type { Problem, ProblemInput } from "../../src/domain/problem-schema.js";
import { createRandom } from "../../src/heuristics/prng.js";

/**
 * Random small problems that exercise every rule: slots, windows, features, roles,
 * required and preferred people, hold billing, availability, day limits, equipment
 * with rentals and maintenance, capacity, precedence, optional shoots and budgets.
 * `size: "tiny"` keeps them small enough for brute-force enumeration.
 */
export function randomProblem(size: "tiny" | "small"): fc.Arbitrary<ProblemInput> {
  const tiny = size === "tiny";
  return fc
    .record({
      slotsPerDay: tiny ? fc.constant(1) : fc.integer({ min: 1, max: 2 }),
      days: fc.integer({ min: 2, max: tiny ? 3 : 4 }),
      shootCount: fc.integer({ min: 1, max: tiny ? 3 : 4 }),
      crewCount: fc.integer({ min: 2, max: tiny ? 3 : 5 }),
      locationCount: fc.integer({ min: 1, max: 2 }),
      seed: fc.integer({ min: 0, max: 2 ** 30 }),
    })
    .map((shape) => build(shape, tiny));
}

interface Shape {
  slotsPerDay: number;
  days: number;
  shootCount: number;
  crewCount: number;
  locationCount: number;
  seed: number;
}

const ROLES = ["photographer", "assistant"] as const;

function build(shape: Shape, tiny: boolean): ProblemInput {
  // Deterministic choices from the seed, so shrinking stays meaningful.
  const r = createRandom(shape.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const chance = (p: number) => r() < p;
  const dates = ["2027-03-01", "2027-03-02", "2027-03-03", "2027-03-04"].slice(0, shape.days);
  const end = dates[dates.length - 1] ?? "2027-03-01";
  const crew = Array.from({ length: shape.crewCount }, (_, i) => ({
    id: `p${i}`,
    name: `Person ${i}`,
    roles: i < 2 ? [ROLES[i % 2] as string] : chance(0.5) ? [...ROLES] : [pick(ROLES)],
    dayRate: 100 + Math.floor(r() * 5) * 50 + (chance(0.3) ? 0.25 : 0),
    ...(chance(0.25) ? { billing: "hold" as const } : {}),
    ...(chance(0.3) ? { unavailable: [{ from: pick(dates), ...(shape.slotsPerDay > 1 && chance(0.5) ? { slots: [0] } : {}) }] } : {}),
    ...(chance(0.15) ? { maxDays: 1 } : {}),
    ...(chance(0.15) ? { maxConsecutiveDays: 1 } : {}),
  }));
  const locations = Array.from({ length: shape.locationCount }, (_, i) => ({
    id: `l${i}`,
    name: `Location ${i}`,
    features: i === 0 ? ["studio"] : chance(0.5) ? ["studio", "outdoor"] : ["outdoor"],
    dayFee: 50 + Math.floor(r() * 4) * 25,
    ...(chance(0.3) ? { capacity: 2 } : {}),
    ...(chance(0.2) ? { unavailable: [{ from: pick(dates) }] } : {}),
  }));
  const shoots = Array.from({ length: shape.shootCount }, (_, i) => {
    const duration = shape.slotsPerDay === 1 ? 1 : pick([1, 1, 2]);
    const roles: Record<string, number> = chance(0.8) ? { photographer: 1 } : {};
    if (chance(0.5)) roles["assistant"] = 1;
    const other = crew[Math.floor(r() * crew.length)];
    return {
      id: `s${i}`,
      title: `Shoot ${i}`,
      project: chance(0.5) ? "alpha" : "beta",
      durationSlots: duration,
      ...(chance(0.2) ? { deadline: dates[Math.min(1, dates.length - 1)] } : {}),
      ...(chance(0.3) ? { requiredFeatures: [pick(["studio", "outdoor"])] } : {}),
      roles,
      ...(chance(0.2) && other ? { requiredPeople: [other.id] } : chance(0.2) && other ? { preferredPeople: [other.id], preferencePenalty: 40 } : {}),
      ...(chance(0.4) ? { equipment: { kit: pick([1, 2]) } } : {}),
      ...(i > 0 && chance(0.25) ? { after: [{ shoot: `s${i - 1}`, gapDays: pick([0, 0, 1]) }] } : {}),
      ...(chance(0.3) ? { optional: { penalty: pick([30, 300, 3000]) } } : {}),
    };
  });
  return {
    currency: "EUR",
    horizon: { start: dates[0] ?? "2027-03-01", end, timeZone: "Europe/Berlin", slotsPerDay: shape.slotsPerDay },
    shoots,
    crew,
    equipment: [{ id: "kit", name: "Kit", owned: 1, ...(chance(0.3) ? { unavailable: [{ from: pick(dates) }] } : {}), ...(chance(0.7) ? { rental: { dayRate: 35, maxUnits: 1 } } : {}) }],
    locations,
    ...(chance(0.2) ? { budget: { total: 600 + Math.floor(r() * 10) * 100 } } : {}),
    ...(chance(0.15) ? { budget: { projects: { alpha: 400 + Math.floor(r() * 8) * 100 } } } : {}),
  };
}

/** The parsed problem, or null when a random draw broke a semantic rule (callers skip it with fc.pre). */
export function parsedOrNull(input: unknown): Problem | null {
  const result = safeParseProblem(input);
  return result.success ? result.problem : null;
}
