import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPlan } from "../../src/check/check-plan.js";
import type { Plan } from "../../src/domain/plan-schema.js";
import type { Problem, ProblemInput } from "../../src/domain/problem-schema.js";
import { countedChanges, planChanges } from "../../src/replan/plan-changes.js";
import { repair } from "../../src/replan/repair.js";
import { solve } from "../../src/solve/solve.js";
import { bruteForceMinimum } from "../support/brute-force.js";
import { parsedOrNull, randomProblem } from "../support/random-problem.js";

/** Runs per property; raise with PROPERTY_RUNS=500 for a deeper search (the default keeps `npm test` fast). */
const scale = Number(process.env["PROPERTY_RUNS"] ?? 0) / 40 || 1;
const runs = (n: number) => Math.round(n * scale);
const cents = (amount: number) => Math.round(amount * 100);

type Change = "absence" | "location" | "mandatory" | "new-shoot" | "none";
type Editable = ProblemInput & { crew: { unavailable?: unknown[] }[]; locations: { unavailable?: unknown[] }[]; shoots: Record<string, unknown>[] };

/** The change a coordinator meets: someone falls ill, a location is lost for a day, an optional shoot becomes a must, an urgent shoot comes in. */
function applyChange(input: ProblemInput, earlier: Plan, change: Change, pick: number): ProblemInput {
  const changed = structuredClone(input) as Editable;
  const scheduled = earlier.shoots[pick % Math.max(1, earlier.shoots.length)];
  const date = scheduled?.days[0] ?? input.horizon.start;
  if (change === "absence") {
    const person = changed.crew.find((c) => (c as { id: string }).id === scheduled?.crew[0]?.person) ?? changed.crew[pick % changed.crew.length];
    if (person !== undefined) person.unavailable = [...(person.unavailable ?? []), { from: date }];
  } else if (change === "location") {
    const location = changed.locations.find((l) => (l as { id: string }).id === scheduled?.location);
    if (location !== undefined) location.unavailable = [...(location.unavailable ?? []), { from: date }];
  } else if (change === "mandatory") {
    const optional = changed.shoots.find((s) => s["optional"] !== undefined);
    if (optional !== undefined) delete optional["optional"];
  } else if (change === "new-shoot") {
    const model = changed.shoots[pick % changed.shoots.length];
    if (model !== undefined) changed.shoots.push({ ...structuredClone(model), id: "urgent", after: [] });
  }
  return changed;
}

function keepsPins(earlier: Plan, plan: Plan, pinned: readonly string[]): boolean {
  const same = (a: Plan["shoots"][number] | undefined, b: Plan["shoots"][number] | undefined) =>
    a !== undefined && b !== undefined && a.location === b.location && a.firstSlot === b.firstSlot && a.days.join() === b.days.join() && a.crew.length === b.crew.length && a.crew.every((c) => b.crew.some((d) => d.person === c.person && d.role === c.role));
  return pinned.every((id) => same(earlier.shoots.find((s) => s.shoot === id), plan.shoots.find((s) => s.shoot === id)));
}

describe("repair on random tiny problems", () => {
  it("proves the least cost plus change penalties that brute force finds, keeps pins, and lists exactly what changed", async () => {
    const seen = { optimal: 0, infeasible: 0, changed: 0 };
    await fc.assert(
      fc.asyncProperty(
        randomProblem("tiny"),
        fc.constantFrom<Change>("absence", "location", "mandatory", "new-shoot", "none"),
        fc.nat(),
        fc.constantFrom(0, 25, 60, 500),
        fc.boolean(),
        async (input, change, pick, penalty, pin) => {
          fc.pre(parsedOrNull(input) !== null);
          const first = await solve(input, { timeLimitSeconds: 20 });
          fc.pre(first.plan !== null);
          const earlier = first.plan as Plan;
          const changedInput = applyChange(input, earlier, change, pick);
          const changed = parsedOrNull(changedInput);
          fc.pre(changed !== null);
          const ids = (changed as Problem).shoots.map((s) => s.id);
          const pinned = pin && earlier.shoots.length > 0 ? [earlier.shoots[pick % earlier.shoots.length]?.shoot ?? ""] : [];
          const expected = bruteForceMinimum(changed as Problem, (plan) => (keepsPins(earlier, plan, pinned) ? cents(penalty) * countedChanges(planChanges(ids, earlier, plan)) : Infinity));
          fc.pre(expected !== "too_big");
          const answer = await repair({ problem: changedInput, earlierPlan: earlier, changePenalty: penalty, pinnedShoots: pinned }, { timeLimitSeconds: 20 });
          if (expected === null || expected === Infinity) {
            expect(answer.status).toBe("infeasible");
            expect(answer.plan).toBeNull();
            seen.infeasible += 1;
            return;
          }
          const plan = answer.plan as Plan;
          expect(checkPlan(changed as Problem, plan).violations).toEqual([]);
          expect(keepsPins(earlier, plan, pinned)).toBe(true);
          const recounted = planChanges(ids, earlier, plan);
          expect(answer.changes).toEqual(recounted);
          expect(cents(answer.objective ?? NaN)).toBe(cents(answer.cost ?? NaN) + cents(penalty) * countedChanges(recounted));
          if (answer.status === "optimal") {
            expect(cents(answer.objective ?? NaN)).toBe(expected);
            seen.optimal += 1;
          } else {
            // Project caps can leave the proof open: then the bound and the plan bracket the optimum.
            expect(answer.status).toBe("feasible");
            expect(cents(answer.lowerBound ?? 0)).toBeLessThanOrEqual(expected);
            expect(cents(answer.objective ?? NaN)).toBeGreaterThanOrEqual(expected);
          }
          if (countedChanges(recounted) > 0) seen.changed += 1;
        },
      ),
      { seed: 1127, numRuns: runs(60) },
    );
    expect(seen.optimal).toBeGreaterThan(20);
    expect(seen.infeasible).toBeGreaterThan(0);
    expect(seen.changed).toBeGreaterThan(5);
  }, 300_000);
});
