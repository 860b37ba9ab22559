import type { MilpModel } from "../formulation/milp-model.js";
import type { BackendResult, BackendStatus } from "./backend.js";
import { checkSolution, describeProblems, objectiveValue } from "./verify-solution.js";

/**
 * Pieces shared by the backend adapters: result construction, the verification gate,
 * and the checks that need no solver (so every backend answers them identically).
 */

/** Feasibility tolerance of the verification gate; matches HiGHS' MIP feasibility default. */
export const VERIFY_TOLERANCE = 1e-6;

/** Wall-clock seconds since `start` (a `performance.now()` reading in milliseconds). */
export function secondsSince(start: number): number {
  return (performance.now() - start) / 1000;
}

/** A result without a solution (`objective`, `bound` null; `values` empty). */
export function noSolution(status: BackendStatus, start: number, message?: string): BackendResult {
  const base = { status, objective: null, bound: null, values: [], seconds: secondsSince(start) };
  return message === undefined ? base : { ...base, message };
}

/** How much a backend claims about a raw answer. */
export interface Claim {
  /** The backend proved optimality (within its gap). */
  readonly proven: boolean;
  /** Proven lower bound on the objective, including the model constant; null if unknown. */
  readonly bound: number | null;
  /** Status to report when the answer fails verification. */
  readonly onReject: BackendStatus;
}

/**
 * The gate every solution passes: integrality on the raw values, then rounding and
 * bound/row verification. Passing answers become `optimal` or `feasible` with a
 * recomputed objective; failing ones become `claim.onReject` with no values.
 */
export function gateSolution(model: MilpModel, raw: readonly number[], claim: Claim, start: number): BackendResult {
  const checked = checkSolution(model, raw, VERIFY_TOLERANCE);
  if (checked.problems.length > 0) {
    return noSolution(claim.onReject, start, `answer rejected by verification: ${describeProblems(checked.problems)}`);
  }
  const objective = checked.objective;
  return {
    status: claim.proven ? "optimal" : "feasible",
    objective,
    bound: reportedBound(objective, claim),
    values: checked.values,
    seconds: secondsSince(start),
  };
}

/**
 * The bound to report: never above the verified objective (that is solver round-off),
 * and for a proven optimum within the verification tolerance the objective itself
 * (HiGHS stops at an absolute gap of 1e-6 even when asked for a zero gap).
 */
function reportedBound(objective: number, claim: Claim): number | null {
  if (claim.bound === null) return claim.proven ? objective : null;
  const bound = Math.min(objective, claim.bound);
  const negligible = objective - bound <= VERIFY_TOLERANCE * Math.max(1, Math.abs(objective));
  return claim.proven && negligible ? objective : bound;
}

/**
 * Answers models that need no solver, or rejects malformed ones, before a backend
 * starts: bad indices or NaN (`error`), an empty row or a bound pair that can never be
 * satisfied (`infeasible`), and models without variables (`optimal` or `infeasible`).
 * Returns null when the backend has to solve.
 */
export function presolveTrivial(model: MilpModel, start: number): BackendResult | null {
  const malformed = findMalformed(model);
  if (malformed !== null) return noSolution("error", start, `invalid model: ${malformed}`);
  const empty = model.rows.find((r) => r.terms.every((t) => t.coefficient === 0) && !(r.lower <= 0 && 0 <= r.upper));
  if (empty !== undefined) return noSolution("infeasible", start, `row ${empty.name} has no terms and excludes 0`);
  const crossed = model.variables.find(
    (v) => v.lower > v.upper || (v.integer && Math.ceil(v.lower) > Math.floor(v.upper)),
  );
  if (crossed !== undefined) return noSolution("infeasible", start, `variable ${crossed.name} has an empty domain`);
  if (model.variables.length > 0) return null;
  const objective = objectiveValue(model, []);
  return { status: "optimal", objective, bound: objective, values: [], seconds: secondsSince(start) };
}

function findMalformed(model: MilpModel): string | null {
  const n = model.variables.length;
  const badTerm = (t: { variable: number; coefficient: number }): boolean =>
    !Number.isInteger(t.variable) || t.variable < 0 || t.variable >= n || !Number.isFinite(t.coefficient);
  if (!Number.isFinite(model.objective.constant)) return "objective constant is not finite";
  if (model.objective.terms.some(badTerm)) return "objective has a bad term";
  for (const row of model.rows) {
    if (row.terms.some(badTerm)) return `row ${row.name} has a bad term`;
    if (Number.isNaN(row.lower) || Number.isNaN(row.upper) || row.lower === Infinity || row.upper === -Infinity) {
      return `row ${row.name} has bounds [${row.lower}, ${row.upper}]`;
    }
  }
  for (const v of model.variables) {
    if (Number.isNaN(v.lower) || Number.isNaN(v.upper) || v.lower === Infinity || v.upper === -Infinity) {
      return `variable ${v.name} has bounds [${v.lower}, ${v.upper}]`;
    }
  }
  return null;
}

/** Seconds left of `limitSeconds` measured from `start`. */
export function remainingSeconds(limitSeconds: number, start: number): number {
  return limitSeconds - secondsSince(start);
}
