import type { BackendResult } from "../backends/backend.js";
import { backendByName } from "../backends/registry.js";
import { solveCancellably } from "../backends/cancellable-solve.js";
import { toMajor } from "../domain/money.js";
import { InternalDefectError, SolverError } from "../errors.js";
import { explainInfeasibility, infeasibilityReasons } from "../diagnose/explain-infeasibility.js";
import { buildMilp, type Formulation } from "../formulation/build-milp.js";
import { decodeMilp } from "../formulation/decode-milp.js";
import type { Placement } from "../model/placement.js";
import type { PlanningModel } from "../model/planning-model.js";
import { pricePlan, type PricedPlan } from "../search/price-plan.js";
import { answerWithPlan, answerWithoutPlan, finishPlan } from "./answers.js";
import type { ResolvedSolveOptions, SolveOptions } from "./solve-options.js";
import type { SolveResult } from "./solve-result.js";

type Clock = { seconds(): number };
type Hooks = Pick<SolveOptions, "signal" | "onProgress">;

/**
 * Solves the monolithic MILP on the chosen backend. Without project budgets its proof
 * is the answer's proof. With project budgets the MILP holds them conservatively, so
 * its optimum may not be the true one: a second solve without the project rows (a
 * relaxation) supplies the valid lower bound, and possibly a cheaper plan that the
 * checker confirms within the caps. Optimal is claimed only when the bound meets the plan.
 */
export async function solveExact(model: PlanningModel, formulation: Formulation, settings: ResolvedSolveOptions, hooks: Hooks, clock: Clock): Promise<SolveResult> {
  const size = { variables: formulation.milp.variables.length, rows: formulation.milp.rows.length };
  const common = { model: size };
  if (formulation.unplaceable.length > 0) return { ...answerWithoutPlan("infeasible", "mip", settings.backend, clock.seconds(), explainInfeasibility(model)), ...common };
  // Building the model cannot be interrupted; with nothing left the backend would only overrun.
  if (clock.seconds() >= settings.timeLimitSeconds) {
    return { ...answerWithoutPlan("timeout", "mip", settings.backend, clock.seconds(), `The time limit passed while the MILP (${size.variables} variables) was being built.`), ...common };
  }
  const capped = model.budgetProjects.size > 0;
  const primary = await run(formulation, settings, hooks.signal, (settings.timeLimitSeconds - clock.seconds()) * (capped ? 0.4 : 1));
  let plan = planOf(model, formulation, primary, true);
  if (plan !== null) assertObjective(primary, plan.cost, settings.relativeGap);
  // With project caps the conservative model proves nothing about the real problem.
  let bound = capped ? null : primary.status === "optimal" && plan !== null && settings.relativeGap === 0 ? plan.cost : primary.bound;
  let infeasible = !capped && primary.status === "infeasible";
  let uncapped: readonly Placement[] | null = null;
  // The relaxation is a second model of the same size: only worth building with time left.
  if (capped && clock.seconds() < settings.timeLimitSeconds * 0.75) {
    const proof = await proveWithCaps(model, buildMilp(model, { projectBudgets: "relaxed" }), settings, hooks.signal, () => settings.timeLimitSeconds - clock.seconds());
    // The conservative model's plan is valid (checked).
    assertProofAgrees(proof, plan?.cost ?? null);
    if (proof.plan !== null && (plan === null || proof.plan.cost < plan.cost)) plan = proof.plan;
    // Only the relaxation's bound and infeasibility hold for the real caps.
    bound = proof.bound;
    infeasible = proof.infeasible;
    uncapped = proof.uncapped ?? (proof.infeasible ? await uncappedExample(model, settings, hooks.signal, settings.timeLimitSeconds - clock.seconds()) : null);
  }
  if (plan !== null) {
    const answer = answerWithPlan(model, finishPlan(model, plan.placements), plan.cost, { method: "mip", backend: settings.backend, seconds: clock.seconds(), bound });
    if (answer.plan !== null) hooks.onProgress?.({ kind: "plan", cost: answer.cost ?? 0, seconds: answer.seconds, plan: answer.plan });
    if (answer.lowerBound !== null) hooks.onProgress?.({ kind: "bound", lowerBound: answer.lowerBound, seconds: answer.seconds });
    return { ...answer, ...common };
  }
  if (infeasible) {
    const explanation = explainInfeasibility(model, uncapped);
    return { ...answerWithoutPlan("infeasible", "mip", settings.backend, clock.seconds(), explanation), ...common };
  }
  // Costs are never negative, so 0 is a bound too (HiGHS may report less before its first LP).
  const lowerBound = bound === null ? null : toMajor(Math.max(0, Math.ceil(bound - 1e-6)), model.digits);
  return { ...answerWithoutPlan("timeout", "mip", settings.backend, clock.seconds(), "The time limit passed before any valid plan was found."), ...common, lowerBound };
}

/**
 * Exact handling of project caps: solve the relaxation (valid cap rows); when its
 * optimum breaks a real cap, solve the tighter relaxation (`relaxed-tight`); from then
 * on, when the optimum breaks a cap, exclude exactly that plan (a no-good cut over the
 * placement, drop and crew decisions at 1 and at 0, which determine a plan) and solve again. Each
 * cut removes one invalid plan only, so the relaxation's optimum stays a lower bound,
 * and the first optimum that passes the checker is the true optimum. `uncapped`: the
 * first plan cut off, which meets every rule but the caps (for the explanation).
 * `relaxed`: buildMilp with `projectBudgets: "relaxed"`; `left`: seconds left for it;
 * `first`: a run of `relaxed` the caller already has, used instead of solving it again;
 * `prepare`: what the caller did to `relaxed` (a repair's change penalties), done to the
 * tighter formulation too. `uncapped` is null when the first relaxation was infeasible:
 * {@link uncappedExample} finds one for an explanation.
 */
export async function proveWithCaps(
  model: PlanningModel,
  relaxed: Formulation,
  settings: ResolvedSolveOptions,
  signal: AbortSignal | undefined,
  left: () => number,
  first: BackendResult | null = null,
  prepare: (formulation: Formulation) => Formulation = (formulation) => formulation,
): Promise<CappedProof> {
  let current = relaxed;
  let tightened = false;
  let uncapped: readonly Placement[] | null = null;
  for (let cut = 0; left() > 0 && signal?.aborted !== true; cut += 1) {
    const result = cut === 0 && first !== null ? first : await run(current, settings, signal, left());
    if (result.status === "infeasible") return { plan: null, bound: null, infeasible: true, uncapped };
    const plan = planOf(model, current, result, false);
    const proven = result.status === "optimal" && settings.relativeGap === 0;
    if (plan !== null || !proven) return { plan, bound: proven ? result.objective : result.bound, infeasible: false, uncapped };
    uncapped ??= decodeMilp(model, current, result.values);
    // The first optimum that breaks a cap: the tighter relaxation before any exclusion
    // (it rules out most such plans at once, where the cuts below take one at a time).
    if (!tightened) {
      tightened = true;
      current = prepare(buildMilp(model, { projectBudgets: "relaxed-tight" }));
      continue;
    }
    // Both sides: the decisions at 1 and those at 0. Listing only the ones also cut off
    // every plan that takes them and more (the same plan with a preferred person
    // attending besides), and the proof answered infeasible where a plan exists.
    const decisions = current.index.shoots.flatMap((s) => [...s.placements.map((p) => p.variable), ...s.crew.map((c) => c.variable), ...(s.drop === null ? [] : [s.drop])]);
    const ones = decisions.filter((v) => (result.values[v] ?? 0) > 0.5);
    const terms = decisions.map((variable) => ({ variable, coefficient: (result.values[variable] ?? 0) > 0.5 ? 1 : -1 }));
    const row = { name: `excludePlan[cut=${cut}]`, terms, lower: -Infinity, upper: ones.length - 1 };
    current = { ...current, milp: { ...current.milp, rows: [...current.milp.rows, row] } };
  }
  return { plan: null, bound: null, infeasible: false, uncapped };
}

/**
 * For the explanation when no plan stays within the project caps: the cheapest plan
 * found within `seconds` (at most {@link EXAMPLE_SECONDS}) that meets every rule but
 * those caps, so the explanation can say which cap it breaks and by how much. Null when
 * there is none, no project cap, or a reason that isolates the cause already explains it.
 */
export async function uncappedExample(model: PlanningModel, settings: ResolvedSolveOptions, signal: AbortSignal | undefined, seconds: number): Promise<readonly Placement[] | null> {
  if (model.budgetProjects.size === 0 || !(seconds > 0.05) || signal?.aborted === true) return null;
  // A reason that isolates the cause (a budget below what the shoots must cost) says more.
  if (infeasibilityReasons(model).length > 0) return null;
  const formulation = buildMilp(model, { projectBudgets: "none" });
  if (formulation.unplaceable.length > 0) return null;
  const result = await run(formulation, settings, signal, Math.min(seconds, EXAMPLE_SECONDS));
  return result.status === "optimal" || result.status === "feasible" ? decodeMilp(model, formulation, result.values) : null;
}

/** Seconds at most spent finding an example plan for the explanation of infeasible caps. */
const EXAMPLE_SECONDS = 5;

/**
 * A capped proof that contradicts a valid plan already in hand (objective `valid` in
 * minor units, or null without one) is wrong, never an answer: it says no plan exists,
 * or bounds the objective above that plan's by more than round-off.
 */
export function assertProofAgrees(proof: Pick<CappedProof, "infeasible" | "bound">, valid: number | null): void {
  if (valid === null || !(proof.infeasible || (proof.bound !== null && proof.bound > valid + 0.5))) return;
  throw new InternalDefectError(`The capped proof ${proof.infeasible ? "found no plan within the caps" : `bounds the objective by ${proof.bound}`} although a valid plan's is ${valid} (minor units)`);
}

/** What the capped proof established: a plan within the caps (optimal when `bound` meets its cost), infeasibility, or neither in time. */
export interface CappedProof {
  readonly plan: PricedPlan | null;
  /** Lower bound in minor units (the relaxation's, valid for the real caps), or null. */
  readonly bound: number | null;
  readonly infeasible: boolean;
  /** The first plan cut off: it meets every rule but the caps. */
  readonly uncapped: readonly Placement[] | null;
}

/** One backend run of at most `seconds`; defects (unbounded, backend failure) throw. */
async function run(formulation: Formulation, settings: ResolvedSolveOptions, signal: AbortSignal | undefined, seconds: number): Promise<BackendResult> {
  const result = await solveCancellably(backendByName(settings.backend), formulation.milp, {
    timeLimitSeconds: Math.max(0.05, seconds),
    relativeGap: settings.relativeGap,
    seed: settings.seed,
    ...(signal ? { signal } : {}),
  });
  if (result.status === "unbounded" || result.status === "error") {
    throw new SolverError("SCHED_ERR_BACKEND_FAILED", `The ${settings.backend} backend failed: ${result.message ?? result.status}`);
  }
  return result;
}

/**
 * The plan of a backend solution when it passes the independent checker. A solution of
 * the full formulation (`strict`) must pass: failing is a defect. One of the relaxation
 * may break a project cap and is then discarded.
 */
function planOf(model: PlanningModel, formulation: Formulation, result: BackendResult, strict: boolean): PricedPlan | null {
  if (result.status !== "optimal" && result.status !== "feasible") return null;
  const placements = decodeMilp(model, formulation, result.values);
  if (strict) finishPlan(model, placements);
  const priced = pricePlan(model, placements);
  return priced.valid ? priced : null;
}

/**
 * A proven optimum's objective must equal the plan's recomputed cost; any other solution
 * may only overstate it (slack such as an idle hold-billed day marked worked). With a
 * relative gap above 0 the backend's "optimal" means "within the gap", so it counts as
 * any other solution.
 */
function assertObjective(result: BackendResult, costMinor: number, relativeGap: number): void {
  const objective = result.objective ?? Number.NaN;
  const exact = result.status === "optimal" && relativeGap === 0;
  const off = exact ? Math.abs(objective - costMinor) > 0.5 : costMinor > objective + 0.5;
  if (off) throw new InternalDefectError(`MILP objective ${objective} does not match the plan's recomputed cost ${costMinor} (minor units)`);
}
