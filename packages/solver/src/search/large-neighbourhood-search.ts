import { highsBackend } from "../backends/highs-backend.js";
import { buildMilp, type Formulation } from "../formulation/build-milp.js";
import { decodeMilp } from "../formulation/decode-milp.js";
import type { Placement } from "../model/placement.js";
import type { PlanningModel } from "../model/planning-model.js";
import { residualModel } from "../model/residual-model.js";
import { defaultFocus, focusNeighbourhood, type Focus } from "./focus-neighbourhood.js";
import { chooseNeighbourhood, neighbourhoodKinds } from "./neighbourhoods.js";
import { pricePlan, type PricedPlan } from "./price-plan.js";
import { improvePlan, improvePlanInSlices, type ConstructionOptions, type ConstructionResult } from "../heuristics/construct-plan.js";
import { createRandom } from "../heuristics/prng.js";

export interface SearchOptions {
  /** Wall-clock end, epoch milliseconds. */
  readonly deadline: number;
  readonly seed: number;
  /** Stop when (cost - bound) / cost <= this fraction. */
  readonly targetGap: number;
  /** Best known lower bound in minor units, or null; read at every check (a bound computed in the background may arrive during the search). */
  readonly bound: () => number | null;
  readonly signal?: AbortSignal;
  /** Stop after this many sub-problems (default: no limit); see `SolveOptions.iterationLimit`. */
  readonly iterationLimit?: number;
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
/**
 * Effort per sub-problem. A sub-MILP over more columns is not solved (the neighbourhood
 * shrinks instead): HiGHS (WebAssembly) spends 1-2 s in the root node at 1 000 columns
 * and over 10 s at 1 600 on the reference machine. The node limit is what ends an
 * unproven one: unlike a time limit it stops every run at the same point, so the
 * search is deterministic; the time limit only guards against a pathological root.
 */
const SUB_PROBLEM = { columns: 1_200, nodes: 200, seconds: 20 } as const;
/**
 * Repairs (placing stranded mandatory shoots) need room more than speed: placed shoots
 * may move a week and twice as many holders per role are offered; no column cap.
 */
const REPAIR = { focus: { days: 7, holdersPerRole: 16 }, maxColumns: Number.POSITIVE_INFINITY, widen: false } as const;

/**
 * Large-neighbourhood search, two neighbourhoods per iteration: a round of ruin and
 * recreate (the construction's greedy re-insertion of a few related shoots, thousands
 * of steps per second), then a part of the plan re-optimised exactly by MILP. The
 * MILP part repeatedly frees a part of the plan (a window of days, a
 * project, a group of people, a location), re-optimises that part exactly with a MILP
 * over the residual problem (everything else held as it is), and keeps the result when
 * the whole plan, re-priced and re-checked by the independent checker, is cheaper.
 * Sub-problems are narrowed to nearby days and a pool of likely people
 * (focus-neighbourhood.ts) and cut by a node limit, so the search is deterministic for
 * a seed: only where it stops (deadline, cancellation) depends on the clock, and with
 * `iterationLimit` reached before the deadline not even that.
 */
export async function largeNeighbourhoodSearch(model: PlanningModel, start: PricedPlan, options: SearchOptions): Promise<SearchResult> {
  const random = createRandom(options.seed);
  let best = start;
  // Small problems start with small neighbourhoods: freeing most of them is the whole MILP again.
  let size: number = Math.max(SIZE.min, Math.min(SIZE.initial, Math.floor(model.shoots.length / 3)));
  let iterations = 0;
  let improvements = 0;
  const pace = new RoundPace(options.iterationLimit === undefined);
  const improve = (candidate: PricedPlan | null): void => {
    if (candidate === null || !candidate.valid || candidate.cost >= best.cost) return;
    best = candidate;
    improvements += 1;
    options.onImproved?.(best);
  };
  while (!stop(best, options) && iterations < (options.iterationLimit ?? Number.POSITIVE_INFINITY)) {
    iterations += 1;
    // Lets messages in (a bound from a worker) between rounds that hold the thread for seconds.
    await new Promise((resolve) => setImmediate(resolve));
    const roundStart = performance.now();
    const round = await ruinAndRecreateRound(model, best, iterations, options, pace);
    pace.observe(round.steps, performance.now() - roundStart, round.complete);
    improve(round.plan);
    if (stop(best, options)) break;
    const kind = neighbourhoodKinds[iterations % neighbourhoodKinds.length] ?? "days";
    const free = chooseNeighbourhood(model, best.placements, kind, Math.min(size, model.shoots.length), random);
    if (free.size === 0) continue;
    const outcome = await reoptimise(model, best.placements, free, options, random);
    if (outcome === null) continue;
    size = outcome.proven ? Math.min(SIZE.max, size + 2) : Math.max(SIZE.min, size - 2);
    improve(outcome.priced);
  }
  return { best, iterations, improvements };
}

/**
 * Ruin-and-recreate steps per round: {@link ROUND.perShoot} per shoot in the first
 * round, doubling each round up to {@link ROUND.maxPerShoot} per shoot and at most
 * {@link ROUND.maxSteps} (about 90 s at XL), so the MILP part and progress reports
 * keep coming. Measured at
 * tier M: one schedule of 12 000 steps (3 s) ends 5 % cheaper than 600 steps; longer
 * schedules keep paying, so rounds grow while short first rounds keep the search anytime.
 */
const ROUND = { perShoot: 10, minSteps: 300, maxPerShoot: 320, maxSteps: 40_000 } as const;

/**
 * One round of the construction's ruin and recreate from the best plan, with its own
 * seed (derived from the search seed and the round) and its own record-to-record
 * schedule; its plan is null when it does not give a valid plan.
 */
async function ruinAndRecreateRound(model: PlanningModel, best: PricedPlan, round: number, options: SearchOptions, pace: RoundPace): Promise<{ plan: PricedPlan | null; steps: number; complete: boolean }> {
  const n = model.shoots.length;
  const planned = Math.max(ROUND.minSteps, Math.min(ROUND.maxSteps, ROUND.maxPerShoot * n, ROUND.perShoot * n * 2 ** Math.min(round - 1, 20)));
  const steps = pace.fit(planned, options.deadline);
  const seed = (Math.imul(options.seed + 1, 0x9e3779b1) + round) >>> 0;
  // In slices: a round holds the thread for seconds at tier M, and timers and an ordinary abort signal must get through.
  const plan = await recreateInSlices(model, best.placements, { seed, ruinAndRecreateSteps: steps, deadline: options.deadline, ...(options.signal ? { signal: options.signal } : {}) });
  return { plan, steps, complete: Date.now() < options.deadline };
}

/**
 * Fits rounds into the time left. A round's record-to-record schedule only pays off
 * when it runs to its end (the slack runs out with the planned steps), and rounds
 * double: measured at tier L, the last round was cut by the time limit after 12 of 60 s
 * without any gain. So, timed searches only (with an iteration limit the rounds stay
 * as planned, for determinism), a round is shortened to what the last complete round's
 * pace allows before the deadline (90 % of it: the MILP sub-problem follows).
 */
class RoundPace {
  /** Steps per millisecond of the last complete round, or null before one. */
  private rate: number | null = null;

  constructor(private readonly enabled: boolean) {}

  observe(steps: number, milliseconds: number, complete: boolean): void {
    if (complete && milliseconds > 0) this.rate = steps / milliseconds;
  }

  fit(planned: number, deadline: number): number {
    if (!this.enabled || this.rate === null) return planned;
    const affordable = Math.floor(this.rate * (deadline - Date.now()) * 0.9);
    return Math.max(ROUND.minSteps, Math.min(planned, affordable));
  }
}

/** Ruin and recreate from a plan ({@link improvePlan}), priced; null when it leaves a mandatory shoot out. */
export function recreate(model: PlanningModel, placements: readonly Placement[], options: ConstructionOptions): PricedPlan | null {
  return pricedIfComplete(model, improvePlan(model, placements, options));
}

/** {@link recreate} letting the event loop run between its steps (slices.ts): the same plan. */
export async function recreateInSlices(model: PlanningModel, placements: readonly Placement[], options: ConstructionOptions): Promise<PricedPlan | null> {
  return pricedIfComplete(model, await improvePlanInSlices(model, placements, options));
}

function pricedIfComplete(model: PlanningModel, result: ConstructionResult): PricedPlan | null {
  return result.unplaced.length > 0 ? null : pricePlan(model, result.placements);
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
    if (missing.length === 0) {
      const priced = pricePlan(model, current);
      return priced.valid ? priced : null;
    }
    const free = new Set(missing);
    const extra = chooseNeighbourhood(model, current, "days", SIZE.initial * (attempt + 1), random);
    for (const shoot of extra) free.add(shoot);
    const outcome = await reoptimise(model, current, free, { deadline: options.deadline, seed: options.seed, targetGap: 0, bound: () => null }, random, REPAIR);
    if (outcome?.priced?.valid === true) return outcome.priced;
    if (outcome?.priced != null) current = [...outcome.priced.placements];
  }
  // A plan still missing a shoot is not valid: not worth pricing (0.2 s at 1 000 shoots) past the deadline.
  return null;
}

function stop(best: PricedPlan, options: SearchOptions): boolean {
  if (Date.now() >= options.deadline || options.signal?.aborted === true) return true;
  const bound = options.bound();
  if (bound === null) return false;
  return best.cost === 0 || (best.cost - bound) / best.cost <= options.targetGap;
}

/**
 * Solves the residual problem of the freed shoots; null when it yields nothing usable,
 * `priced: null` when its MILP has more than `maxColumns` columns (not solved).
 */
async function reoptimise(
  model: PlanningModel,
  placements: readonly Placement[],
  free: ReadonlySet<number>,
  options: SearchOptions,
  random: () => number,
  limits: { readonly focus: Focus; readonly maxColumns: number; readonly widen: boolean } = { focus: defaultFocus, maxColumns: SUB_PROBLEM.columns, widen: true },
): Promise<{ priced: PricedPlan | null; proven: boolean } | null> {
  const residual = residualModel(model, placements, free);
  let focus = limits.focus;
  let focused = focusNeighbourhood(residual, placements, focus);
  let formulation = buildMilp(focused);
  if (formulation.unplaceable.length > 0) return null;
  if (formulation.milp.variables.length > limits.maxColumns) return { priced: null, proven: false };
  // Small sub-problems (small problems, few freed shoots) get room: the focus doubles
  // while the MILP stays within half the column budget, up to the whole residual problem.
  while (limits.widen && formulation.milp.variables.length <= limits.maxColumns / 2 && (focus.days < model.dates.length || focus.holdersPerRole < model.people.length)) {
    focus = { days: Math.max(1, 2 * focus.days), holdersPerRole: Math.max(1, 2 * focus.holdersPerRole) };
    const wider = focusNeighbourhood(residual, placements, focus);
    const widerFormulation = buildMilp(wider);
    if (widerFormulation.milp.variables.length > limits.maxColumns) break;
    focused = wider;
    formulation = widerFormulation;
  }
  const seconds = Math.min(SUB_PROBLEM.seconds, (options.deadline - Date.now()) / 1000);
  if (seconds <= 0.05) return null;
  const result = await highsBackend.solve(formulation.milp, {
    timeLimitSeconds: seconds,
    nodeLimit: SUB_PROBLEM.nodes,
    relativeGap: 0,
    seed: Math.floor(random() * 1_000_000),
    initialValues: warmStart(focused, residual.original, formulation, placements),
  });
  if (result.status !== "optimal" && result.status !== "feasible") return null;
  const freed = decodeMilp(focused, formulation, result.values).map((p) => ({ ...p, shoot: residual.original[p.shoot] ?? -1 }));
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
