import type { BackendResult } from "../backends/backend.js";
import { backendByName } from "../backends/registry.js";
import { solveCancellably } from "../backends/cancellable-solve.js";
import { capacityBoundInSlices } from "../bounds/capacity-bound.js";
import { combinatorialBound } from "../bounds/combinatorial-bound.js";
import { lpRelaxationBoundDetails, lpRelaxationBoundInBackground } from "../bounds/lp-bound.js";
import { slotLagrangianBoundInSlices } from "../bounds/slot-lagrangian-bound.js";
import { inSlices } from "../slices.js";
import { explainInfeasibility, explainReasons, infeasibilityReasons } from "../diagnose/explain-infeasibility.js";
import { money, type InfeasibilityReason } from "../diagnose/infeasibility-reason.js";
import { shootShortages } from "../diagnose/shoot-shortages.js";
import { toMajor } from "../domain/money.js";
import type { Formulation } from "../formulation/build-milp.js";
import { decodeMilp } from "../formulation/decode-milp.js";
import { constructPlanInSlices, improvePlanInSlices } from "../heuristics/construct-plan.js";
import type { Placement } from "../model/placement.js";
import type { PlanningModel } from "../model/planning-model.js";
import { completeStart } from "../search/complete-start.js";
import { largeNeighbourhoodSearch, recreate, repairPlan, warmStart } from "../search/large-neighbourhood-search.js";
import { pricePlan, type PricedPlan } from "../search/price-plan.js";
import { answerWithPlan, answerWithoutPlan, finishPlan } from "./answers.js";
import { assertProofAgrees, proveWithCaps, uncappedExample } from "./solve-exact.js";
import type { ResolvedSolveOptions, SolveOptions } from "./solve-options.js";
import type { SolveResult } from "./solve-result.js";

/**
 * Share of the remaining time the exact phase of small models may take: most of it,
 * since the polish before it already finds their best plans and the MILP is what
 * raises the bound (S at 10 s: the proven optima found in 1-6 s either way).
 */
const EXACT_SHARE = 0.9;
/**
 * Seconds left below which small models skip the exact phase: loading HiGHS, writing
 * and reading the MILP take about 0.2 s at tier S before any search (measured: a 1 s
 * limit ran to 1.3 s when the phase started with 0.05 s left).
 */
const MIN_EXACT_SECONDS = 0.4;
/**
 * Seconds left in which small models get the LP relaxation's bound before the MILP,
 * which reports no bound with less than about 2 s (its root LP; S-1 at 2 s had only
 * the combinatorial 19 810; its LP bound is 21 520). The LP takes 0.3-0.4 s at tier
 * S, loading HiGHS included: with less than a second left the polish needs that time.
 */
const QUICK_LP_SECONDS = { from: 1, below: 2 } as const;
/**
 * Share of the time left for the capped proof when the relaxed caps' optimum breaks a
 * real cap (small problems with project caps); the search gets the rest if it fails.
 */
const CAPPED_PROOF_SHARE = 0.6;
/** Seconds, and share of the time left, that completing the warm start may take at most (it needs about 0.1 s at S). */
const START_SECONDS = 2;
const START_SHARE = 0.25;
/**
 * Share of the time left the polish of small models may take: under short limits it
 * would otherwise use it all and leave the MILP no time for a bound (at 1 s it did).
 */
const POLISH_SHARE = 0.5;
/** Share of the remaining time the construction may take before it hurries (it needs about 1 s at tier M, 4 s at XL). */
const CONSTRUCTION_SHARE = 0.3;
/** Ruin-and-recreate steps per shoot before the exact phase of small problems. */
const POLISH_STEPS_PER_SHOOT = 320;
/** Milliseconds per shoot that looking for infeasibility reasons may take (XL, 1 000 shoots: about 0.7 s). */
const REASON_MS_PER_SHOOT = 1;
/** Share of the remaining time the capacity bound may take at most (it needs about 1 s at tier M). */
const CAPACITY_SHARE = 0.1;
/** Share of the remaining time the slot bound may take on large models (tier M: about 60 iterations of 10 s, +0.3-1.6 %). */
const SLOT_SHARE = 0.15;

/**
 * The anytime pipeline of `auto` and `lns`: a combinatorial lower bound, a greedy
 * construction, the capacity bound (Lagrangian, with the construction's cost as the
 * target), then either the monolithic MILP warm-started from it (when the model
 * is small enough to hope for a proof) or the slot bound (a Lagrangian that keeps
 * time, started from the capacity bound's prices), and finally large-neighbourhood
 * search until the time limit, the gap target or cancellation; on large models the
 * LP-relaxation bound runs in a worker thread all along (lp-bound.ts). Every
 * improvement is reported through `onProgress`.
 */
export async function solveLarge(
  model: PlanningModel,
  settings: ResolvedSolveOptions,
  options: Pick<SolveOptions, "signal" | "onProgress">,
  clock: { seconds(): number },
  deadline: number,
  exact: Formulation | null,
): Promise<SolveResult> {
  const progress = options.onProgress;
  const combinatorial = combinatorialBound(model);
  let bound = combinatorial;
  // The bounds computed here, on this thread: with an iteration limit only these may
  // stop the search (the LP bound arrives at a clock-dependent moment).
  let ownBound = bound;
  const reportBound = (value: number, own = true) => {
    if (own) ownBound = Math.max(ownBound, value);
    if (value <= bound) return;
    bound = value;
    progress?.({ kind: "bound", lowerBound: toMajor(bound, model.digits), seconds: clock.seconds() });
  };
  const reportPlan = (plan: PricedPlan) => progress?.({ kind: "plan", cost: toMajor(plan.cost, model.digits), seconds: clock.seconds(), plan: plan.plan });
  progress?.({ kind: "bound", lowerBound: toMajor(bound, model.digits), seconds: clock.seconds() });
  // Answers without a plan carry the monolithic model's size when it was built.
  const sized = (answer: SolveResult): SolveResult => (exact === null ? answer : { ...answer, model: sizeOf(exact) });
  // A proof that no plan exists found without the MILP (ruledOutAnswer), against the bound as it stands.
  const ruledOut = (): SolveResult | null => {
    const answer = ruledOutAnswer(model, { combinatorial, best: bound }, { clock, deadline, settings, signal: options.signal });
    return answer === null ? null : sized(answer);
  };
  const overTotal = () => (model.budgetTotal !== null && bound > model.budgetTotal ? ruledOut() : null);
  // Every plan costs more than the total cap: no construction needed (it takes seconds to fail).
  const overCap = overTotal();
  if (overCap !== null) return overCap;
  const construction = await constructStart(model, settings, deadline, options.signal);
  let best = construction.plan;
  if (best !== null) reportPlan(best);
  else {
    const shortages = construction.reasons.length > 0 ? sized(answerWithoutPlan("infeasible", "lns", null, clock.seconds(), explainReasons(construction.reasons))) : ruledOut();
    if (shortages !== null) return shortages;
    // Large models: without a plan there is nothing to search from, and no gap to report.
    if (exact === null) return withBound(noPlanInTime(model, clock, deadline, null, options.signal), bound, model);
  }
  const signal = options.signal ? { signal: options.signal } : {};
  // Large models with a plan: the LP relaxation on a second core (tier M: 7-30 s of
  // HiGHS) from the first plan on, while the other bounds and the search run on this
  // one. Not before: building its MILP here takes about a second at M, which the first
  // plan should not wait for. The search ends it; the worker's own time limit is the
  // deadline, so it cannot outlive the solve even if something here throws.
  const lp = exact === null && best !== null ? lpRelaxationBoundInBackground(model, { timeLimitSeconds: (deadline - Date.now()) / 1000, ...signal }) : null;
  void lp?.value.then((value) => {
    if (value !== null) reportBound(value, false);
  });
  // With an iteration limit the caller wants the clock out of the answer: the bounds then
  // run their fixed number of iterations (they feed the gap test that can stop the
  // search), cut only by the time limit itself.
  const phaseDeadline = (share: number) => ({ deadline: settings.iterationLimit === null ? Date.now() + (deadline - Date.now()) * share : deadline });
  // In slices (slices.ts): the Lagrangian bounds hold the thread for seconds at tier M.
  const capacity = await inSlices(capacityBoundInSlices(model, { upperBound: best?.cost ?? null, ...phaseDeadline(CAPACITY_SHARE), ...signal }));
  if (capacity.value !== null) reportBound(capacity.value);
  if (exact !== null) {
    const phase: ExactPhase = { model, settings, signal: options.signal, clock, deadline, reportBound, reportPlan, phaseDeadline };
    const outcome = await exactPhase(phase, exact, best);
    if ("answer" in outcome) return outcome.answer;
    best = outcome.best;
  } else {
    const slot = await inSlices(slotLagrangianBoundInSlices(model, { upperBound: best?.cost ?? null, start: capacity.multipliers, ...phaseDeadline(SLOT_SHARE), ...signal }));
    if (slot.value !== null) reportBound(slot.value);
  }
  if (best === null) {
    // The bounds since the construction may now be above the total cap.
    return overTotal() ?? withBound(sized(noPlanInTime(model, clock, deadline, exact, options.signal)), bound, model);
  }
  // With an iteration limit the search must end the same way every time: a bound that
  // arrives at a clock-dependent moment is reported but does not stop it.
  const search = await largeNeighbourhoodSearch(model, best, {
    deadline,
    seed: settings.seed,
    targetGap: settings.relativeGap,
    bound: settings.iterationLimit === null ? () => bound : () => ownBound,
    ...signal,
    ...(settings.iterationLimit === null ? {} : { iterationLimit: settings.iterationLimit }),
    onImproved: reportPlan,
  });
  lp?.stop();
  const plan = finishPlan(model, search.best.placements);
  // The neighbourhood search's sub-problems run on HiGHS whatever the `backend` option.
  const answer = answerWithPlan(model, plan, search.best.cost, { method: "lns", backend: "highs", seconds: clock.seconds(), bound });
  return exact === null ? answer : { ...answer, model: sizeOf(exact) };
}

function sizeOf(formulation: Formulation): { variables: number; rows: number } {
  return { variables: formulation.milp.variables.length, rows: formulation.milp.rows.length };
}

/** What the exact phase of small problems needs from `solveLarge`. */
interface ExactPhase {
  readonly model: PlanningModel;
  readonly settings: ResolvedSolveOptions;
  readonly signal: AbortSignal | undefined;
  readonly clock: { seconds(): number };
  readonly deadline: number;
  /** Reports a lower bound in minor units; `own` false for one whose arrival depends on the clock. */
  readonly reportBound: (value: number, own?: boolean) => void;
  readonly reportPlan: (plan: PricedPlan) => void;
  /** The deadline of a phase that may take `share` of the time left. */
  readonly phaseDeadline: (share: number) => { deadline: number };
}

/**
 * Small problems: the LP bound under short limits, a long polish, then the monolithic
 * MILP (caps relaxed) and, when its optimum breaks a cap, the capped proof. The answer
 * when one of them proves it, else the best plan for the search.
 */
async function exactPhase(phase: ExactPhase, exact: Formulation, start: PricedPlan | null): Promise<{ readonly answer: SolveResult } | { readonly best: PricedPlan | null }> {
  const { model, settings, deadline, reportBound, reportPlan } = phase;
  const signal = phase.signal ? { signal: phase.signal } : {};
  let best = start;
  // Under short limits the MILP below ends before its root LP and reports no bound;
  // the LP relaxation alone gives one sooner. Its arrival depends on the clock, so it
  // never stops the search (not `own`).
  const left = (deadline - Date.now()) / 1000;
  if (left >= QUICK_LP_SECONDS.from && left < QUICK_LP_SECONDS.below) {
    const relaxation = await lpRelaxationBoundDetails(model, { formulation: exact, timeLimitSeconds: left, maxVariables: exact.milp.variables.length, ...signal });
    if (relaxation.value !== null) reportBound(relaxation.value, false);
  }
  // A long ruin-and-recreate schedule first (S: 4 000 steps, under a second), so the
  // MILP starts from a better plan and prunes with a lower cutoff.
  const priced = best === null ? null : recreate(model, best.placements, { seed: settings.seed, ruinAndRecreateSteps: POLISH_STEPS_PER_SHOOT * model.shoots.length, ...phase.phaseDeadline(POLISH_SHARE), ...signal });
  if (priced?.valid === true && best !== null && priced.cost < best.cost) {
    best = priced;
    reportPlan(best);
  }
  const result = await solveExactly(model, exact, best, settings, deadline, phase.signal);
  if (result?.status === "infeasible") return { answer: infeasibleAnswer(phase, exact, await uncappedExample(model, settings, phase.signal, (deadline - Date.now()) / 1000)) };
  const direct = result === null ? null : exactPlan(model, exact, result);
  let found = direct;
  if (result?.status === "optimal" && direct === null && model.budgetProjects.size > 0 && settings.relativeGap === 0) {
    const proof = await cappedProof(phase, exact, result, best);
    if ("answer" in proof) return proof;
    found = proof.found;
  }
  if (found !== null && (best === null || found.cost < best.cost)) {
    best = found;
    reportPlan(best);
  }
  if (result !== null && result.bound !== null) reportBound(Math.ceil(result.bound - 1e-6));
  if (result?.status === "optimal" && direct !== null && settings.relativeGap === 0) {
    return { answer: provenAnswer(phase, exact, direct) };
  }
  return { best };
}

/**
 * The relaxed caps' optimum broke a real cap: exclude it and solve again (strategy
 * mip's capped proof) with part of the time, instead of leaving the proof to a search
 * that cannot give one (it ended 'feasible' at 6 % where mip proves the optimum). The
 * answer when the proof completes, else its best plan within the caps.
 */
async function cappedProof(phase: ExactPhase, exact: Formulation, first: BackendResult, best: PricedPlan | null): Promise<{ readonly answer: SolveResult } | { readonly found: PricedPlan | null }> {
  const { model, settings, deadline } = phase;
  // Without a plan the search has nothing to start from: the proof gets all the time.
  const until = Date.now() + (deadline - Date.now()) * (best === null ? 1 : CAPPED_PROOF_SHARE);
  const proof = await proveWithCaps(model, exact, settings, phase.signal, () => (until - Date.now()) / 1000, first);
  const bound = proof.bound === null ? null : Math.ceil(proof.bound - 1e-6);
  // The search's plan is valid (checked).
  assertProofAgrees(proof, best?.cost ?? null);
  if (proof.infeasible) return { answer: infeasibleAnswer(phase, exact, proof.uncapped ?? (await uncappedExample(model, settings, phase.signal, (deadline - Date.now()) / 1000))) };
  if (bound !== null) phase.reportBound(bound);
  if (proof.plan !== null && bound !== null && proof.plan.cost <= bound) {
    return { answer: provenAnswer(phase, exact, proof.plan) };
  }
  return { found: proof.plan };
}

/** The answer for a plan the monolithic MILP proved optimal. */
function provenAnswer(phase: ExactPhase, exact: Formulation, plan: PricedPlan): SolveResult {
  const { model, settings, clock } = phase;
  const answer = answerWithPlan(model, finishPlan(model, plan.placements), plan.cost, { method: "mip", backend: settings.backend, seconds: clock.seconds(), bound: plan.cost, proven: true });
  return { ...answer, model: sizeOf(exact) };
}

/** The answer when the monolithic MILP proved that no plan exists; `uncapped` as in `explainInfeasibility`. */
function infeasibleAnswer(phase: ExactPhase, exact: Formulation, uncapped: readonly Placement[] | null): SolveResult {
  const { model, settings, clock } = phase;
  return { ...answerWithoutPlan("infeasible", "mip", settings.backend, clock.seconds(), explainInfeasibility(model, uncapped)), model: sizeOf(exact) };
}

/**
 * The construction; when it left mandatory shoots out, first what they lack on their
 * own (diagnose/shoot-shortages.ts: any finding is the answer, `reasons`; the stages
 * below would otherwise try until the deadline, and a shoot needing 20 000 people was a
 * `timeout` at 10 s), then a round of ruin and recreate aimed at them (milliseconds; it
 * places the stranded shoot of M-3 when the construction is cut short), then exact
 * re-optimisation around them. `plan` is null without a valid plan.
 */
async function constructStart(
  model: PlanningModel,
  settings: ResolvedSolveOptions,
  deadline: number,
  cancel: AbortSignal | undefined,
): Promise<{ readonly plan: PricedPlan | null; readonly reasons: readonly InfeasibilityReason[] }> {
  const signal = cancel ? { signal: cancel } : {};
  const none = { plan: null, reasons: [] };
  // A function, not a property read: TypeScript would narrow a second read to false.
  const cancelled = () => cancel?.aborted === true;
  // Past its share of the time the construction hurries (fewer starts, no improvement),
  // which can strand a mandatory shoot: a tenth of 10 s cut the M tier's construction short.
  // In slices (slices.ts): at tier XL the construction takes seconds.
  const built = await inSlices(constructPlanInSlices(model, { seed: settings.seed, deadline: Date.now() + (deadline - Date.now()) * CONSTRUCTION_SHARE, stopAt: deadline, ...signal }));
  const start = pricePlan(model, built.placements);
  if (start.valid) return { plan: start, reasons: [] };
  const reasons = built.unplaced.length > 0 ? shootShortages(model, new Set(built.unplaced)) : [];
  if (reasons.length > 0) return { plan: null, reasons };
  // Each stage below finishes what it started past the deadline (pricing, the cap
  // guarantee): none starts once the time is up.
  if (Date.now() >= deadline || cancelled()) return none;
  const recreated = await improvePlanInSlices(model, built.placements, { seed: settings.seed, deadline, ...signal });
  const again = recreated.unplaced.length === 0 ? pricePlan(model, recreated.placements) : null;
  if (again?.valid === true) return { plan: again, reasons: [] };
  if (Date.now() >= deadline || cancelled()) return none;
  const base = recreated.unplaced.length <= built.unplaced.length ? recreated : built;
  return { plan: await repairPlan(model, base.placements, base.unplaced, { deadline, seed: settings.seed }), reasons: [] };
}

/**
 * The monolithic MILP on the chosen backend, with most of the time left; on HiGHS
 * warm-started from the best plan (completed by a short HiGHS solve with that plan's
 * decisions fixed). Null when too little time is left to load the backend and read the
 * model: then it would only overrun the time limit.
 */
async function solveExactly(
  model: PlanningModel,
  exact: Formulation,
  best: PricedPlan | null,
  settings: ResolvedSolveOptions,
  deadline: number,
  signal: AbortSignal | undefined,
): Promise<BackendResult | null> {
  const left = () => (deadline - Date.now()) / 1000;
  if (left() < MIN_EXACT_SECONDS) return null;
  // Only HiGHS takes a start (javascript-lp-solver ignores it): completing one for another backend is wasted time.
  const partial = best === null || settings.backend !== "highs" ? null : warmStart(model, model.shoots.map((s) => s.index), exact, best.placements);
  const initialValues = partial === null ? null : await completeStart(exact.milp, partial, Math.min(START_SECONDS, left() * START_SHARE));
  return solveCancellably(backendByName(settings.backend), exact.milp, {
    timeLimitSeconds: Math.max(0.05, left() * EXACT_SHARE),
    relativeGap: settings.relativeGap,
    seed: settings.seed,
    ...(signal ? { signal } : {}),
    ...(initialValues === null ? {} : { initialValues }),
  });
}

/** A timeout without a plan still reports the best lower bound found (as strategy mip's does). */
function withBound(answer: SolveResult, bound: number, model: PlanningModel): SolveResult {
  return { ...answer, lowerBound: toMajor(Math.max(0, bound), model.digits) };
}

/**
 * Without a plan from the construction, a proof that none exists, in seconds rather than
 * the MILP's minutes: a reason that holds on its own (diagnose/), or a lower bound above
 * the total budget cap (a cap of 10 EUR under a bound of 19 545 was a `timeout` at 2 s).
 * The reasons take about 0.7 ms per shoot (XL: 0.7 s), so they are looked for only with
 * that time left; with an iteration limit always (the same input must give the same
 * answer), and never once cancelled. Null when nothing rules every plan out.
 */
function ruledOutAnswer(
  model: PlanningModel,
  bounds: { readonly combinatorial: number; readonly best: number },
  run: { readonly clock: { seconds(): number }; readonly deadline: number; readonly settings: ResolvedSolveOptions; readonly signal: AbortSignal | undefined },
): SolveResult | null {
  if (run.signal?.aborted === true) return null;
  const look = run.settings.iterationLimit !== null || run.deadline - Date.now() > REASON_MS_PER_SHOOT * model.shoots.length;
  const reasons: InfeasibilityReason[] = look ? infeasibilityReasons(model, { combinatorial: bounds.combinatorial }) : [];
  const bound = bounds.best;
  if (model.budgetTotal !== null && bound > model.budgetTotal && !reasons.some((r) => r.cause === "total_budget")) {
    const message = `Every plan costs at least ${money(model, bound)} (a lower bound from the shoots' cheapest choices and the people's and locations' capacity), over the total budget of ${money(model, model.budgetTotal)} by ${money(model, bound - model.budgetTotal)}.`;
    reasons.push({ cause: "total_budget", shoots: [], message });
  }
  return reasons.length === 0 ? null : answerWithoutPlan("infeasible", "lns", null, run.clock.seconds(), explainReasons(reasons));
}

function noPlanInTime(model: PlanningModel, clock: { seconds(): number }, deadline: number, exact: Formulation | null, signal: AbortSignal | undefined): SolveResult {
  const timeUp = Date.now() >= deadline;
  const capped = model.budgetTotal !== null || model.budgetProjects.size > 0;
  const explanation =
    signal?.aborted === true
      ? "The solve was cancelled before a valid plan was found."
      : exact !== null
      ? timeUp
        ? `The time limit passed before a valid plan was found or ruled out: the construction found none${capped ? " within the budget caps" : ""}, and the MILP had not finished.`
        : "No valid plan was found: the construction found none within the budget caps, and the MILP's best plans broke them. Strategy \"mip\" with relativeGap 0 proves whether one exists."
      : timeUp
        ? "The time limit passed before a valid plan was found: when the search ended, its plan still broke a rule (a mandatory shoot unplaced or a budget cap exceeded)."
        : "No valid plan was found, and the time limit was not reached: the greedy construction and its repair found no plan that meets every rule (mandatory shoots placed, capacities, budget caps, which count the penalties of dropped shoots too), and the neighbourhood search needs a valid plan to start from. Strategy \"mip\" proves whether a plan exists.";
  return answerWithoutPlan("timeout", "lns", null, clock.seconds(), explanation);
}

function exactPlan(model: PlanningModel, formulation: Formulation, result: BackendResult): PricedPlan | null {
  if (result.status !== "optimal" && result.status !== "feasible") return null;
  const priced = pricePlan(model, decodeMilp(model, formulation, result.values));
  return priced.valid ? priced : null;
}
