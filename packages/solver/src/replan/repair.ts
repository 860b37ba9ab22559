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
import { pricePlan, type PricedPlan } from "../search/price-plan.js";
import { finishPlan } from "../solve/answers.js";
import { validateOptions } from "../solve/solve.js";
import { defaultSolveOptions, type ResolvedSolveOptions, type SolveOptions } from "../solve/solve-options.js";
import type { SolveMethod } from "../solve/solve-result.js";
import { withChangePenalties } from "./change-penalties.js";
import { earlierShoots, keptPlacement, type EarlierShoot } from "./earlier-plan.js";
import { countedChanges, planChanges } from "./plan-changes.js";
import type { RepairResult } from "./repair-result.js";

/** Up to this many (estimated) MILP variables the whole problem is re-solved with the penalties (as `auto` proves small problems). */
export const REPAIR_EXACT_MAX_VARIABLES = 6000;
/** Largest residual MILP (variables) a focused repair round builds. */
const ROUND_MAX_VARIABLES = 40_000;
/** Working days around the disrupted shoots that the second focused round frees too. */
const WIDEN_DAYS = 2;

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
  return estimateMilpVariables(model) <= REPAIR_EXACT_MAX_VARIABLES ? repairWhole(repairing) : repairAround(repairing);
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
 * The whole MILP with the penalties. With project caps it first solves the caps
 * relaxed (a relaxation: its optimum, when within the caps, is the optimum); when that
 * optimum breaks a cap, the conservative caps give a valid plan and the relaxation the bound.
 */
async function repairWhole(r: Repair): Promise<RepairResult> {
  const { model, settings } = r;
  const capped = model.budgetProjects.size > 0;
  const formulation = buildMilp(model, { projectBudgets: capped ? "relaxed" : "conservative" });
  if (formulation.unplaceable.length > 0) return withoutPlan(r, "infeasible", "mip", explainInfeasibility(model));
  const first = await solvePenalised(r, formulation, capped ? 0.6 : 1);
  if (first.result.status === "infeasible") return withoutPlan(r, "infeasible", "mip", infeasibleReason(r));
  let found = first.priced;
  let bound = first.result.status === "optimal" && settings.relativeGap === 0 && found !== null ? null : first.result.bound;
  const proven = first.result.status === "optimal" && settings.relativeGap === 0 && found !== null;
  if (found === null && capped && first.result.status === "optimal") {
    bound = first.result.bound ?? first.result.objective;
    found = (await solvePenalised(r, buildMilp(model), 1)).priced;
  }
  if (found === null) return withoutPlan(r, "timeout", "mip", "The time limit passed before a valid repaired plan was found.", bound);
  return withPlan(r, found, proven ? "proven" : bound, "mip", settings.backend);
}

/** Solves `formulation` plus the penalties with `share` of the time left; `priced` is its plan when valid. */
async function solvePenalised(r: Repair, formulation: ReturnType<typeof buildMilp>, share: number): Promise<{ result: BackendResult; priced: PricedPlan | null }> {
  const { milp } = withChangePenalties(formulation, r.model, r.earlier, r.penalty, r.pinned);
  const result = await backendByName(r.settings.backend).solve(milp, {
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
 * Large problems: every shoot the change leaves intact stays as it was; the others
 * (disrupted, new, or dropped before) are re-solved around them. When that has no
 * valid plan, the shoots within a few days of them are freed too, then every unpinned shoot.
 */
async function repairAround(r: Repair): Promise<RepairResult> {
  const { model } = r;
  const kept = new Map<number, Placement>();
  for (const shoot of model.shoots) {
    const placement = keptPlacement(model, shoot, r.earlier[shoot.index] ?? { kind: "new" });
    if (typeof placement !== "string") kept.set(shoot.index, placement);
  }
  const disrupted = new Set(model.shoots.filter((s) => !kept.has(s.index)).map((s) => s.index));
  const rounds = [disrupted, around(r, kept, disrupted), new Set(model.shoots.filter((s) => !r.pinned.has(s.index)).map((s) => s.index))];
  let tried = new Set<number>([-1]);
  for (const [i, free] of rounds.entries()) {
    if (free.size === tried.size && [...free].every((s) => tried.has(s))) continue;
    tried = free;
    if (Date.now() >= r.deadline || r.signal?.aborted === true) break;
    const share = i === rounds.length - 1 ? 1 : 0.5;
    const outcome = await solveAround(r, [...kept.values()], free, share);
    if (outcome === null) continue;
    // Every unpinned shoot free and proven: the residual problem is the whole problem (caps aside, and the plan met them).
    const whole = i === rounds.length - 1 && outcome.proven;
    return withPlan(r, outcome.priced, whole ? "proven" : combinatorialBound(model), "lns", "highs");
  }
  const timeUp = Date.now() >= r.deadline;
  return withoutPlan(r, "timeout", "lns", timeUp
    ? "The time limit passed before a valid repaired plan was found."
    : "No valid repaired plan was found around the earlier plan. Strategy \"mip\" with solve() tells whether the current problem has a plan at all.");
}

/** The disrupted shoots and every unpinned kept shoot within WIDEN_DAYS working days of one. */
function around(r: Repair, kept: ReadonlyMap<number, Placement>, disrupted: ReadonlySet<number>): Set<number> {
  const days = new Set<number>();
  for (const s of disrupted) {
    const before = r.earlier[s];
    if (before?.kind === "scheduled" && before.slot !== null) {
      const first = Math.floor(before.slot / r.model.slotsPerDay);
      for (let d = first - WIDEN_DAYS; d < first + before.dayCount + WIDEN_DAYS; d += 1) days.add(d);
    } else {
      // No earlier time: the whole window it may take.
      for (const start of r.model.shoots[s]?.starts ?? []) for (let d = start.firstDay; d <= start.lastDay; d += 1) days.add(d);
    }
  }
  const free = new Set(disrupted);
  for (const [s, p] of kept) {
    if (r.pinned.has(s)) continue;
    for (let d = p.start.firstDay; d <= p.start.lastDay; d += 1) if (days.has(d)) free.add(s);
  }
  return free;
}

/** One focused round: the residual problem of `free` with the penalties; null when it gives no valid plan. */
async function solveAround(r: Repair, kept: readonly Placement[], free: ReadonlySet<number>, share: number): Promise<{ priced: PricedPlan; proven: boolean } | null> {
  const residual = residualModel(r.model, kept, free);
  if (estimateMilpVariables(residual.model) > ROUND_MAX_VARIABLES) return null;
  const formulation = buildMilp(residual.model);
  if (formulation.unplaceable.length > 0) return null;
  const earlier = residual.original.map((o): EarlierShoot => r.earlier[o] ?? { kind: "new" });
  const { milp } = withChangePenalties(formulation, residual.model, earlier, r.penalty, new Set());
  const result = await highsBackend.solve(milp, {
    timeLimitSeconds: Math.max(0.05, ((r.deadline - Date.now()) / 1000) * share),
    relativeGap: r.settings.relativeGap,
    seed: r.settings.seed,
    ...(r.signal ? { signal: r.signal } : {}),
  });
  if (result.status !== "optimal" && result.status !== "feasible") return null;
  const freed = decodeMilp(residual.model, formulation, result.values).map((p) => ({ ...p, shoot: residual.original[p.shoot] ?? -1 }));
  const priced = pricePlan(r.model, [...kept.filter((p) => !free.has(p.shoot)), ...freed]);
  return priced.valid ? { priced, proven: result.status === "optimal" && r.settings.relativeGap === 0 } : null;
}

function infeasibleReason(r: Repair): string {
  if (r.pinned.size === 0 || infeasibilityReasons(r.model).length > 0) return explainInfeasibility(r.model);
  const ids = [...r.pinned].map((s) => `"${r.model.shoots[s]?.id}"`).join(", ");
  return `No plan keeps the pinned shoots ${ids} as they were and meets every rule; each fits on its own, so they conflict with what the rest of the problem needs. Unpin some of them.`;
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
