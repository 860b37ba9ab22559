import { highsBackend } from "../backends/highs-backend.js";
import { buildMilp, type Formulation } from "../formulation/build-milp.js";
import { decodeMilp } from "../formulation/decode-milp.js";
import type { Placement } from "../model/placement.js";
import type { PlanningModel } from "../model/planning-model.js";
import { residualModel } from "../model/residual-model.js";
import { chooseNeighbourhood, neighbourhoodKinds } from "./neighbourhoods.js";
import { pricePlan, type PricedPlan } from "./price-plan.js";
import { createRandom } from "../heuristics/prng.js";

export interface SearchOptions {
  /** Wall-clock end, epoch milliseconds. */
  readonly deadline: number;
  readonly seed: number;
  /** Stop when (cost - bound) / cost <= this fraction. */
  readonly targetGap: number;
  /** Best known lower bound in minor units, or null. */
  readonly bound: number | null;
  readonly signal?: AbortSignal;
  /** Called with every improved plan. */
  readonly onImproved?: (plan: PricedPlan) => void;
}

export interface SearchResult {
  readonly best: PricedPlan;
  readonly iterations: number;
  readonly improvements: number;
}

/** Freed shoots per neighbourhood: start small, grow while sub-problems solve fast. */
const SIZE = { initial: 8, min: 3, max: 40 } as const;
/** Seconds per sub-problem: enough for HiGHS to prove small ones, short enough to iterate. */
const SUB_PROBLEM_SECONDS = 3;

/**
 * Large-neighbourhood search: repeatedly frees a part of the plan (a window of days, a
 * project, a group of people, a location), re-optimises that part exactly with a MILP
 * over the residual problem (everything else held as it is), and keeps the result when
 * the whole plan, re-priced and re-checked by the independent checker, is cheaper.
 * Deterministic for a seed, apart from where the deadline cuts it off.
 */
export async function largeNeighbourhoodSearch(model: PlanningModel, start: PricedPlan, options: SearchOptions): Promise<SearchResult> {
  const random = createRandom(options.seed);
  let best = start;
  // Small problems start with small neighbourhoods: freeing most of them is the whole MILP again.
  let size: number = Math.max(SIZE.min, Math.min(SIZE.initial, Math.floor(model.shoots.length / 3)));
  let iterations = 0;
  let improvements = 0;
  while (!stop(best, options)) {
    iterations += 1;
    const kind = neighbourhoodKinds[iterations % neighbourhoodKinds.length] ?? "days";
    const free = chooseNeighbourhood(model, best.placements, kind, Math.min(size, model.shoots.length), random);
    if (free.size === 0) continue;
    const outcome = await reoptimise(model, best.placements, free, options, random);
    if (outcome === null) continue;
    size = outcome.proven ? Math.min(SIZE.max, size + 2) : Math.max(SIZE.min, size - 2);
    if (outcome.priced.valid && outcome.priced.cost < best.cost) {
      best = outcome.priced;
      improvements += 1;
      options.onImproved?.(best);
    }
    if (free.size >= model.shoots.length && outcome.proven) break; // the whole problem was solved exactly
  }
  return { best, iterations, improvements };
}

/**
 * Places mandatory shoots the construction left out: frees them together with the
 * shoots nearest to them and solves that residual problem exactly. Null when no valid
 * plan comes out before the deadline.
 */
export async function repairPlan(
  model: PlanningModel,
  placements: readonly Placement[],
  unplaced: readonly number[],
  options: { deadline: number; seed: number },
): Promise<PricedPlan | null> {
  const random = createRandom(options.seed);
  let current = [...placements];
  for (let attempt = 0; attempt < 8 && Date.now() < options.deadline; attempt += 1) {
    const missing = model.shoots.filter((s) => !s.optional && !current.some((p) => p.shoot === s.index)).map((s) => s.index);
    if (missing.length === 0) break;
    const free = new Set(missing);
    const extra = chooseNeighbourhood(model, current, "days", SIZE.initial * (attempt + 1), random);
    for (const shoot of extra) free.add(shoot);
    const outcome = await reoptimise(model, current, free, { deadline: options.deadline, seed: options.seed, targetGap: 0, bound: null }, random);
    if (outcome?.priced.valid === true) return outcome.priced;
    if (outcome !== null) current = [...outcome.priced.placements];
  }
  const priced = pricePlan(model, current);
  return priced.valid ? priced : null;
}

function stop(best: PricedPlan, options: SearchOptions): boolean {
  if (Date.now() >= options.deadline || options.signal?.aborted === true) return true;
  if (options.bound === null) return false;
  return best.cost === 0 || (best.cost - options.bound) / best.cost <= options.targetGap;
}

/** Solves the residual problem of the freed shoots; null when it yields nothing usable. */
async function reoptimise(
  model: PlanningModel,
  placements: readonly Placement[],
  free: ReadonlySet<number>,
  options: SearchOptions,
  random: () => number,
): Promise<{ priced: PricedPlan; proven: boolean } | null> {
  const residual = residualModel(model, placements, free);
  const formulation = buildMilp(residual.model);
  if (formulation.unplaceable.length > 0) return null;
  const seconds = Math.min(SUB_PROBLEM_SECONDS, (options.deadline - Date.now()) / 1000);
  if (seconds <= 0.05) return null;
  const result = await highsBackend.solve(formulation.milp, {
    timeLimitSeconds: seconds,
    relativeGap: 0,
    seed: Math.floor(random() * 1_000_000),
    initialValues: warmStart(residual.model, residual.original, formulation, placements),
  });
  if (result.status !== "optimal" && result.status !== "feasible") return null;
  const freed = decodeMilp(residual.model, formulation, result.values).map((p) => ({ ...p, shoot: residual.original[p.shoot] ?? -1 }));
  const held = placements.filter((p) => !free.has(p.shoot));
  return { priced: pricePlan(model, [...held, ...freed]), proven: result.status === "optimal" };
}

/**
 * The current decisions of the freed shoots as a MILP start (placements, drops, crew);
 * for a whole problem pass the full model and the identity as `original`.
 */
export function warmStart(residual: PlanningModel, original: readonly number[], formulation: Formulation, placements: readonly Placement[]): Map<number, number> {
  const values = new Map<number, number>();
  const byShoot = new Map(placements.map((p) => [p.shoot, p]));
  formulation.index.shoots.forEach((vars, i) => {
    const current = byShoot.get(original[i] ?? -1);
    if (vars.drop !== null) values.set(vars.drop, current === undefined ? 1 : 0);
    for (const p of vars.placements) values.set(p.variable, 0);
    if (current === undefined) return;
    // Residual start options are the original objects, so identity finds the current one.
    const starts = residual.shoots[i]?.starts ?? [];
    const chosen = vars.placements.find((p) => p.location === current.location && starts[p.start] === current.start);
    if (chosen !== undefined) values.set(chosen.variable, 1);
    for (const c of vars.crew) values.set(c.variable, current.crew.some((x) => x.person === c.person && x.role === c.role) ? 1 : 0);
  });
  return values;
}
