import { estimateMilpVariables } from "../bounds/bounding-milp.js";
import { combinatorialBound } from "../bounds/combinatorial-bound.js";
import { toMinor } from "../domain/money.js";
import { parseRepairRequest } from "../domain/parse-repair-request.js";
import { placementsFromPlan } from "../heuristics/plan-to-placements.js";
import { buildPlanningModel } from "../model/build-planning-model.js";
import type { Placement } from "../model/placement.js";
import { pricePlan, type PricedPlan } from "../search/price-plan.js";
import { solve, validateOptions } from "../solve/solve.js";
import { defaultSolveOptions, type ResolvedSolveOptions } from "../solve/solve-options.js";
import { earlierShoots, keptPlacement } from "./earlier-plan.js";
import { repairAround } from "./focused-rounds.js";
import { pinConflict } from "./pin-conflicts.js";
import { withPlan, withoutPlan } from "./repair-answers.js";
import { keepsPins, type Repair } from "./repair-context.js";
import type { RepairOptions } from "./repair-options.js";
import { repairReporter } from "./repair-progress.js";
import type { RepairResult } from "./repair-result.js";
import { repairWhole } from "./whole-repair.js";

/** Up to this many (estimated) MILP variables the whole problem is re-solved with the penalties (as `auto` proves small problems). */
export const REPAIR_EXACT_MAX_VARIABLES = 6000;

/** Share of the time the focused rounds may take on large problems, keeping the rest for a plan from scratch. */
const AROUND_SHARE_LARGE = 0.7;

/** Share of the time the focused rounds may take on small problems, before the whole MILP. */
const AROUND_SHARE_SMALL = 0.3;

/** The same with a budget. */
const AROUND_SHARE_SMALL_BUDGETED = 0.15;

/** Share of the time left for the whole MILP of a small problem without a start, keeping the rest for a plan from scratch. */
const WHOLE_SHARE_WITHOUT_START = 0.75;

/**
 * Repairs an earlier plan after a change: returns a valid plan of the current problem
 * that minimises its cost plus `changePenalty` per changed assignment, keeps the
 * pinned shoots exactly as they were, and lists every change. `request` is raw JSON
 * (see `repairRequestSchema`), validated here. Every shoot the change leaves intact is
 * kept and the others are re-solved around it (focused-rounds.ts); small problems are
 * then re-solved whole on the chosen backend (whole-repair.ts), so `optimal` is a proof
 * over every plan; larger ones answer `feasible` with a lower bound, or with a plan from
 * scratch when no round finds one. Options as for `solve` (`strategy` and
 * `iterationLimit` do not apply); `onProgress` hears of each repaired plan with a lower
 * objective and each higher bound. Throws only for invalid input.
 */
export async function repair(request: unknown, options: RepairOptions = {}): Promise<RepairResult> {
  const started = performance.now();
  const startedAt = Date.now();
  const { signal, onProgress, ...chosen } = options;
  const settings: ResolvedSolveOptions = { ...defaultSolveOptions, ...chosen };
  validateOptions(settings);
  const parsed = parseRepairRequest(request);
  const model = buildPlanningModel(parsed.problem);
  const earlier = earlierShoots(model, parsed.earlierPlan);
  const repairing: Repair = {
    request: parsed,
    model,
    earlier,
    kept: model.shoots.map((shoot) => keptPlacement(model, shoot, earlier[shoot.index] ?? { kind: "new" })),
    penalty: toMinor(parsed.changePenalty, model.digits),
    pinned: new Set(parsed.pinnedShoots.flatMap((id) => model.shoots.filter((s) => s.id === id).map((s) => s.index))),
    settings,
    signal,
    seconds: () => (performance.now() - started) / 1000,
    // As in `solve`: 5 % of the limit and 0.2 s kept back to assemble and check the answer.
    deadline: startedAt + settings.timeLimitSeconds * 1000 * 0.95 - 200,
    report: repairReporter(onProgress),
  };
  const result = await repairWith(repairing);
  repairing.report.answer(repairing, result);
  return result;
}

/** The repair's search, small problems or large; `repair` reports its answer. */
async function repairWith(repairing: Repair): Promise<RepairResult> {
  const { model } = repairing;
  const broken = brokenPin(repairing);
  if (broken !== null) return withoutPlan(repairing, "infeasible", "mip", broken);
  // The cost bound holds for the objective too (penalties are never negative); milliseconds.
  if (repairing.report.listening) repairing.report.bound(repairing, combinatorialBound(model));
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
  // No time left for the whole MILP: building it alone (tens of milliseconds at tier S)
  // overran limits under 0.1 s by more than the limit itself.
  if (Date.now() >= r.deadline) {
    // No MILP ran: the answer is the focused rounds', as on large problems ("lns").
    return near === null ? withoutPlan(r, "timeout", "lns", "The time limit passed before a valid repaired plan was found.") : withPlan(r, near, combinatorialBound(r.model), "lns", "highs");
  }
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

/**
 * A sentence for the first pinned shoot the current problem no longer allows as it was,
 * or for what stops the pins from being kept together (pin-conflicts.ts), or null.
 */
function brokenPin(r: Repair): string | null {
  const pins: Placement[] = [];
  for (const shoot of r.model.shoots) {
    if (!r.pinned.has(shoot.index)) continue;
    const kept = r.kept[shoot.index];
    if (typeof kept === "string") return `Pinned shoot "${shoot.id}" cannot be kept as it was: ${kept}. Unpin it to let the repair move it.`;
    if (kept !== undefined) pins.push(kept);
  }
  const conflict = pinConflict(r.model, pins);
  return conflict === null ? null : `The pinned shoots cannot all be kept as they were: ${conflict}. Unpin one of them to let the repair move it.`;
}
