/**
 * Runs HiGHS on a relaxation and returns a lower bound, not a solution.
 *
 * Why not `highsBackend`: a bound needs solver controls and outputs the backend does
 * not expose (measured on a generated M instance, 27 000 columns: dual simplex does not
 * finish the LP in 60 s, the interior-point method without crossover does in 13 s;
 * the MIP dual bound is wanted even when no plan was found, where the backend reports
 * none; and the row duals make the LP bound rigorous, see `safeLagrangianBound`). So
 * this module loads its own HiGHS runtime, once per process (the same npm `highs`
 * package; a second WebAssembly instance). The model goes in as arrays, not LP text.
 */
import { createRequire } from "node:module";
import type { Highs, InitOptions, Model } from "highs";
import type { MilpModel } from "../formulation/milp-model.js";

const requireCjs = createRequire(import.meta.url);
type HighsLoader = (options?: InitOptions) => Promise<Highs>;

let runtime: Promise<Highs> | null = null;

function loadHighs(): Promise<Highs> {
  if (runtime === null) {
    const loading = (requireCjs("highs") as HighsLoader)();
    runtime = loading;
    loading.catch(() => {
      if (runtime === loading) runtime = null;
    });
  }
  return runtime;
}

export type RelaxationStatus = "bound" | "infeasible" | "time_limit" | "interrupted" | "error";

export interface RelaxationResult {
  readonly status: RelaxationStatus;
  /** Lower bound on the model's optimum including its constant (not rounded), or null. */
  readonly bound: number | null;
  /** LP only: HiGHS' objective value at its optimum (for diagnostics). */
  readonly objective: number | null;
  readonly seconds: number;
  readonly message?: string;
}

export interface RelaxationOptions {
  /** Wall-clock limit of the HiGHS run (HiGHS' own `time_limit`). */
  readonly timeLimitSeconds: number;
  /** Checked before the run only: HiGHS holds the thread while it runs. */
  readonly signal?: AbortSignal;
  /** `lp`: solve the LP relaxation (interior point, no crossover). `mip`: run branch and bound and read its dual bound. */
  readonly kind: "lp" | "mip";
}

/**
 * HiGHS options of a bound run (the LP: interior point without crossover, see above);
 * shared with highs-worker.ts. The LP stops at an optimality tolerance of 1e-3 instead
 * of HiGHS' 1e-8: the bound comes from the row duals through `safeLagrangianBound`,
 * which is valid for any duals, and the looser stop costs at most 0.03 % of it on the
 * generated M instances while taking 7-30 % less time (M-1 17.8 -> 12.4 s, M-2 7.3 ->
 * 6.6 s, M-3 13.9 -> 10.3 s).
 */
const MIP_OPTIONS = { output_flag: false, random_seed: 0 } as const;
export const LP_OPTIONS = { ...MIP_OPTIONS, solver: "ipm", run_crossover: "off", ipm_optimality_tolerance: 1e-3 } as const;

export async function solveRelaxation(milp: MilpModel, options: RelaxationOptions): Promise<RelaxationResult> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const stop = (status: RelaxationStatus, message?: string): RelaxationResult =>
    message === undefined ? { status, bound: null, objective: null, seconds: seconds() } : { status, bound: null, objective: null, seconds: seconds(), message };
  if (options.signal?.aborted === true) return stop("interrupted");
  if (milp.variables.length === 0) {
    const feasible = milp.rows.every((r) => r.lower <= 0 && 0 <= r.upper);
    return feasible ? { status: "bound", bound: milp.objective.constant, objective: milp.objective.constant, seconds: seconds() } : stop("infeasible");
  }
  let highs: Highs;
  try {
    highs = await loadHighs();
  } catch (error) {
    return stop("error", `could not load HiGHS: ${String(error)}`);
  }
  if (isAborted(options.signal)) return stop("interrupted");
  const limit = options.timeLimitSeconds - seconds();
  if (!(limit > 0)) return stop("time_limit");
  let hm: Model | null = null;
  try {
    hm = highs.createModel(modelData(highs, milp, options.kind === "mip"));
    hm.options.set({ ...(options.kind === "lp" ? LP_OPTIONS : MIP_OPTIONS), time_limit: limit });
    const status = hm.run().modelStatus;
    const codes = highs.constants.modelStatus;
    if (status === codes.infeasible) return stop("infeasible");
    if (options.kind === "mip") {
      const dual = hm.info.get("mip_dual_bound");
      const bound = typeof dual === "number" && Number.isFinite(dual) ? dual : null;
      if (bound === null) return stop(status === codes.timeLimit ? "time_limit" : "error", `HiGHS model status ${status}, no dual bound`);
      // HiGHS' LP text/array model carries the constant as `offset`, included in its bound.
      return { status: "bound", bound, objective: null, seconds: seconds() };
    }
    const outcome = lpOutcome(status, codes);
    if (outcome !== "converged") return stop(outcome, `HiGHS model status ${status}`);
    const objective = hm.info.get("objective_function_value");
    const bound = safeLagrangianBound(milp, hm.getSolution().rowDual);
    if (bound === null) return stop("error", "no finite bound from the row duals");
    return { status: "bound", bound, objective: typeof objective === "number" ? objective : null, seconds: seconds() };
  } catch (error) {
    // An exception out of the WebAssembly runtime may leave it inconsistent: load a fresh one next time.
    runtime = null;
    return stop("error", `HiGHS failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    try {
      hm?.dispose();
    } catch {
      runtime = null;
    }
  }
}

/** The HiGHS model status codes an LP run is judged by (`highs.constants.modelStatus`). */
export interface LpStatusCodes {
  readonly optimal: number;
  readonly unknown: number;
  readonly infeasible: number;
  readonly timeLimit: number;
}

/**
 * What an LP run's model status means for the bound. `unknown` counts as converged:
 * the interior point stopped at LP_OPTIONS' (loose) tolerance without HiGHS'
 * optimality check, and its duals still give a valid bound through
 * `safeLagrangianBound`. Shared by this module and the worker's host (highs-worker.ts).
 */
export function lpOutcome(status: number, codes: LpStatusCodes): "converged" | "infeasible" | "time_limit" | "error" {
  if (status === codes.optimal || status === codes.unknown) return "converged";
  return status === codes.infeasible ? "infeasible" : status === codes.timeLimit ? "time_limit" : "error";
}

function modelData(highs: Highs, milp: MilpModel, integer: boolean) {
  const arrays = modelArrays(milp);
  const finite = (values: Float64Array) => values.map((x) => (x === Infinity ? highs.infinity : x === -Infinity ? -highs.infinity : x));
  const { integer: integerType, continuous } = highs.constants.variableType;
  return {
    ...arrays,
    colLower: finite(arrays.colLower),
    colUpper: finite(arrays.colUpper),
    rowLower: finite(arrays.rowLower),
    rowUpper: finite(arrays.rowUpper),
    ...(integer ? { integrality: milp.variables.map((v) => (v.integer ? integerType : continuous)) } : {}),
  };
}

/**
 * The model as HiGHS' column and row arrays (CSR matrix), bounds still with
 * +-Infinity (HiGHS wants its own `infinity` there; the caller translates).
 */
export function modelArrays(milp: MilpModel) {
  const n = milp.variables.length;
  const cost = new Float64Array(n);
  for (const t of milp.objective.terms) cost[t.variable] = (cost[t.variable] ?? 0) + t.coefficient;
  const starts = new Int32Array(milp.rows.length + 1);
  const nonzeros = milp.rows.reduce((sum, r) => sum + r.terms.length, 0);
  const indices = new Int32Array(nonzeros);
  const values = new Float64Array(nonzeros);
  let k = 0;
  milp.rows.forEach((row, i) => {
    // Terms are merged per row by the builder, so no column repeats inside a row.
    for (const t of row.terms) {
      indices[k] = t.variable;
      values[k] = t.coefficient;
      k += 1;
    }
    starts[i + 1] = k;
  });
  return {
    numCols: n,
    numRows: milp.rows.length,
    offset: milp.objective.constant,
    colCost: cost,
    colLower: Float64Array.from(milp.variables, (v) => v.lower),
    colUpper: Float64Array.from(milp.variables, (v) => v.upper),
    rowLower: Float64Array.from(milp.rows, (r) => r.lower),
    rowUpper: Float64Array.from(milp.rows, (r) => r.upper),
    matrix: { format: "csr" as const, numRows: milp.rows.length, numCols: n, starts, indices, values },
  };
}

/**
 * A lower bound on min { c x + c0 : L <= A x <= U, l <= x <= u } that holds for ANY row
 * multipliers y (weak Lagrangian duality), so solver tolerances cannot make it invalid:
 *
 *   c x = (c - A'y) x + y (A x) >= sum_j min(d_j l_j, d_j u_j) + sum_i min(y_i L_i, y_i U_i)
 *
 * with d = c - A'y; a multiplier whose needed row side is infinite is set to 0. At the
 * LP optimum with HiGHS' duals this equals the LP value up to round-off. HiGHS' sign
 * convention for row duals is not relied on: both y and -y are tried, the larger
 * bound kept. Returns null when no finite bound results (an infinite variable bound
 * meets a reduced cost of the wrong sign). A worst-case margin for floating-point
 * round-off of the sums is subtracted.
 */
export function safeLagrangianBound(milp: MilpModel, rowDual: ArrayLike<number>): number | null {
  let best: number | null = null;
  for (const sign of [1, -1]) {
    const reduced = new Float64Array(milp.variables.length);
    for (const t of milp.objective.terms) reduced[t.variable] = (reduced[t.variable] ?? 0) + t.coefficient;
    let bound = milp.objective.constant;
    let magnitude = Math.abs(bound);
    milp.rows.forEach((row, i) => {
      let y = sign * (rowDual[i] ?? 0);
      if (!Number.isFinite(y) || (y > 0 && row.lower === -Infinity) || (y < 0 && row.upper === Infinity)) y = 0;
      if (y === 0) return;
      const part = y > 0 ? y * row.lower : y * row.upper;
      bound += part;
      magnitude += Math.abs(part);
      for (const t of row.terms) {
        reduced[t.variable] = (reduced[t.variable] ?? 0) - y * t.coefficient;
        // Round-off in the reduced costs is at most relative to |y a| times the variable's range.
        const v = milp.variables[t.variable];
        const width = v === undefined ? 0 : Math.max(Number.isFinite(v.lower) ? Math.abs(v.lower) : 0, Number.isFinite(v.upper) ? Math.abs(v.upper) : 0);
        magnitude += Math.abs(y * t.coefficient) * width;
      }
    });
    let finite = true;
    milp.variables.forEach((v, j) => {
      const d = reduced[j] ?? 0;
      if (d === 0) return;
      const side = d > 0 ? v.lower : v.upper;
      if (!Number.isFinite(side)) finite = false;
      const part = d * side;
      bound += part;
      magnitude += Math.abs(part);
    });
    if (!finite || !Number.isFinite(bound)) continue;
    // Recursive summation of N products errs by at most about N * 2^-53 * (sum of magnitudes).
    const operations = milp.variables.length + milp.rows.length + milp.rows.reduce((sum, r) => sum + r.terms.length, 0);
    const safe = bound - (operations + 10) * 2.3e-16 * magnitude - 1e-6;
    if (best === null || safe > best) best = safe;
  }
  return best;
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}
