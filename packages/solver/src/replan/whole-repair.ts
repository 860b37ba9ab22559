import type { BackendResult } from "../backends/backend.js";
import { backendByName } from "../backends/registry.js";
import { solveCancellably } from "../backends/cancellable-solve.js";
import { explainInfeasibility } from "../diagnose/explain-infeasibility.js";
import { InternalDefectError } from "../errors.js";
import { buildMilp } from "../formulation/build-milp.js";
import { decodeMilp } from "../formulation/decode-milp.js";
import { completeStart } from "../search/complete-start.js";
import { warmStart } from "../search/large-neighbourhood-search.js";
import { pricePlan, type PricedPlan } from "../search/price-plan.js";
import { assertProofAgrees, proveWithCaps } from "../solve/solve-exact.js";
import { withChangePenalties } from "./change-penalties.js";
import { infeasibleReason, withPlan, withoutPlan } from "./repair-answers.js";
import { lowestObjective, objectiveOf, type Repair } from "./repair-context.js";
import type { RepairResult } from "./repair-result.js";

/** Seconds at most to complete the warm start of the whole MILP (milliseconds at tier S). */
const START_SECONDS = 2;

/**
 * The whole MILP with the penalties, warm-started from `start` (the focused rounds'
 * plan). With project caps it first solves the caps relaxed (a relaxation: its
 * optimum, when within the caps, is the optimum); when that optimum breaks a cap, the
 * capped proof as `solve` runs it (tighter caps, then plans over a cap excluded one at a
 * time), and when that ends without a plan, the conservative caps give a valid one.
 */
export async function repairWhole(r: Repair, start: PricedPlan | null, share: number): Promise<RepairResult> {
  const { model, settings } = r;
  const capped = model.budgetProjects.size > 0;
  const formulation = buildMilp(model, { projectBudgets: capped ? "relaxed" : "conservative" });
  if (formulation.unplaceable.length > 0) return withoutPlan(r, "infeasible", "mip", explainInfeasibility(model));
  const first = await solvePenalised(r, formulation, start, share);
  // A pin the MILP has no variables for (a rule it would break on its own that brokenPin does not test).
  if (first.result === null) return withoutPlan(r, "infeasible", "mip", `Pinned shoot "${r.model.shoots[first.unkept[0] ?? -1]?.id}" cannot be kept as it was: its earlier time, location or crew is no longer a choice the rules allow. Unpin it to let the repair move it.`);
  if (first.result.status === "infeasible") return withoutPlan(r, "infeasible", "mip", infeasibleReason(r));
  let proven = first.result.status === "optimal" && settings.relativeGap === 0 && first.priced !== null;
  let bound = proven ? null : first.result.bound;
  let found = first.priced;
  if (capped && !proven && first.result.status === "optimal" && settings.relativeGap === 0) {
    // The relaxed caps' optimum breaks a real cap: the capped proof, with the penalties.
    const proof = await cappedRepairProof(r, formulation, first.result);
    // The focused rounds' plan is valid (checked).
    assertProofAgrees(proof, start === null ? null : objectiveOf(r, start).objective);
    if (proof.infeasible) return withoutPlan(r, "infeasible", "mip", infeasibleReason(r));
    if (proof.bound !== null) bound = proof.bound;
    if (proof.plan !== null) {
      found = proof.plan;
      proven = proof.bound !== null && objectiveOf(r, proof.plan).objective <= Math.ceil(proof.bound - 1e-6);
    }
  }
  if (found === null && start === null && capped && first.result.status === "optimal") {
    bound ??= first.result.bound ?? first.result.objective;
    found = (await solvePenalised(r, buildMilp(model), null, share)).priced;
  }
  const best = lowestObjective(r, [found, start]);
  if (best === null) return withoutPlan(r, "timeout", "mip", "The time limit passed before a valid repaired plan was found.", bound);
  return withPlan(r, best, proven && best === found ? "proven" : bound, "mip", settings.backend);
}

/**
 * The capped proof of solve-exact.ts (relaxed caps, then tighter ones, then plans over a
 * cap excluded one at a time) on the repair's objective: every formulation it solves gets
 * the change penalties and the pins. `first`: the penalised relaxation's run.
 */
function cappedRepairProof(r: Repair, relaxed: ReturnType<typeof buildMilp>, first: BackendResult) {
  const penalise = (f: ReturnType<typeof buildMilp>) => ({ ...f, milp: withChangePenalties(f, r.model, r.earlier, r.penalty, r.pinned).milp });
  return proveWithCaps(r.model, penalise(relaxed), r.settings, r.signal, () => (r.deadline - Date.now()) / 1000, first, penalise);
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
  const result = await solveCancellably(backendByName(r.settings.backend), milp, {
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

/** The MILP's objective must be the recounted one (exactly when proven optimal, at least otherwise). */
function assertObjective(r: Repair, result: BackendResult, priced: PricedPlan, relativeGap: number): void {
  const { objective } = objectiveOf(r, priced);
  const reported = result.objective ?? Number.NaN;
  const exact = result.status === "optimal" && relativeGap === 0;
  if (exact ? Math.abs(reported - objective) > 0.5 : objective > reported + 0.5) {
    throw new InternalDefectError(`Repair MILP objective ${reported} does not match the plan's cost plus change penalties ${objective} (minor units)`);
  }
}
