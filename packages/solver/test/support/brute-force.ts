import { checkPlan } from "../../src/check/check-plan.js";
import { computeCost } from "../../src/cost/compute-cost.js";
import type { Plan } from "../../src/domain/plan-schema.js";
import type { Problem } from "../../src/domain/problem-schema.js";
import { toMinor, minorDigits } from "../../src/domain/money.js";
import { buildPlanningModel, startOptions } from "../../src/model/build-planning-model.js";
import { assemblePlan } from "../../src/model/assemble-plan.js";
import type { Placement } from "../../src/model/placement.js";

/**
 * Optimal cost by enumeration, independent of the MILP: every combination of
 * placement (or drop) and crew per shoot is turned into a plan, the checker keeps the
 * valid ones and the cost oracle prices them. Returns null when no plan is valid, or
 * "too_big" when the search exceeds `maxLeaves`.
 */
export function bruteForceOptimum(problem: Problem, maxLeaves = 60_000): number | null | "too_big" {
  return bruteForceMinimum(problem, () => 0, maxLeaves);
}

/**
 * Least cost plus `extra(plan)` (minor units) over every valid plan, by the same
 * enumeration: how a repair's penalised objective is checked.
 */
export function bruteForceMinimum(problem: Problem, extra: (plan: Plan) => number, maxLeaves = 60_000): number | null | "too_big" {
  const model = buildPlanningModel(problem);
  const digits = minorDigits(problem.currency);
  const choices = problem.shoots.map((shoot, index) => shootChoices(problem, model, index, shoot.optional !== undefined));
  const leaves = choices.reduce((n, c) => n * c.length, 1);
  if (leaves > maxLeaves) return "too_big";
  let best: number | null = null;
  const chosen: (Placement | null)[] = [];
  const visit = (i: number): void => {
    if (i === choices.length) {
      const draft = assemblePlan(model, chosen.filter((p): p is Placement => p !== null));
      const plan: Plan = { ...draft, cost: computeCost(problem, draft) };
      if (!checkPlan(problem, plan).valid) return;
      const cost = toMinor(plan.cost?.total ?? Infinity, digits) + extra(plan);
      if (best === null || cost < best) best = cost;
      return;
    }
    for (const choice of choices[i] ?? []) {
      chosen.push(choice);
      visit(i + 1);
      chosen.pop();
    }
  };
  visit(0);
  return best;
}

function shootChoices(problem: Problem, model: ReturnType<typeof buildPlanningModel>, index: number, optional: boolean): (Placement | null)[] {
  const shoot = problem.shoots[index];
  if (shoot === undefined) return [];
  const crewOptions = crewChoices(problem, index);
  const out: (Placement | null)[] = optional ? [null] : [];
  for (const start of startOptions(shoot, model.dates, model.slotsPerDay)) {
    for (let location = 0; location < problem.locations.length; location += 1) {
      for (const crew of crewOptions) out.push({ shoot: index, start, location, crew });
    }
  }
  return out;
}

/** Every way to fill the roles with holders (distinct people), with named non-holders attending or not. */
function crewChoices(problem: Problem, index: number): { person: number; role: string | null }[][] {
  const shoot = problem.shoots[index];
  if (shoot === undefined) return [];
  let partial: { person: number; role: string | null }[][] = [[]];
  for (const [role, count] of Object.entries(shoot.roles)) {
    for (let k = 0; k < count; k += 1) {
      partial = partial.flatMap((crew) =>
        problem.crew.flatMap((c, person) =>
          c.roles.includes(role) && !crew.some((x) => x.person === person) && !crew.some((x) => x.role === role && x.person > person)
            ? [[...crew, { person, role }]]
            : [],
        ),
      );
    }
  }
  const named = [...shoot.requiredPeople, ...shoot.preferredPeople];
  for (const id of named) {
    const person = problem.crew.findIndex((c) => c.id === id);
    const holdsRole = problem.crew[person]?.roles.some((r) => r in shoot.roles) ?? false;
    if (holdsRole) continue;
    partial = partial.flatMap((crew) => [crew, [...crew, { person, role: null }]]);
  }
  return partial;
}
