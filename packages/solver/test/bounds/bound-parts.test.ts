import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boundingMilp } from "../../src/bounds/bounding-milp.js";
import { durationWeightings } from "../../src/bounds/duration-weights.js";
import { safeLagrangianBound } from "../../src/bounds/highs-relaxation.js";
import { cheapestStaffing } from "../../src/bounds/staffing-flow.js";
import { parseProblem } from "../../src/domain/parse-problem.js";
import { buildMilp } from "../../src/formulation/build-milp.js";
import type { MilpModel } from "../../src/formulation/milp-model.js";
import { buildPlanningModel } from "../../src/model/build-planning-model.js";

/** Every multiset of sizes from `sizes` adding up to at most `capacity`. */
function packings(capacity: number, sizes: readonly number[], from = 0): number[][] {
  const out: number[][] = [[]];
  sizes.forEach((k, i) => {
    if (i < from || k > capacity) return;
    for (const rest of packings(capacity - k, sizes, i)) out.push([k, ...rest]);
  });
  return out;
}

describe("duration weights", () => {
  it("never charge more than one day to shoots that fit in one day together (checked by enumeration)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.uniqueArray(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 5 }), (slotsPerDay, raw) => {
        const durations = [...new Set(raw.map((k) => ((k - 1) % slotsPerDay) + 1))].sort((a, b) => a - b);
        const weightings = durationWeightings(slotsPerDay, new Set(durations));
        expect(weightings[0]?.name).toBe("linear");
        for (const { weight } of weightings) {
          for (const packing of packings(slotsPerDay, durations)) {
            expect(packing.reduce((sum, k) => sum + (weight[k] ?? 0), 0)).toBeLessThanOrEqual(1 + 1e-9);
          }
        }
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it("give a full-day shoot weight 1 and two half-day shoots 1/2 each", () => {
    const [linear] = durationWeightings(2, new Set([1, 2]));
    expect(linear?.weight[1]).toBeCloseTo(0.5);
    expect(linear?.weight[2]).toBeCloseTo(1);
  });

  it("charge more than k/S when short shoots cannot fill the day", () => {
    const weightings = durationWeightings(10, new Set([6]));
    expect(Math.max(...weightings.map((w) => w.weight[6] ?? 0))).toBeCloseTo(1);
  });
});

/** The cheapest staffing by enumerating every assignment of seats to distinct holders. */
function bruteStaffing(roles: readonly { count: number; holders: readonly number[] }[], cost: (p: number) => number, forced: ReadonlySet<number>): number | null {
  const seats = roles.flatMap((r) => Array.from({ length: r.count }, () => r.holders));
  let best: number | null = null;
  const used = new Set<number>();
  const visit = (i: number, total: number): void => {
    if (i === seats.length) {
      if ([...forced].every((p) => used.has(p)) && (best === null || total < best)) best = total;
      return;
    }
    for (const p of seats[i] ?? []) {
      if (used.has(p)) continue;
      used.add(p);
      visit(i + 1, total + cost(p));
      used.delete(p);
    }
  };
  visit(0, 0);
  return best;
}

describe("cheapest staffing", () => {
  it("equals enumeration, with forced people and negative costs", () => {
    const instance = fc.record({
      people: fc.array(fc.integer({ min: -50, max: 200 }), { minLength: 1, maxLength: 6 }),
      roles: fc.array(fc.record({ count: fc.integer({ min: 0, max: 2 }), holders: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { maxLength: 6 }) }), { minLength: 1, maxLength: 3 }),
      forced: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(instance, ({ people, roles, forced }) => {
        const valid = roles.map((r) => ({ count: r.count, holders: r.holders.filter((h) => h < people.length) }));
        const forcedSet = new Set(forced.filter((p) => p < people.length && valid.some((r) => r.holders.includes(p))));
        const cost = (p: number) => people[p] ?? 0;
        const expected = bruteStaffing(valid, cost, forcedSet);
        const actual = cheapestStaffing(valid, cost, forcedSet);
        if (expected === null) expect(actual).toBeNull();
        else expect(actual).toBeCloseTo(expected, 6);
      }),
      { seed: 5, numRuns: 500 },
    );
  });
});

/** min c x over the binary points satisfying every row, by enumeration (null if none). */
function binaryOptimum(milp: MilpModel): number | null {
  const n = milp.variables.length;
  let best: number | null = null;
  for (let mask = 0; mask < 1 << n; mask += 1) {
    const x = (j: number) => (mask >> j) & 1;
    const feasible = milp.rows.every((r) => {
      const activity = r.terms.reduce((sum, t) => sum + t.coefficient * x(t.variable), 0);
      return activity >= r.lower - 1e-9 && activity <= r.upper + 1e-9;
    });
    if (!feasible) continue;
    const value = milp.objective.constant + milp.objective.terms.reduce((sum, t) => sum + t.coefficient * x(t.variable), 0);
    if (best === null || value < best) best = value;
  }
  return best;
}

describe("safe Lagrangian bound", () => {
  it("is below the optimum for any row multipliers", () => {
    const term = fc.record({ variable: fc.integer({ min: 0, max: 4 }), coefficient: fc.integer({ min: -3, max: 3 }) });
    const model = fc.record({
      costs: fc.array(fc.integer({ min: -10, max: 10 }), { minLength: 5, maxLength: 5 }),
      rows: fc.array(fc.record({ terms: fc.uniqueArray(term, { selector: (t) => t.variable, minLength: 1, maxLength: 4 }), lower: fc.integer({ min: -3, max: 1 }), width: fc.integer({ min: 0, max: 3 }), side: fc.constantFrom("both", "lower", "upper") }), { maxLength: 4 }),
      duals: fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 4, maxLength: 4 }),
    });
    fc.assert(
      fc.property(model, ({ costs, rows, duals }) => {
        const milp: MilpModel = {
          sense: "minimize",
          variables: costs.map((_, j) => ({ name: `x${j}`, lower: 0, upper: 1, integer: true })),
          rows: rows.map((r, i) => ({
            name: `r${i}`,
            terms: r.terms,
            lower: r.side === "upper" ? -Infinity : r.lower,
            upper: r.side === "lower" ? Infinity : r.lower + r.width,
          })),
          objective: { terms: costs.map((c, j) => ({ variable: j, coefficient: c })), constant: 7 },
        };
        const optimum = binaryOptimum(milp);
        fc.pre(optimum !== null);
        const bound = safeLagrangianBound(milp, duals);
        expect(bound).not.toBeNull();
        expect(bound ?? Infinity).toBeLessThanOrEqual((optimum ?? 0) + 1e-9);
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});

describe("bounding MILP", () => {
  it("drops the conservative project-budget rows and their variables, keeps every other row", () => {
    const problem = parseProblem({
      currency: "EUR",
      horizon: { start: "2027-03-01", end: "2027-03-02", timeZone: "Europe/Berlin" },
      shoots: [{ id: "s1", title: "S1", project: "alpha", durationSlots: 1, roles: { photographer: 1 } }],
      crew: [{ id: "p1", name: "P1", roles: ["photographer"], dayRate: 100 }],
      locations: [{ id: "l1", name: "L1", dayFee: 50 }],
      equipment: [],
      budget: { total: 1000, projects: { alpha: 500 } },
    });
    const { milp } = buildMilp(buildPlanningModel(problem));
    const relaxed = boundingMilp(milp);
    expect(milp.rows.some((r) => r.name.startsWith("budget[project="))).toBe(true);
    expect(relaxed.rows.some((r) => r.name.startsWith("budget[project=") || r.name.startsWith("project"))).toBe(false);
    expect(relaxed.variables.some((v) => v.name.startsWith("project"))).toBe(false);
    expect(relaxed.rows.some((r) => r.name === "budget[total]")).toBe(true);
    const kept = milp.rows.filter((r) => !r.name.startsWith("budget[project=") && !r.name.startsWith("project")).map((r) => r.name);
    expect(relaxed.rows.map((r) => r.name)).toEqual(kept);
    // Objective terms address the same variables by name.
    const names = (m: MilpModel) => m.objective.terms.map((t) => [m.variables[t.variable]?.name, t.coefficient]);
    expect(names(relaxed)).toEqual(names(milp));
  });
});
