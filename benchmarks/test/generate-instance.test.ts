import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// The package entry (@shootplan/solver) re-exports modules other work is still adding;
// the parser module is imported directly so these tests depend on it alone.
import { safeParseProblem } from "../../packages/solver/src/domain/parse-problem.js";
import type { Problem } from "../../packages/solver/src/domain/problem-schema.js";
import { DEFAULT_ANCHOR_DATE, TIERS, TIER_NAMES, generateInstance, generateInstanceWithWitness, generateWitness, type GeneratedInstance, type Tier } from "../src/generate-instance.js";
import { createRandom } from "../src/generator/random.js";
import { buildEntry, instanceJson, type InstanceEntry } from "../src/instance-index.js";
import { checkWitness } from "./support/witness-checker.js";

const instancesDir = join(dirname(fileURLToPath(import.meta.url)), "..", "instances");

function parsed(generated: GeneratedInstance): Problem {
  const result = safeParseProblem(JSON.parse(JSON.stringify(generated.problem)));
  if (!result.success) throw new Error(`generated problem is invalid: ${JSON.stringify(result.issues.slice(0, 5))}`);
  return result.problem;
}

// Generated once and shared: every tier at seed 1, plus more small seeds.
const cases: { tier: Tier; seed: number }[] = [
  ...TIER_NAMES.map((tier) => ({ tier, seed: 1 })),
  ...[2, 3, 4, 5, 6, 7, 8].map((seed) => ({ tier: "S" as const, seed })),
  ...[2, 3, 4].map((seed) => ({ tier: "M" as const, seed })),
  { tier: "L", seed: 2 },
];
const generated = new Map(cases.map((c) => [`${c.tier}-${c.seed}`, generateInstanceWithWitness(c)]));
const each = [...generated].map(([name, g]) => ({ name, g }));

describe("generateInstance", () => {
  it.each(TIER_NAMES)("tier %s has exactly the tier's shoots, crew, locations and working days", (tier) => {
    const { problem, stats } = generated.get(`${tier}-1`) as GeneratedInstance;
    const spec = TIERS[tier];
    expect(problem.shoots).toHaveLength(spec.shoots);
    expect(problem.crew).toHaveLength(spec.crew);
    expect(problem.locations).toHaveLength(spec.locations);
    expect(stats.days).toBe(spec.days);
    const workingDates: string[] = [];
    for (let ms = Date.parse(`${problem.horizon.start}T00:00:00Z`); ms <= Date.parse(`${problem.horizon.end}T00:00:00Z`); ms += 86_400_000) {
      const date = new Date(ms).toISOString().slice(0, 10);
      const day = new Date(ms).getUTCDay();
      if (day !== 0 && day !== 6 && !(problem.horizon.excludedDates ?? []).includes(date)) workingDates.push(date);
    }
    expect(workingDates).toHaveLength(spec.days);
  });

  it.each(each)("$name passes safeParseProblem with no issue", ({ g }) => {
    const result = safeParseProblem(JSON.parse(JSON.stringify(g.problem)));
    expect(result.success ? [] : result.issues).toEqual([]);
  });

  it.each(each)("$name: the witness satisfies every hard rule (independent checker)", ({ g }) => {
    const problem = parsed(g);
    expect(checkWitness(problem, g.witness)).toEqual([]);
    expect(g.witness.shoots.length + g.witness.dropped.length).toBe(problem.shoots.length);
  });

  it.each(each)("$name has the intended structure", ({ g }) => {
    const { problem, stats } = g;
    // Load well below capacity, and nothing had to be given up while building the witness.
    for (const [role, load] of Object.entries(stats.roleLoad)) expect(load, role).toBeLessThan(0.5);
    expect(stats.maxNamedLoad).toBeLessThan(0.5);
    expect(stats.demotedShoots).toBe(0);
    expect(stats.relaxedShoots).toBeLessThanOrEqual(Math.ceil(stats.shoots * 0.02));
    // Five or more roles, few photographers and more assistants.
    const roles = new Set(problem.crew.flatMap((c) => c.roles ?? []));
    expect(roles.size).toBeGreaterThanOrEqual(5);
    const primary = stats.crewByPrimaryRole;
    expect(primary["assistant"] ?? 0).toBeGreaterThanOrEqual(primary["photographer"] ?? 0);
    if (stats.crew >= 30) expect(primary["assistant"] ?? 0).toBeGreaterThan(1.5 * (primary["photographer"] ?? 0));
    // Half-day slots, mostly one-slot shoots, some optional, some capped projects.
    expect(problem.horizon.slotsPerDay).toBe(2);
    expect(stats.halfDayShoots).toBeGreaterThanOrEqual(stats.shoots / 2);
    expect(stats.optionalShoots / stats.shoots).toBeGreaterThanOrEqual(0.08);
    expect(stats.optionalShoots / stats.shoots).toBeLessThanOrEqual(0.17);
    expect(Object.keys(problem.budget?.projects ?? {}).length).toBe(stats.budgetedProjects);
    expect(stats.budgetedProjects).toBeGreaterThanOrEqual(1);
    expect(stats.tightBudgets).toBeGreaterThanOrEqual(1);
    expect(problem.horizon.excludedDates?.length).toBeGreaterThanOrEqual(1);
  });

  it("larger tiers have everything: part-timers, bookings, limits, hold billing, precedence with gaps, multi-day shoots, forced rentals, outdoor capacity", () => {
    for (const tier of ["M", "L", "XL"] as const) {
      const { problem, stats } = generated.get(`${tier}-1`) as GeneratedInstance;
      expect(stats.partTimers + problem.crew.filter((c) => c.unavailable !== undefined).length).toBeGreaterThan(0);
      expect(problem.crew.some((c) => c.maxDays !== undefined || c.maxConsecutiveDays !== undefined)).toBe(true);
      expect(stats.holdBilled).toBeGreaterThan(0);
      expect(stats.multiRolePeople).toBeGreaterThan(0);
      expect(stats.multiDayShoots).toBeGreaterThan(0);
      expect(stats.fullDayShoots).toBeGreaterThan(0);
      expect(problem.shoots.some((s) => (s.after ?? []).some((a) => (a.gapDays ?? 0) > 0))).toBe(true);
      expect(problem.shoots.some((s) => (s.requiredPeople ?? []).length > 0)).toBe(true);
      expect(problem.shoots.some((s) => (s.preferredPeople ?? []).length > 0 && (s.preferencePenalty ?? 0) > 0)).toBe(true);
      expect(stats.forcedRentalShoots).toBeGreaterThan(0);
      expect(stats.witnessRentalUnitDays).toBeGreaterThan(0);
      expect(problem.equipment?.some((e) => (e.unavailable ?? []).length > 0)).toBe(true);
      const outdoor = problem.locations.filter((l) => (l.features ?? []).includes("outdoor"));
      expect(outdoor.length).toBeGreaterThan(0);
      for (const l of outdoor) expect(l.capacity).toBeGreaterThanOrEqual(2);
      for (const feature of ["cyclorama", "daylight", "kitchen", "blackout"]) expect(problem.locations.some((l) => (l.features ?? []).includes(feature)), feature).toBe(true);
    }
  });

  it("tight budgets sit just above the witness's project cost, loose ones well above", () => {
    for (const { g } of each) {
      const caps = Object.entries(g.problem.budget?.projects ?? {});
      for (const [project, cap] of caps) {
        const cost = g.witness.cost.byProject[project] ?? Number.NaN;
        expect(cost).toBeLessThanOrEqual(cap);
        expect(cap).toBeLessThanOrEqual(Math.ceil(cost * 1.35) + 1);
      }
      expect(caps.filter(([p, cap]) => (g.witness.cost.byProject[p] ?? 0) >= cap / 1.051).length).toBe(g.stats.tightBudgets);
    }
  });
});

describe("determinism", () => {
  it("the same seed gives byte-identical JSON; another seed gives another instance", () => {
    for (const tier of ["S", "M"] as const) {
      const a = instanceJson(generateInstance({ tier, seed: 7 }));
      expect(instanceJson(generateInstance({ tier, seed: 7 }))).toBe(a);
      expect(instanceJson(generateInstance({ tier, seed: 8 }))).not.toBe(a);
    }
    expect(JSON.stringify(generateWitness({ tier: "S", seed: 7 }))).toBe(JSON.stringify(generateWitness({ tier: "S", seed: 7 })));
  });

  it("the anchor date moves the horizon and defaults to a fixed Monday", () => {
    expect(generateInstance({ tier: "S", seed: 1 }).horizon.start).toBe(DEFAULT_ANCHOR_DATE);
    expect(instanceJson(generateInstance({ tier: "S", seed: 1, anchorDate: DEFAULT_ANCHOR_DATE }))).toBe(instanceJson(generateInstance({ tier: "S", seed: 1 })));
    const moved = generateInstanceWithWitness({ tier: "S", seed: 1, anchorDate: "2030-01-07" });
    expect(moved.problem.horizon.start).toBe("2030-01-07");
    expect(checkWitness(parsed(moved), moved.witness)).toEqual([]);
  });

  it("rejects a bad seed, anchor or tier", () => {
    expect(() => generateInstance({ tier: "S", seed: -1 })).toThrow(RangeError);
    expect(() => generateInstance({ tier: "S", seed: 1.5 })).toThrow(RangeError);
    expect(() => generateInstance({ tier: "S", seed: 1, anchorDate: "2027-02-30" })).toThrow(RangeError);
    expect(() => generateInstance({ tier: "XXL" as Tier, seed: 1 })).toThrow(RangeError);
  });

  it("the random stream is pinned: the same numbers on every engine", () => {
    const random = createRandom(1);
    expect([random.next(), random.next(), random.int(0, 999)]).toEqual([0.5534764977637678, 0.6056276727467775, 577]);
    expect(createRandom(2 ** 40).next()).not.toBe(createRandom(0).next());
  });

  it("the committed index and S instances are what the generator produces now (same bytes, same hashes)", () => {
    const index = JSON.parse(readFileSync(join(instancesDir, "index.json"), "utf8")) as InstanceEntry[];
    expect(index.length).toBeGreaterThanOrEqual(10);
    for (const entry of index) {
      const fresh = buildEntry(entry.tier, entry.seed, entry.file !== undefined, entry.expectedObjective);
      expect(fresh.entry, entry.name).toEqual(entry);
      if (entry.file !== undefined) expect(readFileSync(join(instancesDir, entry.file), "utf8"), entry.file).toBe(fresh.json);
    }
    expect(index.filter((e) => e.file !== undefined).map((e) => e.name)).toEqual(["s-1", "s-2", "s-3"]);
  });

  it("XL generation takes under 5 s of CPU time", () => {
    // CPU time, not wall-clock: the bound must hold on a loaded CI machine too (about 1 s on an idle 2-core box).
    const before = process.cpuUsage();
    generateInstance({ tier: "XL", seed: 3 });
    const used = process.cpuUsage(before);
    expect((used.user + used.system) / 1000).toBeLessThan(5000);
  });
});

describe("the witness checker catches broken witnesses", () => {
  // Guards against a checker that silently checks nothing.
  const g = generated.get("M-1") as GeneratedInstance;
  const problem = parsed(g);
  const mutate = (change: (w: { shoots: Record<string, unknown>[]; dropped: string[]; rentals: Record<string, unknown>[]; cost: unknown }) => void): string[] => {
    const copy = JSON.parse(JSON.stringify(g.witness)) as { shoots: Record<string, unknown>[]; dropped: string[]; rentals: Record<string, unknown>[]; cost: unknown };
    change(copy);
    return checkWitness(problem, copy as never);
  };
  const first = (w: { shoots: Record<string, unknown>[] }): Record<string, unknown> => w.shoots[0] as Record<string, unknown>;

  it.each([
    ["a missing crew member", (w: Parameters<Parameters<typeof mutate>[0]>[0]) => (first(w)["crew"] = (first(w)["crew"] as unknown[]).slice(1)), /needs|missing/],
    ["a mandatory shoot dropped", (w: Parameters<Parameters<typeof mutate>[0]>[0]) => w.dropped.push(String(w.shoots.shift()?.["shoot"])), /mandatory but dropped/],
    ["a shoot past its deadline", (w: Parameters<Parameters<typeof mutate>[0]>[0]) => {
      const late = w.shoots.find((s) => problem.shoots.find((p) => p.id === s["shoot"])?.deadline !== undefined && s["durationSlots"] === 1) as Record<string, unknown>;
      late["date"] = problem.horizon.end;
      late["days"] = [problem.horizon.end];
    }, /after its deadline/],
    ["rentals removed", (w: Parameters<Parameters<typeof mutate>[0]>[0]) => (w.rentals = []), /in use in slot/],
    ["a person double-booked", (w: Parameters<Parameters<typeof mutate>[0]>[0]) => {
      const [a, b] = w.shoots as { days: string[]; firstSlot: number; durationSlots: number; crew: { person: string; role: string | null }[] }[];
      if (a === undefined || b === undefined) return;
      b.days = [...a.days];
      (b as unknown as Record<string, unknown>)["date"] = a.days[0];
      b.firstSlot = a.firstSlot;
      b.durationSlots = a.durationSlots;
      const person = a.crew[0];
      if (person !== undefined) b.crew.push({ ...person, role: null });
    }, /double-booked|no role/],
  ])("reports %s", (_, change, message) => {
    const errors = mutate(change);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join("\n")).toMatch(message);
  });
});
