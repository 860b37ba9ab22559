/**
 * One HiGHS run, written once as plain JavaScript source so that the same procedure
 * runs on the calling thread (`runHighsHere`) and in a worker thread (`HIGHS_RUN_SOURCE`
 * inside the worker script of highs-backend.ts). It touches the WebAssembly runtime
 * only: everything that judges the outcome stays in TypeScript on the calling side.
 *
 * Why source text and not a TypeScript function's `toString()`: the TypeScript loaders
 * (tsx, the test runner) insert helper calls (`__name(...)`) into compiled functions,
 * which do not exist in a worker's scope.
 */

/** What one run needs: the model as CPLEX LP text and how to read its columns back. */
export interface HighsRunRequest {
  /** The model in CPLEX LP format with indexed names (lp-format.ts, `names: "indexed"`). */
  readonly lp: string;
  /** Column name of variable `i`, as written into `lp`. */
  readonly names: readonly string[];
  /** HiGHS options for the run (random_seed, mip_rel_gap, ...), except the time limit. */
  readonly options: Readonly<Record<string, number | boolean | string>>;
  /**
   * When the run must end, in epoch milliseconds (`Date.now()`, the same clock on every
   * thread), or null for no limit. HiGHS' `time_limit` is set from it just before the
   * run, so loading a worker and reading the model count against it.
   */
  readonly deadline: number | null;
  /** A partial MIP start by variable index, or null. A start HiGHS refuses is only a lost hint. */
  readonly start: { readonly variables: readonly number[]; readonly values: readonly number[] } | null;
}

/** HiGHS' model status codes that the caller tells apart. */
export interface HighsStatusCodes {
  readonly optimal: number;
  readonly empty: number;
  readonly infeasible: number;
  readonly unbounded: number;
  readonly unboundedOrInfeasible: number;
  readonly timeLimit: number;
  readonly interrupted: number;
  readonly iterationLimit: number;
  readonly solutionLimit: number;
  readonly objectiveBound: number;
  readonly objectiveTarget: number;
  readonly unknown: number;
}

/** What a run found, in plain data (it crosses a thread boundary). */
export interface HighsRunReport {
  readonly status: number;
  readonly codes: HighsStatusCodes;
  /** HiGHS holds a primal feasible solution (an incumbent, for a MIP). */
  readonly primalFeasible: boolean;
  /** Value of variable `i` by index; empty without a solution. */
  readonly values: readonly number[];
  /** HiGHS' MIP dual bound without the objective constant (LP text has none); null if not finite. */
  readonly dualBound: number | null;
  /**
   * When the status was "unbounded or infeasible" (a presolve verdict): the status of a
   * second run with a zero objective on the same clock, which separates the two. Else null.
   */
  readonly feasibilityStatus: number | null;
}

/**
 * `function runHighs(highs, request)`: a `HighsRunReport` for a `HighsRunRequest` on
 * the loaded runtime `highs`. The model is disposed whatever happens (its memory is not
 * garbage collected). Throws what HiGHS throws; the caller discards the runtime then.
 */
export const HIGHS_RUN_SOURCE = String.raw`
function runHighs(highs, request) {
  const hm = highs.createModel({ format: "lp", data: request.lp });
  let failed = true;
  try {
    hm.options.set(request.options);
    const byName = new Map(request.names.map((name, i) => [name, i]));
    const columnOf = new Array(request.names.length).fill(-1);
    const numCols = hm.getDimensions().numCols;
    for (let c = 0; c < numCols; c++) {
      const variable = byName.get(hm.getColName(c));
      if (variable !== undefined) columnOf[variable] = c;
    }
    const missing = columnOf.indexOf(-1);
    if (missing >= 0) throw new Error("variable " + missing + " has no HiGHS column");
    if (request.start !== null) {
      const entries = request.start.variables
        .map((variable, k) => [columnOf[variable], request.start.values[k]])
        .filter(([column, value]) => column !== undefined && Number.isFinite(value))
        .sort((a, b) => a[0] - b[0]);
      try {
        if (entries.length > 0) hm.setSolution({ indices: entries.map((e) => e[0]), values: entries.map((e) => e[1]) });
      } catch (error) {
        if (!(error instanceof highs.errors.HighsError)) throw error;
      }
    }
    const m = highs.constants.modelStatus;
    const codes = {
      optimal: m.optimal, empty: m.empty, infeasible: m.infeasible, unbounded: m.unbounded,
      unboundedOrInfeasible: m.unboundedOrInfeasible, timeLimit: m.timeLimit, interrupted: m.interrupted,
      iterationLimit: m.iterationLimit, solutionLimit: m.solutionLimit, objectiveBound: m.objectiveBound,
      objectiveTarget: m.objectiveTarget, unknown: m.unknown,
    };
    if (request.deadline !== null) hm.options.set("time_limit", Math.max(0.01, (request.deadline - Date.now()) / 1000));
    const status = hm.run().modelStatus;
    const primalFeasible = hm.info.get("primal_solution_status") === highs.constants.solutionStatus.feasible;
    const hasValues = primalFeasible || status === m.optimal || status === m.empty;
    const colValue = hasValues ? hm.getSolution().colValue : null;
    const values = colValue === null ? [] : columnOf.map((c) => colValue[c] ?? Number.NaN);
    const bound = hm.info.get("mip_dual_bound");
    let feasibilityStatus = null;
    if (status === m.unboundedOrInfeasible) {
      hm.changeColsCost({ kind: "range", from: 0, to: numCols - 1 }, new Array(numCols).fill(0));
      feasibilityStatus = hm.run().modelStatus;
    }
    failed = false;
    return { status, codes, primalFeasible, values, dualBound: typeof bound === "number" && Number.isFinite(bound) ? bound : null, feasibilityStatus };
  } finally {
    try {
      hm.dispose();
    } catch (error) {
      if (!failed) throw error;
    }
  }
}`;

/** `HIGHS_RUN_SOURCE` compiled for this thread. `highs` is the loaded runtime (typed loosely: the source is not type-checked). */
export const runHighsHere = new Function(`${HIGHS_RUN_SOURCE}\nreturn runHighs;`)() as (highs: unknown, request: HighsRunRequest) => HighsRunReport;
