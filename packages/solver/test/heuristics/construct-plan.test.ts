import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateInstance } from "../../../../benchmarks/src/generate-instance.js";
import { checkPlan } from "../../src/check/check-plan.js";
import { computeCost } from "../../src/cost/compute-cost.js";
import { toMinor } from "../../src/domain/money.js";
import { parseProblem } from "../../src/domain/parse-problem.js";
import type { Plan } from "../../src/domain/plan-schema.js";
import type { Problem } from "../../src/domain/problem-schema.js";
import { BudgetBounds } from "../../src/heuristics/budget-bound.js";
import { constructPlan, improvePlan, type ConstructionResult } from "../../src/heuristics/construct-plan.js";
import { exactProjectCosts } from "../../src/heuristics/exact-split.js";
import { placementsFromPlan } from "../../src/heuristics/plan-to-placements.js";
import { ScheduleState } from "../../src/heuristics/schedule-state.js";
import { assemblePlan } from "../../src/model/assemble-plan.js";
import { buildPlanningModel } from "../../src/model/build-planning-model.js";
import type { PlanningModel } from "../../src/model/planning-model.js";
import { solve } from "../../src/solve/solve.js";
import { parsedOrNull, randomProblem } from "../support/random-problem.js";

/** Runs per property; raise with PROPERTY_RUNS=500 for a deeper search. */
const scale = Number(process.env["PROPERTY_RUNS"] ?? 0) / 40 || 1;
const runs = (n: number) => Math.round(n * scale);


/** The construction's plan, priced, with the checker's verdict. */
function verify(problem: Problem, model: PlanningModel, built: ConstructionResult): { plan: Plan; verdict: ReturnType<typeof checkPlan> } {
  const draft = assemblePlan(model, built.placements);
  const plan: Plan = { ...draft, cost: computeCost(problem, { ...draft }) };
  return { plan, verdict: checkPlan(problem, plan) };
}

function construct(problem: Problem, seed = 1): { model: PlanningModel; built: ConstructionResult } {
  const model = buildPlanningModel(problem);
  return { model, built: constructPlan(model, { seed }) };
}

const brandCampaign = (): Problem => parseProblem(JSON.parse(readFileSync(new URL("../../../../examples/brand-campaign-week.json", import.meta.url), "utf8")));

describe("constructPlan on random small problems", () => {
  it("every construction that places every mandatory shoot passes the checker, at its stated cost; failures are hard problems", async () => {
    let valid = 0;
    let failed = 0;
    let milpPlansAfterFailure = 0;
    let compared = 0;
    let worstRatio = 1;
    let ratioSum = 0;
    await fc.assert(
      fc.asyncProperty(randomProblem("small"), async (input) => {
        const problem = parsedOrNull(input);
        fc.pre(problem !== null);
        const { model, built } = construct(problem as Problem);
        const exact = await solve(problem, { strategy: "mip", timeLimitSeconds: 20 });
        if (built.unplaced.length > 0) {
          failed += 1;
          if (exact.plan !== null) milpPlansAfterFailure += 1;
          return;
        }
        valid += 1;
        const { plan, verdict } = verify(problem as Problem, model, built);
        expect(verdict.violations).toEqual([]);
        expect(toMinor(plan.cost?.total ?? NaN, model.digits)).toBe(built.cost);
        // A valid construction proves the problem feasible: the MILP must agree, and cannot beat its optimum.
        expect(exact.plan).not.toBeNull();
        if (exact.status === "optimal" && exact.cost !== null) {
          compared += 1;
          const optimum = toMinor(exact.cost, model.digits);
          expect(built.cost).toBeGreaterThanOrEqual(optimum);
          const ratio = optimum > 0 ? built.cost / optimum : 1;
          worstRatio = Math.max(worstRatio, ratio);
          ratioSum += ratio;
        }
      }),
      { seed: 20270301, numRuns: runs(80) },
    );
    expect(valid).toBeGreaterThan(40);
    expect(compared).toBeGreaterThan(30);
    // Measured on 286 drawn problems: the MILP found a plan for none of the 94 the
    // construction gave up on (all infeasible); 185 of 192 constructions were optimal,
    // the mean cost ratio 1.004, the worst 1.27. The thresholds leave some room.
    expect(milpPlansAfterFailure).toBeLessThanOrEqual(Math.ceil(failed / 10));
    expect(ratioSum / compared).toBeLessThan(1.03);
    expect(worstRatio).toBeLessThan(1.4);
  }, 600_000);

  it("the same seed gives the same placements", () => {
    fc.assert(
      fc.property(randomProblem("small"), (input) => {
        const problem = parsedOrNull(input);
        fc.pre(problem !== null);
        const model = buildPlanningModel(problem as Problem);
        expect(constructPlan(model, { seed: 7 })).toEqual(constructPlan(model, { seed: 7 }));
      }),
      { seed: 4711, numRuns: runs(30) },
    );
  });
});

describe("constructPlan on the brand campaign example", () => {
  const problem = brandCampaign();
  const model = buildPlanningModel(problem);

  it("builds a valid plan within 2 % of the proven optimum 21510", () => {
    const built = constructPlan(model, { seed: 1 });
    expect(built.unplaced).toEqual([]);
    const { plan, verdict } = verify(problem, model, built);
    expect(verdict.violations).toEqual([]);
    expect(plan.cost?.total).toBe(built.cost / 100);
    expect(built.cost).toBeGreaterThanOrEqual(2_151_000);
    // Measured: exactly the optimum (21510.00).
    expect(built.cost / 2_151_000).toBeLessThanOrEqual(1.02);
  });

  it("is deterministic for a seed", () => {
    const first = constructPlan(model, { seed: 42 });
    const second = constructPlan(model, { seed: 42 });
    expect(second).toEqual(first);
  });

  it("placementsFromPlan maps a plan back to the same placements", () => {
    const built = constructPlan(model, { seed: 1 });
    const plan = assemblePlan(model, built.placements);
    const back = placementsFromPlan(model, plan);
    expect(back.map((p) => p.shoot)).toEqual(built.placements.map((p) => p.shoot));
    expect(assemblePlan(model, back)).toEqual(plan);
    // The start options are the model's own, so the neighbourhood search can compare them by identity.
    back.forEach((p) => expect(model.shoots[p.shoot]?.starts).toContain(p.start));
  });

  it("placementsFromPlan rejects names the model does not know", () => {
    const plan = assemblePlan(model, constructPlan(model, { seed: 1 }).placements);
    const first = plan.shoots[0];
    if (first === undefined) throw new Error("empty plan");
    expect(() => placementsFromPlan(model, { shoots: [{ ...first, location: "nowhere" }] })).toThrow(RangeError);
    expect(() => placementsFromPlan(model, { shoots: [first, first] })).toThrow(RangeError);
  });

  it("still returns a valid plan when the deadline has already passed", () => {
    const built = constructPlan(model, { seed: 1, deadline: Date.now() - 1 });
    if (built.unplaced.length === 0) expect(verify(problem, model, built).verdict.violations).toEqual([]);
  });

  it("places no mandatory shoot once stopAt has passed, and reports every one unplaced", () => {
    const built = constructPlan(model, { seed: 1, stopAt: Date.now() - 1 });
    const mandatory = model.shoots.filter((s) => !s.optional).map((s) => s.index);
    expect(mandatory.length).toBeGreaterThan(0);
    expect(built.unplaced).toEqual(mandatory);
    // Hurrying as past a deadline: no optional shoot is placed either.
    expect(built.placements).toEqual([]);
  });

  it("stops like stopAt once its signal is aborted, and ruin and recreate from a plan stops too", () => {
    const mandatory = model.shoots.filter((s) => !s.optional).map((s) => s.index);
    const cancelled = constructPlan(model, { seed: 1, signal: AbortSignal.abort() });
    expect(cancelled.unplaced).toEqual(mandatory);
    expect(cancelled.placements).toEqual([]);
    // From a full plan, a cancelled improvement keeps the plan it was given (no step runs).
    const full = constructPlan(model, { seed: 1 });
    expect(full.unplaced).toEqual([]);
    const kept = improvePlan(model, full.placements, { seed: 2, ruinAndRecreateSteps: 5_000, signal: AbortSignal.abort() });
    expect(kept.unplaced).toEqual([]);
    expect(kept.cost).toBe(full.cost);
  });
});

describe("constructPlan when optional shoots alone break a cap", () => {
  const base = {
    currency: "EUR",
    horizon: { start: "2027-03-01", end: "2027-03-04", timeZone: "Europe/Berlin", slotsPerDay: 1 },
    crew: [
      { id: "p0", name: "P0", roles: ["photographer"], dayRate: 200 },
      { id: "p1", name: "P1", roles: ["assistant"], dayRate: 300 },
    ],
    equipment: [],
    locations: [{ id: "l0", name: "L0", features: ["studio"], dayFee: 100 }],
  };

  it("reports the shoot whose placement costs more than the project's cap (dropping it costs more still)", () => {
    const problem = parseProblem({
      ...base,
      shoots: [{ id: "s0", title: "S0", project: "alpha", durationSlots: 1, roles: { photographer: 1, assistant: 1 }, optional: { penalty: 3000 } }],
      budget: { projects: { alpha: 400 } },
    });
    const { model, built } = construct(problem);
    expect(built.unplaced.map((s) => model.shoots[s]?.id)).toEqual(["s0"]);
  });

  it("reports the unplaceable optional shoot whose penalty alone breaks the cap", () => {
    const problem = parseProblem({
      ...base,
      shoots: [
        { id: "s0", title: "S0", project: "alpha", durationSlots: 1, requiredFeatures: ["outdoor"], roles: { photographer: 1 }, optional: { penalty: 3000 } },
        { id: "s1", title: "S1", project: "alpha", durationSlots: 1, roles: { photographer: 1 }, optional: { penalty: 300 } },
      ],
      budget: { projects: { alpha: 700 } },
    });
    const { model, built } = construct(problem);
    expect(built.unplaced.map((s) => model.shoots[s]?.id)).toContain("s0");
  });

  it("places an optional shoot that is cheaper than its penalty and fits the cap", () => {
    const problem = parseProblem({
      ...base,
      shoots: [{ id: "s0", title: "S0", project: "alpha", durationSlots: 1, roles: { photographer: 1, assistant: 1 }, optional: { penalty: 3000 } }],
      budget: { projects: { alpha: 600 } },
    });
    const { model, built } = construct(problem);
    expect(built.unplaced).toEqual([]);
    expect(built.placements.map((p) => p.shoot)).toEqual([0]);
    expect(verify(problem, model, built).verdict.violations).toEqual([]);
    expect(built.cost).toBe(60_000);
  });
});

describe("constructPlan on generated benchmark instances", () => {
  const cases = [
    ...[1, 2, 3, 4].map((seed) => ({ tier: "S" as const, seed })),
    ...[1, 2, 3].map((seed) => ({ tier: "M" as const, seed })),
  ];
  it.each(cases)("$tier seed $seed: a valid plan, every mandatory shoot placed within the caps", ({ tier, seed }) => {
    const problem = parseProblem(generateInstance({ tier, seed }));
    const { model, built } = construct(problem);
    expect(built.unplaced.map((s) => model.shoots[s]?.id)).toEqual([]);
    const { plan, verdict } = verify(problem, model, built);
    expect(verdict.violations).toEqual([]);
    expect(toMinor(plan.cost?.total ?? NaN, model.digits)).toBe(built.cost);
  }, 120_000);

  it("the exact project split and the budget bounds agree with computeCost", () => {
    const problem = parseProblem(generateInstance({ tier: "M", seed: 2 }));
    const { model, built } = construct(problem);
    const state = new ScheduleState(model);
    const bounds = new BudgetBounds(model, state);
    for (const p of built.placements) state.apply(p);
    expect(state.total).toBe(built.cost);
    const cost = computeCost(problem, { ...assemblePlan(model, built.placements) });
    const exact = exactProjectCosts(state);
    for (const [project, amount] of Object.entries(cost.byProject)) expect(exact.get(project)).toBe(toMinor(amount, model.digits));
    bounds.projects.forEach((p) => {
      const bound = bounds.projectBound(state, p.shoots);
      expect(bound).toBeGreaterThanOrEqual(exact.get(p.project) ?? 0);
      expect(bound).toBeLessThanOrEqual(p.cap);
    });
  }, 120_000);

  it("is deterministic for a seed on an M instance", () => {
    const model = buildPlanningModel(parseProblem(generateInstance({ tier: "M", seed: 3 })));
    expect(constructPlan(model, { seed: 5 })).toEqual(constructPlan(model, { seed: 5 }));
  }, 120_000);

  it("taking every shoot out again restores the empty state's cost", () => {
    const problem = parseProblem(generateInstance({ tier: "S", seed: 2 }));
    const { model, built } = construct(problem);
    const state = new ScheduleState(model);
    const empty = state.total;
    for (const p of built.placements) state.apply(p);
    for (const p of [...built.placements].reverse()) state.remove(p.shoot);
    expect(state.total).toBe(empty);
    expect(state.busy.every((b) => b === 0)).toBe(true);
    expect(state.rented.every((r) => r === 0)).toBe(true);
  }, 60_000);
});
