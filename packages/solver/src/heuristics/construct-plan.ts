import type { Placement } from "../model/placement.js";
import type { ModelShoot, PlanningModel } from "../model/planning-model.js";
import { drain, inSlices } from "../slices.js";
import { BudgetBounds } from "./budget-bound.js";
import { CandidateSearch, type Candidate } from "./candidate-search.js";
import { exactProjectCosts } from "./exact-split.js";
import { createRandom, hashUniform, type Random } from "./prng.js";
import { ScheduleState } from "./schedule-state.js";

export interface ConstructionOptions {
  /** Seed of the tie-breaking and start sampling; the same seed gives the same plan. */
  readonly seed: number;
  /**
   * Epoch milliseconds. Past it, the construction hurries: it samples few starts,
   * skips repair and improvement, drops the optional shoots not yet placed, and
   * reports shoots taken out for a cap as unplaced without trying to put them back
   * (each try prices the whole plan: at 1 000 shoots those tries took 1.7 s). A
   * construction cut short by the deadline is no longer deterministic.
   */
  readonly deadline?: number;
  /**
   * Epoch milliseconds after which no more mandatory shoots are placed: the rest are
   * reported unplaced, and the construction hurries as past `deadline`. For callers
   * whose own time is up (a solve's time limit), where even a hurried construction
   * would overrun it (1 000 shoots: about 0.6 s). Default: none.
   */
  readonly stopAt?: number;
  /**
   * Cancels like `stopAt` once aborted. Read at every step, so a signal that is polled
   * rather than dispatched (the server's, backed by memory shared with its HTTP thread)
   * stops it within a step; an ordinary one fires only when this thread is free.
   */
  readonly signal?: AbortSignal;
  /** Start options priced per shoot before falling back to all of them (default 48). */
  readonly startsPerShoot?: number;
  /** Passes of remove-and-reinsert improvement after the construction (default 2). */
  readonly improvementPasses?: number;
  /**
   * Ruin-and-recreate steps after the passes (default 20 per shoot, at most 600; 300
   * beyond 300 shoots). While a cap is broken or a mandatory shoot is left out the
   * search goes on, up to twice as many steps (ten times beyond 300 shoots).
   */
  readonly ruinAndRecreateSteps?: number;
  /**
   * Whole constructions tried, with derived seeds, until one places every mandatory
   * shoot within the caps (default 4, or 1 beyond 300 shoots, where the longer search
   * pays better); the best is returned when none does (fewest unplaced, then cheapest).
   */
  readonly attempts?: number;
}

export interface ConstructionResult {
  /** One placement per placed shoot, by ascending shoot index. */
  readonly placements: Placement[];
  /**
   * Shoots (indices, ascending) it could not place within every hard rule, budget caps
   * included: mandatory shoots, and, when a cap is broken by optional shoots alone
   * (their costs or the penalties for dropping them), the optional shoots of that
   * project (of every project for the total cap). When empty, `assemblePlan(model,
   * placements)` passes `checkPlan`; otherwise the plan breaks no rule but leaving
   * these mandatory shoots out, unless optional shoots alone break a cap.
   */
  readonly unplaced: number[];
  /** Exact cost of the placements in minor units (penalties of the dropped optional shoots included). */
  readonly cost: number;
}

/** Candidates kept per shoot when budget caps may reject the cheapest ones. */
const KEEP_WITH_CAPS = 6;
/** From this many shoots on, fewer whole attempts are made by default. */
const LARGE = 300;
/** Shoots a repair tries to move out of the way, one at a time. */
const REPAIR_SINGLE = 24;
/** Shoots a repair moves out together as a last try. */
const REPAIR_GROUP = 8;
/** Start options priced per shoot in a hurry (past the deadline). */
const HURRY_STARTS = 6;
/** Shoots whose precedence window (or a successor's) has at most this many starts go first. */
const TIGHT_WINDOW = 6;
/** Most shoots one ruin-and-recreate step takes out. */
const MAX_RUIN = 8;
/** Objective weight per minor unit a cap bound is exceeded. */
const CAP_WEIGHT = 20;
/** Objective weight of a mandatory shoot left out. */
const UNPLACED_WEIGHT = 1e12;
/**
 * Record-to-record travel: at the first step a plan worse than the best by up to this
 * many average shoot costs (best / shoots) is kept; the slack shrinks to 0 over the
 * steps. Per shoot rather than a share of the total, so that large problems do not
 * wander: 1 % of an XL total is the cost of ten shoots, far more than one step changes.
 */
const RECORD_SLACK_SHOOTS = 1.2;

/**
 * A fast construction that respects every hard rule, followed by a greedy local search.
 *
 * 1. Order. Mandatory shoots first, in topological order of precedence (predecessors
 *    first); among the ready ones: those whose static precedence window (or a mandatory
 *    successor's) has at most {@link TIGHT_WINDOW} starts, then shoots of capped
 *    projects (every other attempt), then by that window size, last possible day,
 *    people needed, a seeded random tie-break and index. Windows come from forward and
 *    backward propagation of the precedence gaps over the start options.
 * 2. Placement. Each shoot takes its cheapest candidate by exact incremental cost
 *    ({@link CandidateSearch}: crew days already paid cost nothing, hold-billed people
 *    cost the days their span grows by, a location already paid that day costs
 *    nothing, rentals cost the units above the day's peak). At most `startsPerShoot`
 *    starts are priced (the earliest, days the required people already work, a seeded
 *    spread), all of them when none of those fits. Lookahead: a candidate that would
 *    leave an unplaced successor without any placement is charged its penalty
 *    (infinite when mandatory). People whose unplaced mandatory shoots require a large
 *    share of their free slots are kept back as fillers.
 * 3. Repair of a stranded mandatory shoot: shoots in its way (optional first, then those
 *    sharing its required people, locations, items or precedence) are taken out one at
 *    a time, then a few together, and everything is put back in precedence order;
 *    a move that strands a mandatory shoot is undone.
 * 4. Optional shoots, highest penalty first, only when cheaper than their penalty.
 * 5. Improvement: remove-and-reinsert passes, then ruin and recreate (take out a seed
 *    shoot and its most related shoots, put them back greedily, in rank or random
 *    order, ties earliest or random) with record-to-record acceptance on the exact
 *    total plus a heavy weight per minor unit over a cap bound and per stranded shoot.
 *
 * Budget caps: steps are checked against {@link BudgetBounds} (an upper bound on each
 * capped project's exact split cost, tight to a cent per shared unit) and the exact
 * total; a shoot of a project over its bound is placed budget-first; at the end, while
 * a project's exact cost ({@link exactProjectCosts}) or the total is still over its cap,
 * the mandatory shoot with the largest part of it is taken out and reported unplaced
 * (when optional shoots alone break a cap, that project's optional shoots are).
 *
 * A whole construction that leaves a mandatory shoot unplaced is retried with a
 * derived seed (`attempts`). Deterministic for a seed, unless the deadline cuts it short.
 */
export function constructPlan(model: PlanningModel, options: ConstructionOptions): ConstructionResult {
  return drain(constructPlanInSlices(model, options));
}

/** {@link constructPlan}, pausing (`yield`, slices.ts) after each shoot handled: run it with `inSlices` to let the event loop in. */
export function* constructPlanInSlices(model: PlanningModel, options: ConstructionOptions): Generator<void, ConstructionResult> {
  const attempts = Math.max(1, options.attempts ?? (model.shoots.length <= LARGE ? 4 : 1));
  let best: ConstructionResult | null = null;
  for (let k = 0; k < attempts; k += 1) {
    if (k > 0 && options.deadline !== undefined && Date.now() > options.deadline) break;
    // Later attempts change the seed and alternate whether capped projects go first.
    const seed = k === 0 ? options.seed : (Math.imul((options.seed ^ 0x5bd1e995) >>> 0, 31) + Math.imul(k, 0x9e3779b9)) >>> 0;
    const result = yield* new Construction(model, { ...options, seed }, k % 2 === 0).runInSlices();
    if (result.unplaced.length === 0) return result;
    if (best === null || result.unplaced.length < best.unplaced.length || (result.unplaced.length === best.unplaced.length && result.cost < best.cost)) best = result;
  }
  return best ?? { placements: [], unplaced: [], cost: 0 };
}

/**
 * Ruin and recreate from a given plan (the improvement phase of the construction on
 * its own): `ruinAndRecreateSteps` steps (default as for the construction) with the
 * record-to-record schedule restarted, then the same budget repair and cap guarantee.
 * The plan must break no rule; the result is the best plan met on the way, with the
 * same meaning of `unplaced`. Deterministic for a seed unless the deadline cuts it.
 */
export function improvePlan(model: PlanningModel, placements: readonly Placement[], options: ConstructionOptions): ConstructionResult {
  return new Construction(model, options, true).improve(placements);
}

/**
 * {@link improvePlan} that lets the event loop run about every 50 ms (slices.ts), so
 * that timers, messages and an ordinary abort signal are seen during a long schedule
 * (tier M: thousands of steps, 3-4 s). The same steps in the same order: the same plan.
 */
export function improvePlanInSlices(model: PlanningModel, placements: readonly Placement[], options: ConstructionOptions): Promise<ConstructionResult> {
  return inSlices(new Construction(model, options, true).improveInSlices(placements));
}

/** Ruin-and-recreate steps between pauses of a sliced schedule (tier M: about 10 ms). */
const SLICE_STEPS = 16;

class Construction {
  private readonly model: PlanningModel;
  private readonly state: ScheduleState;
  private readonly search: CandidateSearch;
  private readonly budget: BudgetBounds;
  private readonly random: Random;
  private readonly deadline: number | null;
  private readonly stopAt: number | null;
  private readonly signal: AbortSignal | null;
  private readonly startsPerShoot: number;
  private readonly passes: number;
  private readonly iterations: number;
  /** Position of each shoot in the processing order (lower first). */
  private readonly rank: Int32Array;
  private currentBounds: number[] = [];
  private hurrying = false;
  private randomTies = false;

  /** Whether shoots of capped projects go before the others (after the tight ones). */
  private readonly cappedFirst: boolean;

  constructor(model: PlanningModel, options: ConstructionOptions, cappedFirst: boolean) {
    this.cappedFirst = cappedFirst;
    this.model = model;
    this.state = new ScheduleState(model);
    this.search = new CandidateSearch(model, this.state);
    this.budget = new BudgetBounds(model, this.state);
    this.random = createRandom(options.seed);
    this.deadline = options.deadline ?? null;
    this.stopAt = options.stopAt ?? null;
    this.signal = options.signal ?? null;
    this.startsPerShoot = Math.max(1, options.startsPerShoot ?? 48);
    this.passes = Math.max(0, options.improvementPasses ?? 2);
    this.iterations = Math.max(0, options.ruinAndRecreateSteps ?? (model.shoots.length <= LARGE ? Math.min(600, 20 * model.shoots.length) : 300));
    this.rank = this.ranking();
    this.refreshBounds();
  }

  /** The whole construction, pausing (`yield`, slices.ts) after each shoot it places, repairs or reinserts. */
  *runInSlices(): Generator<void, ConstructionResult> {
    const { model, state } = this;
    const mandatory = model.shoots.filter((s) => !s.optional).map((s) => s.index);
    const optional = model.shoots.filter((s) => s.optional).map((s) => s.index);
    let failed: number[] = [];
    for (const s of this.topologicalOrder(mandatory)) {
      if (this.stopped() || !this.placeMandatory(s)) failed.push(s);
      yield;
    }
    const stranded = failed;
    failed = [];
    for (const s of stranded) {
      if (!this.repair(s)) failed.push(s);
      yield;
    }
    for (const s of this.topologicalOrder(optional)) {
      if (!this.late()) this.placeOptional(s);
      yield;
    }
    const everyShoot = [...mandatory, ...optional].sort((a, b) => (this.rank[a] ?? 0) - (this.rank[b] ?? 0));
    for (let pass = 0; pass < this.passes && !this.late(); pass += 1) {
      const before = state.total;
      for (const s of everyShoot) {
        if (this.late()) break;
        if (failed.includes(s)) continue;
        this.reinsert(s);
        yield;
      }
      failed = failed.filter((s) => !(this.placeMandatory(s) || this.repair(s)));
      if (state.total >= before) break;
    }
    return yield* this.searchAndFinishInSlices(failed);
  }

  improve(placements: readonly Placement[]): ConstructionResult {
    return drain(this.improveInSlices(placements));
  }

  /** {@link improve}, pausing (`yield`) every {@link SLICE_STEPS} ruin-and-recreate steps. */
  *improveInSlices(placements: readonly Placement[]): Generator<void, ConstructionResult> {
    const { model, state } = this;
    for (const p of placements) state.apply(p);
    this.refreshBounds();
    return yield* this.searchAndFinishInSlices(model.shoots.filter((s) => !s.optional && state.placed[s.index] === null).map((s) => s.index));
  }

  /** Ruin and recreate, budget repair, the cap guarantee, and the result (shared by the construction and improve). */
  private *searchAndFinishInSlices(stranded: readonly number[]): Generator<void, ConstructionResult> {
    const failed = yield* this.ruinAndRecreateSearch(stranded);
    this.repairBudgets();
    const unplaced = [...failed, ...this.enforceCaps()].sort((a, b) => a - b);
    return { placements: this.state.placed.filter((p): p is Placement => p !== null), unplaced, cost: this.state.total };
  }

  /**
   * Search value of the state: the exact total, plus {@link CAP_WEIGHT} per minor unit
   * a cap bound is over its cap, plus {@link UNPLACED_WEIGHT} per mandatory shoot not placed.
   */
  private objective(): number {
    const { model, state, budget } = this;
    let value = state.total;
    if (budget.active) {
      const bounds = budget.bounds(state);
      budget.projects.forEach((p, i) => {
        value += CAP_WEIGHT * Math.max(0, (bounds[i] ?? 0) - p.cap);
      });
      if (model.budgetTotal !== null) value += CAP_WEIGHT * Math.max(0, state.total - model.budgetTotal);
    }
    return value + UNPLACED_WEIGHT * state.unplacedMandatory;
  }

  /**
   * Greedy ruin and recreate: takes out a seed shoot and the shoots most related to it
   * (same people, location, project, nearby days), puts them back one by one at their
   * best candidates, and keeps the result when the {@link objective} is no worse. The
   * seed is a stranded mandatory shoot or a shoot of a project over its cap half of
   * the time when there are any. Returns the mandatory shoots still not placed.
   */
  private *ruinAndRecreateSearch(failedBefore: readonly number[]): Generator<void, number[]> {
    const { model, state } = this;
    const n = model.shoots.length;
    if (n === 0 || this.iterations === 0) return [...failedBefore];
    let current = this.objective();
    let best = current;
    let bestPlacements: (Placement | null)[] | null = null;
    // Extra steps while a cap is broken or a mandatory shoot is stranded: up to twice as
    // many, ten times as many on large problems (which get a single attempt).
    const troubled = (): boolean => best >= UNPLACED_WEIGHT || this.budget.projects.some((p, i) => (this.currentBounds[i] ?? 0) > p.cap);
    const limit = (model.shoots.length <= LARGE ? 2 : 10) * this.iterations;
    for (let iteration = 0; (iteration < this.iterations || (iteration < limit && troubled())) && !this.late(); iteration += 1) {
      // A deadline or an abort that came during the pause ends the search before another step.
      if (iteration % SLICE_STEPS === SLICE_STEPS - 1) {
        yield;
        if (this.late()) break;
      }
      const seed = this.chooseSeed();
      const size = Math.min(n, 2 + Math.floor(this.random() * Math.min(MAX_RUIN - 1, n)));
      const ruined = [seed, ...this.related(seed, size - 1)];
      const olds: Placement[] = [];
      for (const s of ruined) {
        const old = state.remove(s);
        if (old !== null) olds.push(old);
      }
      // Half of the steps put the shoots back in a random (precedence-respecting) order, for diversity.
      const shuffled = this.random() < 0.5 ? new Map(ruined.map((s) => [s, this.random()])) : null;
      const order = shuffled === null ? this.topologicalOrder(ruined) : this.topologicalOrder(ruined, (s) => shuffled.get(s) ?? 0);
      // Half of the steps break cost ties between starts at random instead of earliest first.
      this.randomTies = this.random() < 0.5;
      for (const s of order) this.insertBest(s);
      this.randomTies = false;
      this.refreshBounds();
      const value = this.objective();
      // Record-to-record travel: a slightly worse plan is kept early on (never one with more
      // stranded mandatory shoots), so the search can leave a local optimum; the best is kept aside.
      // The slack runs out over the planned steps; extra steps (while troubled) get none.
      const slack = (RECORD_SLACK_SHOOTS * Math.max(0, this.iterations - iteration)) / this.iterations / n;
      const stranded = (v: number): number => Math.floor(v / UNPLACED_WEIGHT);
      if (value <= current || (stranded(value) <= stranded(best) && value <= best + slack * (best % UNPLACED_WEIGHT))) {
        current = value;
        if (value < best) {
          best = value;
          bestPlacements = null;
        } else if (value > best && bestPlacements === null) {
          // Leaving the best plan: keep it (the state before this step).
          bestPlacements = state.placed.slice();
          for (const s of ruined) bestPlacements[s] = null;
          for (const old of olds) bestPlacements[old.shoot] = old;
        }
        continue;
      }
      for (const s of ruined) state.remove(s);
      for (const old of olds) state.apply(old);
      this.refreshBounds();
    }
    if (bestPlacements !== null) {
      for (let s = 0; s < n; s += 1) state.remove(s);
      for (const p of bestPlacements) if (p !== null) state.apply(p);
      this.refreshBounds();
    }
    return model.shoots.filter((s) => !s.optional && state.placed[s.index] === null).map((s) => s.index);
  }

  /** True when the project has a cap and its bound is over it. */
  private overBudget(project: string): boolean {
    const i = this.budget.projects.findIndex((p) => p.project === project);
    return i >= 0 && (this.currentBounds[i] ?? 0) > (this.budget.projects[i]?.cap ?? 0);
  }

  private chooseSeed(): number {
    const { model, state, budget } = this;
    const stranded = model.shoots.filter((s) => !s.optional && state.placed[s.index] === null);
    if (stranded.length > 0 && this.random() < 0.5) return stranded[Math.floor(this.random() * stranded.length)]?.index ?? 0;
    const over = budget.projects.filter((p, i) => (this.currentBounds[i] ?? 0) > p.cap);
    if (over.length > 0 && this.random() < 0.8) {
      const project = over[Math.floor(this.random() * over.length)];
      const shoots = project?.shoots ?? [];
      if (shoots.length > 0) return shoots[Math.floor(this.random() * shoots.length)] ?? 0;
    }
    return Math.floor(this.random() * model.shoots.length);
  }

  /** Up to `count` shoots most related to `seed`, with a seeded jitter. */
  private related(seed: number, count: number): number[] {
    const { model, state } = this;
    const shoot = model.shoots[seed];
    if (shoot === undefined || count <= 0) return [];
    const own = state.placed[seed] ?? null;
    const people = new Set<number>(own === null ? shoot.required : own.crew.map((c) => c.person));
    for (const p of shoot.preferred) people.add(p);
    const day = own === null ? (shoot.starts[0]?.firstDay ?? 0) : own.start.firstDay;
    const sameProject = this.overBudget(shoot.project) ? 3 : 1;
    const linked = new Set<number>(shoot.after.map((a) => a.shoot));
    for (const a of this.search.successors[seed] ?? []) linked.add(a.shoot);
    // The `count` best by value (ties: lower shoot index), kept in a short sorted list:
    // this runs on every step over every placed shoot (a full sort per step cost a
    // third of the search's time at tier XL).
    const topShoot: number[] = [];
    const topValue: number[] = [];
    // One draw per step; each shoot's jitter is a hash of it, so skipping a shoot below
    // changes nothing else.
    const salt = Math.floor(this.random() * 2 ** 32);
    for (const p of state.placed) {
      if (p === null || p.shoot === seed) continue;
      const other = model.shoots[p.shoot];
      if (other === undefined) continue;
      const distance = Math.abs(p.start.firstDay - day);
      const isLinked = linked.has(p.shoot);
      // The most this shoot can score: far-off shoots cannot make a full list (most of them at tier XL).
      const ceiling = (sameProject + p.crew.length + 1.5 + (isLinked ? 100 : 0)) / (1 + distance);
      const jitter = 0.5 + hashUniform(salt, p.shoot);
      if (topShoot.length >= count && ceiling * jitter < (topValue[count - 1] ?? 0)) continue;
      let score = other.project === shoot.project ? sameProject : 0;
      for (const c of p.crew) if (people.has(c.person)) score += 1;
      if (own !== null && p.location === own.location) score += 1;
      if (isLinked) score += own === null ? 100 : 1;
      const value = ((score + 0.5) / (1 + distance)) * jitter;
      let at = topShoot.length;
      while (at > 0 && ((topValue[at - 1] ?? 0) < value || ((topValue[at - 1] ?? 0) === value && (topShoot[at - 1] ?? 0) > p.shoot))) at -= 1;
      if (at >= count) continue;
      topShoot.splice(at, 0, p.shoot);
      topValue.splice(at, 0, value);
      if (topShoot.length > count) {
        topShoot.pop();
        topValue.pop();
      }
    }
    return topShoot;
  }

  /**
   * Puts an unplaced shoot back at its best candidate: the cheapest, or, for a
   * shoot of a capped project, the one with the best {@link objective} (dropping
   * an optional shoot is a candidate then). Optional shoots only when cheaper than their penalty.
   */
  private insertBest(s: number): void {
    const { model, state, budget } = this;
    const shoot = model.shoots[s];
    if (shoot === undefined || state.placed[s] !== null) return;
    let found = this.candidates(shoot, this.keep());
    const own = budget.projects.findIndex((p) => p.project === shoot.project);
    const ownOver = own >= 0 && (this.currentBounds[own] ?? 0) > (budget.projects[own]?.cap ?? 0);
    if (ownOver) found = [...found, ...this.budgetCandidates(s).slice(0, KEEP_WITH_CAPS)];
    if (shoot.optional) found = found.filter((c) => c.cost < shoot.dropPenalty);
    if (found.length === 0) return;
    const anyOver = budget.projects.some((p, i) => (this.currentBounds[i] ?? 0) > p.cap);
    const capped = own >= 0 || model.budgetTotal !== null || anyOver;
    if (!capped || found.length === 1) {
      const first = found[0];
      if (first !== undefined && !(capped && shoot.optional && this.dropIsBetter(first))) state.apply(first.placement);
      return;
    }
    let best: Candidate | null = null;
    let bestValue = shoot.optional ? this.objective() : Infinity;
    for (const candidate of found) {
      state.apply(candidate.placement);
      const value = this.objective();
      state.remove(s);
      if (value < bestValue) {
        best = candidate;
        bestValue = value;
      }
    }
    if (best !== null) state.apply(best.placement);
  }

  /** True when leaving the optional shoot out scores better than placing it as `candidate`. */
  private dropIsBetter(candidate: Candidate): boolean {
    const without = this.objective();
    this.state.apply(candidate.placement);
    const withIt = this.objective();
    this.state.remove(candidate.placement.shoot);
    return without <= withIt;
  }

  /** True once `stopAt` has passed. */
  private stopped(): boolean {
    return (this.stopAt !== null && Date.now() > this.stopAt) || this.signal?.aborted === true;
  }

  /** True once the deadline (or `stopAt`) has passed (then it stays true). */
  private late(): boolean {
    if (!this.hurrying && ((this.deadline !== null && Date.now() > this.deadline) || this.stopped())) this.hurrying = true;
    return this.hurrying;
  }

  /** Mandatory shoots by difficulty, optional ones after them by penalty (highest first); seeded ties, then index. */
  private ranking(): Int32Array {
    const { model } = this;
    const tie = model.shoots.map(() => this.random());
    const lastDay = (s: ModelShoot): number => s.starts[s.starts.length - 1]?.lastDay ?? -1;
    const capped = new Set(model.budgetProjects.keys());
    const people = (s: ModelShoot): number => s.roles.reduce((n, r) => n + r.count, 0) + s.required.length;
    const window = model.shoots.map((s) => this.search.windowSize(s));
    // Urgency: the tightest window among the shoot and its mandatory successors (a loose
    // predecessor of a tight shoot must come early so that the tight one can follow).
    const urgency = [...window];
    for (let round = 0; round <= model.shoots.length; round += 1) {
      let changed = false;
      for (const shoot of model.shoots) {
        for (const a of this.search.successors[shoot.index] ?? []) {
          if (model.shoots[a.shoot]?.optional) continue;
          const u = urgency[a.shoot] ?? Infinity;
          if (u < (urgency[shoot.index] ?? Infinity)) {
            urgency[shoot.index] = u;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    const tight = (s: number): boolean => (urgency[s] ?? 0) <= TIGHT_WINDOW;
    const order = model.shoots.map((s) => s.index).sort((a, b) => {
      const x = model.shoots[a];
      const y = model.shoots[b];
      if (x === undefined || y === undefined) return a - b;
      if (x.optional !== y.optional) return x.optional ? 1 : -1;
      if (x.optional && x.dropPenalty !== y.dropPenalty) return y.dropPenalty - x.dropPenalty;
      if (tight(a) !== tight(b)) return tight(a) ? -1 : 1;
      if (this.cappedFirst && capped.has(x.project) !== capped.has(y.project)) return capped.has(x.project) ? -1 : 1;
      return (
        (urgency[a] ?? 0) - (urgency[b] ?? 0) ||
        (window[a] ?? 0) - (window[b] ?? 0) ||
        lastDay(x) - lastDay(y) ||
        people(y) - people(x) ||
        (tie[a] ?? 0) - (tie[b] ?? 0) ||
        a - b
      );
    });
    const rank = new Int32Array(model.shoots.length);
    order.forEach((s, i) => {
      rank[s] = i;
    });
    return rank;
  }

  /** The subset in precedence order (predecessors inside the subset first), ready shoots by priority (default: rank). */
  private topologicalOrder(subset: readonly number[], priority: (s: number) => number = (s) => this.rank[s] ?? 0): number[] {
    const { model } = this;
    const inSet = new Set(subset);
    const waiting = new Map<number, number>();
    const next = new Map<number, number[]>();
    for (const s of subset) {
      const preds = (model.shoots[s]?.after ?? []).filter((a) => inSet.has(a.shoot) && a.shoot !== s);
      waiting.set(s, preds.length);
      for (const a of preds) next.set(a.shoot, [...(next.get(a.shoot) ?? []), s]);
    }
    const done = new Set<number>();
    const order: number[] = [];
    while (order.length < subset.length) {
      let pick = -1;
      for (const s of subset) {
        if (done.has(s) || (waiting.get(s) ?? 0) > 0) continue;
        if (pick < 0 || priority(s) < priority(pick)) pick = s;
      }
      // A cycle (the validator rejects them): take the first remaining shoot by priority.
      if (pick < 0) for (const s of subset) if (!done.has(s) && (pick < 0 || priority(s) < priority(pick))) pick = s;
      done.add(pick);
      order.push(pick);
      for (const n of next.get(pick) ?? []) waiting.set(n, (waiting.get(n) ?? 0) - 1);
    }
    return order;
  }

  /** The cheapest candidates of a shoot now: sampled starts first, every start when none of those fits. */
  private candidates(shoot: ModelShoot, keep: number): Candidate[] {
    const { from, to } = this.search.startRange(shoot);
    if (to <= from) return [];
    const limit = this.late() ? HURRY_STARTS : this.startsPerShoot;
    const all = (): number[] => this.tieOrder(Array.from({ length: to - from }, (_, k) => from + k));
    let found = to - from <= limit ? this.search.search(shoot, all(), keep) : this.search.search(shoot, this.tieOrder(this.sampleStarts(shoot, from, to, limit)), keep);
    if (found.length === 0 && to - from > limit && !this.late()) found = this.search.search(shoot, all(), keep);
    return this.late() ? found : this.withLookahead(shoot, found, from, to);
  }

  /**
   * Lookahead over precedence: when the shoot has unplaced successors, each candidate
   * is charged for the successors it would leave without any feasible placement (a
   * mandatory one: infinitely; an optional one: its penalty), and the candidates are
   * reordered by cost plus that charge. The earliest feasible candidate (which leaves
   * the successors the most room) joins them when the cheapest one strands anything.
   */
  private withLookahead(shoot: ModelShoot, found: readonly Candidate[], from: number, to: number): Candidate[] {
    const { state, model } = this;
    const waiting = (this.search.successors[shoot.index] ?? []).filter((a) => state.placed[a.shoot] === null);
    if (waiting.length === 0 || found.length === 0) return [...found];
    const stranded = (candidate: Candidate): number => {
      state.apply(candidate.placement);
      let charge = 0;
      for (const a of waiting) {
        const next = model.shoots[a.shoot];
        if (next === undefined) continue;
        const range = this.search.startRange(next);
        let fits = false;
        for (let i = range.from; i < range.to && !fits; i += 1) fits = this.search.search(next, [i], 1).length > 0;
        if (!fits) charge += next.optional ? next.dropPenalty : Infinity;
      }
      state.remove(shoot.index);
      return charge;
    };
    const scored = found.map((candidate) => ({ candidate, charge: stranded(candidate) }));
    if ((scored[0]?.charge ?? 0) > 0) {
      for (let i = from; i < to; i += 1) {
        const earliest = this.search.search(shoot, [i], 1)[0];
        if (earliest === undefined) continue;
        if (!found.some((c) => c.placement.start === earliest.placement.start)) scored.push({ candidate: earliest, charge: stranded(earliest) });
        break;
      }
    }
    const value = (x: { candidate: Candidate; charge: number }): number => x.candidate.cost + x.charge;
    return scored
      .map((x, order) => ({ ...x, order }))
      .sort((a, b) => (value(a) === value(b) ? a.order - b.order : value(a) < value(b) ? -1 : 1))
      .map((x) => x.candidate);
  }

  /** Start indices in the order that breaks cost ties: ascending (earliest wins), or shuffled during a random-ties step. */
  private tieOrder(indices: number[]): number[] {
    if (!this.randomTies) return indices;
    for (let i = indices.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.random() * (i + 1));
      const x = indices[i] ?? 0;
      indices[i] = indices[j] ?? 0;
      indices[j] = x;
    }
    return indices;
  }

  /** The earliest start, starts on days the shoot's required people already work or that keep hold spans, and a seeded spread. */
  private sampleStarts(shoot: ModelShoot, from: number, to: number, limit: number): number[] {
    const { state } = this;
    const picks = new Set<number>([from]);
    const days = new Set<number>();
    for (const r of shoot.required) {
      const first = state.spanFirst[r] ?? -1;
      if (first < 0) continue;
      const last = state.spanLast[r] ?? first;
      for (let d = Math.max(0, first - 1); d <= Math.min(state.days - 1, last + 1) && days.size < limit; d += 1) {
        if (state.worked[r * state.days + d] === 1 || d === first - 1 || d === last + 1) days.add(d);
      }
    }
    if (days.size > 0) {
      for (let i = from; i < to; i += 1) {
        const start = shoot.starts[i];
        if (start !== undefined && (days.has(start.firstDay) || days.has(start.lastDay))) picks.add(i);
      }
    }
    const n = to - from;
    const offset = this.random();
    for (let k = 0; k < limit; k += 1) picks.add(from + Math.min(n - 1, Math.floor(((k + offset) * n) / limit)));
    return [...picks].sort((a, b) => a - b);
  }

  private keep(): number {
    return this.budget.active ? KEEP_WITH_CAPS : 1;
  }

  /** Places a mandatory shoot at its cheapest candidate that keeps the caps (else the cheapest); false when it has none. */
  private placeMandatory(s: number): boolean {
    const shoot = this.model.shoots[s];
    if (shoot === undefined) return false;
    const found = this.candidates(shoot, this.keep());
    if (found.length === 0) return false;
    return this.commit(found, true, this.currentBounds, this.state.total);
  }

  /** Places an optional shoot when a candidate costs less than its penalty and keeps the caps. */
  private placeOptional(s: number): boolean {
    const shoot = this.model.shoots[s];
    if (shoot === undefined || this.state.placed[s] !== null) return false;
    const found = this.candidates(shoot, this.keep()).filter((c) => c.cost < shoot.dropPenalty);
    return found.length > 0 && this.commit(found, false, this.currentBounds, this.state.total);
  }

  /**
   * Applies the first candidate that keeps every cap bound at or under its cap or no
   * higher than `bounds` (the state to compare with). A mandatory shoot falls back
   * to the first candidate, marked as over a cap.
   */
  private commit(found: readonly Candidate[], mandatory: boolean, bounds: readonly number[], total: number): boolean {
    const { state } = this;
    if (!this.budget.active) {
      const first = found[0];
      if (first === undefined) return false;
      state.apply(first.placement);
      return true;
    }
    for (const candidate of found) {
      state.apply(candidate.placement);
      if (this.capsHold(bounds, total)) {
        return true;
      }
      state.remove(candidate.placement.shoot);
    }
    const first = found[0];
    if (!mandatory || first === undefined) return false;
    // Every cheap candidate breaks a cap: take the one that keeps the shoot's project cheapest.
    const byBudget = this.budgetCandidates(first.placement.shoot);
    for (const candidate of byBudget) {
      state.apply(candidate.placement);
      if (this.capsHold(bounds, total)) {
        return true;
      }
      state.remove(candidate.placement.shoot);
    }
    state.apply((byBudget[0] ?? first).placement);
    this.refreshBounds();
    return true;
  }

  /**
   * Every feasible start's cheapest candidate, ordered by the bound of the shoot's
   * project once placed (then by cost): the budget-first choice when cheap
   * candidates break a cap. Empty when the shoot's project has no cap.
   */
  private budgetCandidates(s: number): Candidate[] {
    const { model, state, budget } = this;
    const shoot = model.shoots[s];
    const project = budget.projects.find((p) => p.project === shoot?.project);
    if (shoot === undefined || project === undefined || state.placed[s] !== null) return [];
    const { from, to } = this.search.startRange(shoot);
    const scored: { candidate: Candidate; bound: number }[] = [];
    for (let i = from; i < to; i += 1) {
      const candidate = this.search.search(shoot, [i], 1)[0];
      if (candidate === undefined) continue;
      state.apply(candidate.placement);
      scored.push({ candidate, bound: budget.projectBound(state, project.shoots) });
      state.remove(s);
    }
    scored.sort((a, b) => a.bound - b.bound || a.candidate.cost - b.candidate.cost);
    return scored.slice(0, 2 * KEEP_WITH_CAPS).map((x) => x.candidate);
  }

  /**
   * Budget repair: while a capped project's bound is over its cap, moves its shoots
   * (dearest part first) to the candidates that keep the project cheapest, or drops
   * its optional shoots, whenever that lowers the project's bound and keeps the other caps.
   */
  private repairBudgets(): void {
    const { state, budget, model } = this;
    if (budget.projects.length === 0) return;
    for (let round = 0; round < 3 && !this.late(); round += 1) {
      let improved = false;
      budget.projects.forEach((project, i) => {
        if ((this.currentBounds[i] ?? 0) <= project.cap) return;
        const placed = project.shoots.filter((s) => state.placed[s] !== null);
        const share = new Map(placed.map((s) => [s, budget.shootBound(state, s)]));
        placed.sort((a, b) => (share.get(b) ?? 0) - (share.get(a) ?? 0) || a - b);
        for (const s of placed) {
          if ((this.currentBounds[i] ?? 0) <= project.cap || this.late()) break;
          const reference = this.currentBounds;
          const before = reference[i] ?? 0;
          const total = state.total;
          const old = state.remove(s);
          if (old === null) continue;
          const better = (): boolean => this.capsHold(reference, total) && (this.currentBounds[i] ?? 0) < before - 1e-6;
          if (model.shoots[s]?.optional && better()) {
            improved = true;
            continue;
          }
          let moved = false;
          for (const candidate of this.budgetCandidates(s)) {
            state.apply(candidate.placement);
            if (better()) {
              moved = true;
              break;
            }
            state.remove(s);
          }
          if (moved) {
            improved = true;
            continue;
          }
          state.apply(old);
          this.refreshBounds();
        }
      });
      if (!improved) break;
    }
  }

  /** True when every cap holds in the state, or is no worse than in the reference; refreshes the current bounds then. */
  private capsHold(reference: readonly number[], referenceTotal: number): boolean {
    const { model, state, budget } = this;
    const cap = model.budgetTotal;
    if (cap !== null && state.total > cap && state.total > referenceTotal) return false;
    const now = budget.bounds(state);
    for (let i = 0; i < now.length; i += 1) {
      const bound = now[i] ?? 0;
      if (bound > (budget.projects[i]?.cap ?? 0) && bound > (reference[i] ?? 0) + 1e-6) return false;
    }
    this.currentBounds = now;
    return true;
  }

  private refreshBounds(): void {
    if (this.budget.active) this.currentBounds = this.budget.bounds(this.state);
  }

  /** Takes a placed shoot out and puts it back where it is cheapest, or drops it (optional), when that lowers the total. */
  private reinsert(s: number): void {
    const { state, model } = this;
    const shoot = model.shoots[s];
    if (shoot === undefined) return;
    const old = state.placed[s] ?? null;
    if (old === null) {
      if (shoot.optional) this.placeOptional(s);
      return;
    }
    const before = state.total;
    const bounds = this.currentBounds;
    state.remove(s);
    const out = state.total;
    const penalty = shoot.optional ? shoot.dropPenalty : 0;
    const better = this.candidates(shoot, this.keep()).filter((c) => out - penalty + c.cost < before);
    if (better.length > 0 && this.commit(better, false, bounds, before)) return;
    if (shoot.optional && out < before && (!this.budget.active || this.capsHold(bounds, before))) {
      return;
    }
    state.apply(old);
    this.refreshBounds();
  }

  /** Tries to place a mandatory shoot by moving shoots in its way; false when nothing worked (the state is unchanged then). */
  private repair(s: number): boolean {
    if (this.late()) return false;
    const blockers = this.blockers(s);
    for (const b of blockers.slice(0, REPAIR_SINGLE)) {
      if (this.late()) return false;
      if (this.ruinAndRecreate(s, [b])) return true;
    }
    return blockers.length > 1 && this.ruinAndRecreate(s, blockers.slice(0, REPAIR_GROUP));
  }

  /** Placed shoots that may stand in the way of `s`: optional ones first, then by shared scarce resources. */
  private blockers(s: number): number[] {
    const { model, state } = this;
    const shoot = model.shoots[s];
    if (shoot === undefined || shoot.starts.length === 0) return [];
    const lo = shoot.starts[0]?.slot ?? 0;
    const last = shoot.starts[shoot.starts.length - 1];
    const hi = last?.slots[last.slots.length - 1] ?? lo;
    const roles = new Set(shoot.roles.map((r) => r.role));
    const linked = new Set(shoot.after.map((a) => a.shoot));
    for (const other of model.shoots) if (other.after.some((a) => a.shoot === s)) linked.add(other.index);
    const scored: { shoot: number; score: number; optional: boolean }[] = [];
    for (const p of state.placed) {
      if (p === null || p.shoot === s) continue;
      const other = model.shoots[p.shoot];
      if (other === undefined) continue;
      let score = linked.has(p.shoot) ? 3 : 0;
      for (const r of shoot.required) if (p.crew.some((c) => c.person === r)) score += 4;
      const end = p.start.slots[p.start.slots.length - 1] ?? p.start.slot;
      if (p.start.slot <= hi && end >= lo) {
        if (shoot.locations.includes(p.location)) score += 2;
        if (other.equipment.some((e) => shoot.equipment.some((f) => f.item === e.item))) score += 1;
        if (p.crew.some((c) => model.people[c.person] !== undefined && [...roles].some((r) => model.people[c.person]?.roles.has(r)))) score += 1;
      }
      if (score > 0) scored.push({ shoot: p.shoot, score, optional: other.optional });
    }
    scored.sort((a, b) => Number(a.optional ? 0 : 1) - Number(b.optional ? 0 : 1) || b.score - a.score || (this.rank[a.shoot] ?? 0) - (this.rank[b.shoot] ?? 0));
    return scored.map((x) => x.shoot);
  }

  /** Takes `evict` out, places `s` and the evicted shoots in precedence order; undoes everything when a mandatory one is left out. */
  private ruinAndRecreate(s: number, evict: readonly number[]): boolean {
    const { state, model } = this;
    const olds: Placement[] = [];
    for (const b of evict) {
      const old = state.remove(b);
      if (old !== null) olds.push(old);
    }
    this.refreshBounds();
    let ok = true;
    for (const b of this.topologicalOrder([s, ...evict.filter((x) => x !== s)])) {
      if (model.shoots[b]?.optional) this.placeOptional(b);
      else if (!this.placeMandatory(b)) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
    for (const x of [s, ...evict]) state.remove(x);
    for (const old of olds) state.apply(old);
    this.refreshBounds();
    return false;
  }

  /**
   * Final guarantee on the caps: while the exact cost ({@link exactProjectCosts},
   * checked only when a bound is over its cap) of a capped project, or the total, is
   * over its cap, takes out the placed mandatory shoot with the largest part of it
   * and reports it as unplaced, so the plan left is within every cap and a repair
   * has the fewest shoots to put back.
   */
  private enforceCaps(): number[] {
    const { model, state, budget } = this;
    if (!budget.active) return [];
    const out: number[] = [];
    for (let guard = 0; guard <= model.shoots.length; guard += 1) {
      const bounds = budget.bounds(state);
      const suspects = budget.projects.filter((p, i) => (bounds[i] ?? 0) > p.cap);
      const overTotal = model.budgetTotal !== null && state.total > model.budgetTotal;
      if (suspects.length === 0 && !overTotal) break;
      const exact = suspects.length > 0 ? exactProjectCosts(state) : new Map<string, number>();
      const over = suspects.find((p) => (exact.get(p.project) ?? 0) > p.cap);
      if (over === undefined && !overTotal) break;
      const pool = (over?.shoots ?? model.shoots.map((x) => x.index)).filter((x) => state.placed[x] !== null && !model.shoots[x]?.optional);
      let dearest = -1;
      let share = -Infinity;
      for (const x of pool) {
        const part = budget.shootBound(state, x);
        if (part > share) {
          dearest = x;
          share = part;
        }
      }
      if (dearest < 0) {
        // Only optional shoots are left to break the cap, placed or dropped (their penalties): report them.
        const culprits = (over?.shoots ?? model.shoots.map((x) => x.index)).filter((x) => model.shoots[x]?.optional);
        return [...out.filter((x) => !this.putBackWithinCaps(x)), ...culprits];
      }
      state.remove(dearest);
      out.push(dearest);
    }
    return out.filter((s) => !this.putBackWithinCaps(s));
  }

  /** A last try for a shoot taken out for a cap (not in a hurry): a placement (cheapest or budget-first) under every cap. */
  private putBackWithinCaps(s: number): boolean {
    return !this.late() && this.placeWithinCaps(s);
  }

  /** Places the shoot at a candidate that keeps every cap bound and the total at or under its cap; false when none does. */
  private placeWithinCaps(s: number): boolean {
    const { model, state, budget } = this;
    const shoot = model.shoots[s];
    if (shoot === undefined || state.placed[s] !== null) return false;
    for (const candidate of [...this.candidates(shoot, KEEP_WITH_CAPS), ...this.budgetCandidates(s)]) {
      state.apply(candidate.placement);
      const bounds = budget.bounds(state);
      let within = model.budgetTotal === null || state.total <= model.budgetTotal;
      if (within && budget.projects.some((p, i) => (bounds[i] ?? 0) > p.cap)) {
        const exact = exactProjectCosts(state);
        within = budget.projects.every((p) => (exact.get(p.project) ?? 0) <= p.cap);
      }
      if (within) return true;
      state.remove(s);
    }
    return false;
  }

}
