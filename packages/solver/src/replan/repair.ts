import { estimateMilpVariables } from "../bounds/bounding-milp.js";
import { combinatorialBound } from "../bounds/combinatorial-bound.js";
import type { BackendResult } from "../backends/backend.js";
import { highsBackend } from "../backends/highs-backend.js";
import { backendByName } from "../backends/registry.js";
import { explainInfeasibility, infeasibilityReasons } from "../diagnose/explain-infeasibility.js";
import { toMajor, toMinor } from "../domain/money.js";
import { parseRepairRequest, type RepairRequest } from "../domain/parse-repair-request.js";
import { InternalDefectError } from "../errors.js";
import { buildMilp } from "../formulation/build-milp.js";
import { decodeMilp } from "../formulation/decode-milp.js";
import { buildPlanningModel } from "../model/build-planning-model.js";
import type { Placement } from "../model/placement.js";
import type { PlanningModel } from "../model/planning-model.js";
import { residualModel } from "../model/residual-model.js";
import { placementsFromPlan } from "../heuristics/plan-to-placements.js";
import { completeStart } from "../search/complete-start.js";
import { defaultFocus, focusNeighbourhood } from "../search/focus-neighbourhood.js";
import { warmStart } from "../search/large-neighbourhood-search.js";
import { pricePlan, type PricedPlan } from "../search/price-plan.js";
import { finishPlan } from "../solve/answers.js";
import { solve, validateOptions } from "../solve/solve.js";
import { defaultSolveOptions, type ResolvedSolveOptions, type SolveOptions } from "../solve/solve-options.js";
import type { SolveMethod } from "../solve/solve-result.js";
import { withChangePenalties } from "./change-penalties.js";
import { earlierShoots, keptPlacement, type EarlierShoot } from "./earlier-plan.js";
import { countedChanges, planChanges } from "./plan-changes.js";
import type { RepairResult } from "./repair-result.js";

/** Up to this many (estimated) MILP variables the whole problem is re-solved with the penalties (as `auto` proves small problems). */
export const REPAIR_EXACT_MAX_VARIABLES = 6000;
/** Largest residual MILP (variables) a focused repair round solves. */
const ROUND_MAX_VARIABLES = 20_000;
/** Estimated columns per second of time left that a round may build (L-1's 460 000-column MILP takes about 12 s). */
const BUILD_COLUMNS_PER_SECOND = 20_000;
/** Kept shoots nearest to the disrupted ones that the wider focused rounds free too. */
const WIDER_ROUNDS = [10, 40] as const;
/** Share of the time the focused rounds may take on large problems, keeping the rest for a plan from scratch. */
const AROUND_SHARE_LARGE = 0.7;
/** Share of the time the focused rounds may take on small problems, before the whole MILP. */
const AROUND_SHARE_SMALL = 0.3;
/** The same with a budget. */
const AROUND_SHARE_SMALL_BUDGETED = 0.15;
/** Share of the time left for the whole MILP of a small problem without a start, keeping the rest for a plan from scratch. */
const WHOLE_SHARE_WITHOUT_START = 0.75;
/** Seconds at most to complete the warm start of the whole MILP (milliseconds at tier S). */
const START_SECONDS = 2;

/** Everything a repair works with, resolved once. */
interface Repair {
  readonly request: RepairRequest;
  readonly model: PlanningModel;
  readonly earlier: readonly EarlierShoot[];
  /** Change penalty in minor units. */
  readonly penalty: number;
  readonly pinned: ReadonlySet<number>;
  readonly settings: ResolvedSolveOptions;
  readonly signal: AbortSignal | undefined;
  readonly seconds: () => number;
  /** Wall-clock ms by which the solving must end (the answer's assembly follows). */
  readonly deadline: number;
}

/**
 * Repairs an earlier plan after a change: returns a valid plan of the current problem
 * that minimises its cost plus `changePenalty` per changed assignment, keeps the
 * pinned shoots exactly as they were, and lists every change. `request` is raw JSON
 * (see `repairRequestSchema`), validated here. Small problems are re-solved whole on
 * the chosen backend, so `optimal` is a proof over every plan; larger ones keep every
 * shoot the change leaves intact and re-solve the others (then the days around them,
 * then all of them) on HiGHS, answering `feasible` with a lower bound. Options as for
 * `solve` (`strategy` and `iterationLimit` do not apply). Throws only for invalid input.
 */
export async function repair(request: unknown, options: SolveOptions = {}): Promise<RepairResult> {
  const started = performance.now();
  const startedAt = Date.now();
  const { signal, onProgress: _ignored, ...chosen } = options;
  const settings: ResolvedSolveOptions = { ...defaultSolveOptions, ...chosen };
  validateOptions(settings);
  const parsed = parseRepairRequest(request);
  const model = buildPlanningModel(parsed.problem);
  const repairing: Repair = {
    request: parsed,
    model,
    earlier: earlierShoots(model, parsed.earlierPlan),
    penalty: toMinor(parsed.changePenalty, model.digits),
    pinned: new Set(parsed.pinnedShoots.flatMap((id) => model.shoots.filter((s) => s.id === id).map((s) => s.index))),
    settings,
    signal,
    seconds: () => (performance.now() - started) / 1000,
    // As in `solve`: 5 % of the limit and 0.2 s kept back to assemble and check the answer.
    deadline: startedAt + settings.timeLimitSeconds * 1000 * 0.95 - 200,
  };
  const broken = brokenPin(repairing);
  if (broken !== null) return withoutPlan(repairing, "infeasible", "mip", broken);
  const small = estimateMilpVariables(model) <= REPAIR_EXACT_MAX_VARIABLES;
  if (small) return repairSmall(repairing);
  const near = await repairAround(repairing, AROUND_SHARE_LARGE, false);
  if (near !== null) return withPlan(repairing, near, combinatorialBound(model), "lns", "highs");
  // Nothing around the earlier plan (a budget cap the residual problems do not see, or
  // no room near the disrupted shoots): a plan of the changed problem from scratch.
  const fresh = await planFromScratch(repairing, 1);
  if (fresh.priced !== null) return withPlan(repairing, fresh.priced, combinatorialBound(model), "lns", "highs");
  return withoutPlan(repairing, "timeout", "lns", fresh.ran
    ? "No valid repaired plan was found: none around the earlier plan, and none from scratch within the time left. Strategy \"mip\" with solve() tells whether the changed problem has a plan at all."
    : "The time limit passed before a valid repaired plan was found around the earlier plan, with no time left to plan from scratch.");
}

/**
 * Small problems: the focused rounds (a plan close to the earlier one in a fraction of
 * the time; with a budget they get less, as their residual problems do not see budgets
 * and their plans are often over one), then the whole MILP warm-started from their plan;
 * a plan from scratch when neither finds one in time.
 */
async function repairSmall(r: Repair): Promise<RepairResult> {
  const budgeted = r.model.budgetTotal !== null || r.model.budgetProjects.size > 0;
  const near = await repairAround(r, budgeted ? AROUND_SHARE_SMALL_BUDGETED : AROUND_SHARE_SMALL, true);
  const whole = await repairWhole(r, near, near === null ? WHOLE_SHARE_WITHOUT_START : 1);
  if (whole.plan !== null || whole.status === "infeasible") return whole;
  const fresh = await planFromScratch(r, 1);
  return fresh.priced === null ? whole : withPlan(r, fresh.priced, null, "lns", "highs");
}

/**
 * A plan of the changed problem that ignores the earlier one (construction and
 * neighbourhood search, as `solve` with strategy "lns"), with `share` of the time
 * left; null without one or when it breaks a pin.
 */
async function planFromScratch(r: Repair, share: number): Promise<{ readonly priced: PricedPlan | null; readonly ran: boolean }> {
  const seconds = ((r.deadline - Date.now()) / 1000) * share;
  if (seconds <= 0.1) return { priced: null, ran: false };
  const answer = await solve(r.model.problem, { strategy: "lns", timeLimitSeconds: seconds, seed: r.settings.seed, ...(r.signal ? { signal: r.signal } : {}) });
  if (answer.plan === null) return { priced: null, ran: true };
  const priced = pricePlan(r.model, placementsFromPlan(r.model, answer.plan));
  return { priced: priced.valid && keepsPins(r, priced) ? priced : null, ran: true };
}

/** A sentence for the first pinned shoot the current problem no longer allows as it was, or null. */
function brokenPin(r: Repair): string | null {
  for (const shoot of r.model.shoots) {
    if (!r.pinned.has(shoot.index)) continue;
    const kept = keptPlacement(r.model, shoot, r.earlier[shoot.index] ?? { kind: "new" });
    if (typeof kept === "string") return `Pinned shoot "${shoot.id}" cannot be kept as it was: ${kept}. Unpin it to let the repair move it.`;
  }
  return null;
}

/**
 * The whole MILP with the penalties, warm-started from `start` (the focused rounds'
 * plan). With project caps it first solves the caps relaxed (a relaxation: its
 * optimum, when within the caps, is the optimum); when that optimum breaks a cap, the
 * conservative caps give a valid plan and the relaxation the bound.
 */
async function repairWhole(r: Repair, start: PricedPlan | null, share: number): Promise<RepairResult> {
  const { model, settings } = r;
  const capped = model.budgetProjects.size > 0;
  const formulation = buildMilp(model, { projectBudgets: capped ? "relaxed" : "conservative" });
  if (formulation.unplaceable.length > 0) return withoutPlan(r, "infeasible", "mip", explainInfeasibility(model));
  const first = await solvePenalised(r, formulation, start, share);
  // A pin the MILP has no variables for (a rule it would break on its own that brokenPin does not test).
  if (first.result === null) return withoutPlan(r, "infeasible", "mip", `Pinned shoot "${r.model.shoots[first.unkept[0] ?? -1]?.id}" cannot be kept as it was: its earlier time, location or crew is no longer a choice the rules allow. Unpin it to let the repair move it.`);
  if (first.result.status === "infeasible") return withoutPlan(r, "infeasible", "mip", infeasibleReason(r));
  const proven = first.result.status === "optimal" && settings.relativeGap === 0 && first.priced !== null;
  let bound = proven ? null : first.result.bound;
  let found = first.priced;
  if (found === null && start === null && capped && first.result.status === "optimal") {
    bound = first.result.bound ?? first.result.objective;
    found = (await solvePenalised(r, buildMilp(model), null, share)).priced;
  }
  const best = [found, start].filter((p): p is PricedPlan => p !== null).sort((a, b) => objectiveOf(r, a).objective - objectiveOf(r, b).objective)[0];
  if (best === undefined) return withoutPlan(r, "timeout", "mip", "The time limit passed before a valid repaired plan was found.", bound);
  return withPlan(r, best, proven && best === found ? "proven" : bound, "mip", settings.backend);
}

/**
 * Solves `formulation` plus the penalties with `share` of the time left, on HiGHS from
 * `start` when there is one; `priced` is its plan when valid.
 */
async function solvePenalised(
  r: Repair,
  formulation: ReturnType<typeof buildMilp>,
  start: PricedPlan | null,
  share: number,
): Promise<{ result: BackendResult; priced: PricedPlan | null; unkept?: never } | { result: null; priced: null; unkept: readonly number[] }> {
  const { milp, unkept } = withChangePenalties(formulation, r.model, r.earlier, r.penalty, r.pinned);
  if (unkept.length > 0) return { result: null, priced: null, unkept };
  const left = () => (r.deadline - Date.now()) / 1000;
  const identity = r.model.shoots.map((s) => s.index);
  // Only HiGHS takes a start (javascript-lp-solver ignores it).
  const initialValues = start === null || r.settings.backend !== "highs" ? null : await completeStart(milp, warmStart(r.model, identity, formulation, start.placements), Math.min(START_SECONDS, left() * 0.1));
  const result = await backendByName(r.settings.backend).solve(milp, {
    ...(initialValues === null ? {} : { initialValues }),
    timeLimitSeconds: Math.max(0.05, ((r.deadline - Date.now()) / 1000) * share),
    relativeGap: r.settings.relativeGap,
    seed: r.settings.seed,
    ...(r.signal ? { signal: r.signal } : {}),
  });
  if (result.status !== "optimal" && result.status !== "feasible") return { result, priced: null };
  const priced = pricePlan(r.model, decodeMilp(r.model, formulation, result.values));
  if (!priced.valid) return { result, priced: null };
  assertObjective(r, result, priced, r.settings.relativeGap);
  return { result, priced };
}

/**
 * The focused rounds: every shoot the change leaves intact stays as it was; the others
 * (disrupted, new, or dropped before) are re-solved around them. When that has no
 * valid plan, the kept shoots nearest to them are freed too, in growing numbers, and
 * on large problems finally every unpinned shoot when that residual is small enough.
 * `share`: of the time left; null when no round gives a valid plan.
 */
async function repairAround(r: Repair, share: number, small: boolean): Promise<PricedPlan | null> {
  const { model } = r;
  const until = Date.now() + (r.deadline - Date.now()) * share;
  const kept = keptPlacements(r);
  const disrupted = new Set(model.shoots.filter((s) => !kept.has(s.index)).map((s) => s.index));
  const unpinned = new Set(model.shoots.filter((s) => !r.pinned.has(s.index)).map((s) => s.index));
  const rounds = [disrupted, ...WIDER_ROUNDS.map((count) => nearest(r, kept, disrupted, count)), ...(small ? [] : [unpinned])];
  let previous = new Set<number>([-1]);
  for (const [i, free] of rounds.entries()) {
    if (free.size === previous.size && [...free].every((s) => previous.has(s))) continue;
    previous = free;
    if (Date.now() >= until || r.signal?.aborted === true) break;
    const last = i === rounds.length - 1;
    // The first round (only the disrupted shoots) is the likeliest to keep changes few: it gets most of the time.
    const outcome = await solveAround(r, [...kept.values()], free, until, last ? 1 : i === 0 ? 0.8 : 0.5);
    // Never a proof, even with every unpinned shoot free: the rounds narrow the problem (focusAround).
    if (outcome !== null) return outcome;
  }
  return null;
}

/** The earlier placement of each shoot the current problem still allows on its own. */
function keptPlacements(r: Repair): Map<number, Placement> {
  const kept = new Map<number, Placement>();
  for (const shoot of r.model.shoots) {
    const placement = keptPlacement(r.model, shoot, r.earlier[shoot.index] ?? { kind: "new" });
    if (typeof placement !== "string") kept.set(shoot.index, placement);
  }
  return kept;
}

/**
 * The disrupted shoots and the `count` unpinned kept shoots most related to them: first
 * by how many of the disrupted shoots' people (required, preferred, earlier crew) and
 * locations (earlier, or allowed for a shoot without one) they use, then by distance in
 * working days (to a disrupted shoot's earlier dates, or to any start of a shoot
 * without them), then by shoot index. Those are the shoots whose moving makes room.
 */
function nearest(r: Repair, kept: ReadonlyMap<number, Placement>, disrupted: ReadonlySet<number>, count: number): Set<number> {
  const days: number[] = [];
  const people = new Set<number>();
  const locations = new Set<number>();
  for (const s of disrupted) {
    const shoot = r.model.shoots[s];
    const before = r.earlier[s];
    for (const p of [...(shoot?.required ?? []), ...(shoot?.preferred ?? [])]) people.add(p);
    if (before?.kind === "scheduled" && before.slot !== null) {
      const first = Math.floor(before.slot / r.model.slotsPerDay);
      for (let d = first; d < first + before.dayCount; d += 1) days.push(d);
      for (const c of before.crew) if (c.person !== null) people.add(c.person);
      if (before.location !== null) locations.add(before.location);
    } else {
      for (const start of shoot?.starts ?? []) days.push(start.firstDay);
      for (const l of shoot?.locations ?? []) locations.add(l);
    }
  }
  const distance = (p: Placement) => Math.min(...days.map((d) => (d < p.start.firstDay ? p.start.firstDay - d : d > p.start.lastDay ? d - p.start.lastDay : 0)));
  const shared = (p: Placement) => p.crew.filter((c) => people.has(c.person)).length + (locations.has(p.location) ? 1 : 0);
  const candidates = [...kept.values()].filter((p) => !r.pinned.has(p.shoot)).map((p) => ({ shoot: p.shoot, shared: shared(p), distance: distance(p) }));
  candidates.sort((a, b) => b.shared - a.shared || a.distance - b.distance || a.shoot - b.shoot);
  return new Set([...disrupted, ...candidates.slice(0, count).map((c) => c.shoot)]);
}

/** Whether a plan keeps every pinned shoot's earlier placement and crew. */
function keepsPins(r: Repair, priced: PricedPlan): boolean {
  const kept = keptPlacements(r);
  return [...r.pinned].every((s) => {
    const want = kept.get(s);
    const got = priced.placements.find((p) => p.shoot === s);
    return want !== undefined && got !== undefined && want.start.slot === got.start.slot && want.location === got.location && want.crew.length === got.crew.length && want.crew.every((c) => got.crew.some((g) => g.person === c.person && g.role === c.role));
  });
}

/** One focused round: the residual problem of `free` with the penalties; null when it gives no valid plan. */
async function solveAround(r: Repair, kept: readonly Placement[], free: ReadonlySet<number>, until: number, share: number): Promise<PricedPlan | null> {
  const residual = residualModel(r.model, kept, free);
  const focused = focusAround(r, residual, kept);
  // Building a MILP cannot be interrupted: only start what can be built in the time left.
  // (The estimate ignores the people the focus masks, so it overstates; the real size is checked after.)
  if (estimateMilpVariables(focused) > ((until - Date.now()) / 1000) * BUILD_COLUMNS_PER_SECOND) return null;
  const formulation = buildMilp(focused);
  if (formulation.milp.variables.length > ROUND_MAX_VARIABLES) return null;
  if (formulation.unplaceable.length > 0) return null;
  const earlier = residual.original.map((o): EarlierShoot => r.earlier[o] ?? { kind: "new" });
  const { milp } = withChangePenalties(formulation, focused, earlier, r.penalty, new Set());
  const result = await highsBackend.solve(milp, {
    timeLimitSeconds: Math.max(0.05, ((until - Date.now()) / 1000) * share),
    relativeGap: r.settings.relativeGap,
    seed: r.settings.seed,
    ...(r.signal ? { signal: r.signal } : {}),
  });
  if (result.status !== "optimal" && result.status !== "feasible") return null;
  const freed = decodeMilp(focused, formulation, result.values).map((p) => ({ ...p, shoot: residual.original[p.shoot] ?? -1 }));
  const priced = pricePlan(r.model, [...kept.filter((p) => !free.has(p.shoot)), ...freed]);
  return priced.valid ? priced : null;
}

/**
 * The residual problem narrowed as the neighbourhood search narrows its sub-problems
 * (kept shoots that are freed move at most a few days; people: those on them, the
 * named ones and the cheapest holders of each needed role), plus the earlier crew of
 * the disrupted shoots, so the repair can keep whoever is still available.
 */
function focusAround(r: Repair, residual: ReturnType<typeof residualModel>, kept: readonly Placement[]): PlanningModel {
  const focused = focusNeighbourhood(residual, kept, defaultFocus);
  const earlierCrew = new Set<number>();
  for (const o of residual.original) {
    const before = r.earlier[o];
    if (before?.kind === "scheduled") for (const c of before.crew) if (c.person !== null) earlierCrew.add(c.person);
  }
  return { ...focused, people: focused.people.map((p) => (earlierCrew.has(p.index) ? (residual.model.people[p.index] ?? p) : p)) };
}

function infeasibleReason(r: Repair): string {
  if (r.pinned.size === 0 || infeasibilityReasons(r.model).length > 0) return explainInfeasibility(r.model);
  const ids = [...r.pinned].map((s) => `"${r.model.shoots[s]?.id}"`).join(", ");
  return `No plan keeps the pinned shoots ${ids} as they were and meets every rule (with its equipment, capacities and budgets, and beside the other shoots). Unpin some of them.`;
}

/** The penalised objective of a repaired plan in minor units, recounted from the plans themselves. */
function objectiveOf(r: Repair, priced: PricedPlan): { changes: ReturnType<typeof planChanges>; objective: number } {
  const changes = planChanges(r.model.shoots.map((s) => s.id), r.request.earlierPlan, priced.plan);
  return { changes, objective: priced.cost + r.penalty * countedChanges(changes) };
}

/** The MILP's objective must be the recounted one (exactly when proven optimal, at least otherwise). */
function assertObjective(r: Repair, result: BackendResult, priced: PricedPlan, relativeGap: number): void {
  const { objective } = objectiveOf(r, priced);
  const reported = result.objective ?? Number.NaN;
  const exact = result.status === "optimal" && relativeGap === 0;
  if (exact ? Math.abs(reported - objective) > 0.5 : objective > reported + 0.5) {
    throw new InternalDefectError(`Repair MILP objective ${reported} does not match the plan's cost plus change penalties ${objective} (minor units)`);
  }
}

function withPlan(r: Repair, priced: PricedPlan, bound: number | "proven" | null, method: SolveMethod, backend: RepairResult["backend"]): RepairResult {
  const { model } = r;
  if (!keepsPins(r, priced)) throw new InternalDefectError("The repair produced a plan that moves a pinned shoot.");
  const plan = finishPlan(model, priced.placements);
  const { changes, objective } = objectiveOf(r, { ...priced, plan });
  const lower = bound === "proven" ? objective : bound === null ? null : Math.min(objective, Math.max(0, Math.ceil(bound - 1e-6)));
  const count = countedChanges(changes);
  return {
    status: lower !== null && lower >= objective ? "optimal" : "feasible",
    plan,
    cost: toMajor(priced.cost, model.digits),
    lowerBound: lower === null ? null : toMajor(lower, model.digits),
    gap: lower === null ? null : objective === 0 ? 0 : (objective - lower) / objective,
    method,
    backend,
    seconds: r.seconds(),
    explanation: null,
    model: null,
    objective: toMajor(objective, model.digits),
    changes,
    changedAssignments: count,
    changePenalties: toMajor(r.penalty * count, model.digits),
  };
}

function withoutPlan(r: Repair, status: "infeasible" | "timeout", method: SolveMethod, explanation: string, bound: number | null = null): RepairResult {
  const lowerBound = bound === null ? null : toMajor(Math.max(0, Math.ceil(bound - 1e-6)), r.model.digits);
  const backend = method === "mip" ? r.settings.backend : null;
  return { status, plan: null, cost: null, lowerBound, gap: null, method, backend, seconds: r.seconds(), explanation, model: null, objective: null, changes: [], changedAssignments: null, changePenalties: null };
}
