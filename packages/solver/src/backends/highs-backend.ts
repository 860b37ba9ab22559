import { createRequire } from "node:module";
import type { Highs, InitOptions, Model, ModelStatusCode } from "highs";
import type { MilpModel } from "../formulation/milp-model.js";
import { writeCplexLp } from "../formulation/lp-format.js";
import type { BackendOptions, BackendResult, SolverBackend } from "./backend.js";
import { gateSolution, noSolution, presolveTrivial, remainingSeconds } from "./backend-support.js";

/**
 * HiGHS (npm `highs` 1.15, WebAssembly) adapter.
 *
 * - The model goes in as CPLEX LP text with indexed names (`x<i>`, `r<i>`) and comes
 *   back by column name, so column order never matters.
 * - Each solve uses a persistent HiGHS `Model` that is disposed in `finally`: its
 *   native memory is not garbage collected (about 40-75 KB leaked per undisposed solve).
 * - The WebAssembly runtime is loaded once per process and reused. Any exception out
 *   of it (e.g. `RuntimeError: Aborted()`, which the LP reader raises on some inputs)
 *   discards the runtime: the next solve loads a fresh one instead of reusing a heap
 *   that an aborted call may have left inconsistent.
 * - The solve is synchronous on the calling thread: `signal` is honoured before the
 *   solve starts only (nothing can fire it while HiGHS holds the thread); the time
 *   limit is enforced by HiGHS' own `time_limit`.
 */

// The package's default export is mistyped under NodeNext (it is CommonJS); require it.
const requireCjs = createRequire(import.meta.url);
type HighsLoader = (options?: InitOptions) => Promise<Highs>;

let runtime: Promise<Highs> | null = null;
let loaded: Highs | null = null;

/** The shared runtime, loading it on first use (a failed load is retried next time). */
function loadHighs(): Promise<Highs> {
  if (runtime === null) {
    const loader = requireCjs("highs") as HighsLoader;
    const loading: Promise<Highs> = loader().then(
      (highs) => {
        loaded = highs;
        return highs;
      },
      (error: unknown) => {
        if (runtime === loading) runtime = null;
        throw error;
      },
    );
    runtime = loading;
  }
  return runtime;
}

/** Forgets the shared runtime if it is still `highs`, so the next solve loads a new one. */
function discardRuntime(highs: Highs): void {
  if (loaded !== highs) return;
  loaded = null;
  runtime = null;
}

/** Diagnostics: HiGHS version and WebAssembly memory capacity (bytes) of the shared runtime. */
export async function highsRuntimeInfo(): Promise<{ readonly version: string; readonly memoryBytes: number }> {
  const highs = await loadHighs();
  return { version: highs.version.string, memoryBytes: highs.memoryBytes };
}

/**
 * HiGHS backend. Options: `timeLimitSeconds` (wall clock, includes loading and parsing),
 * `relativeGap` (HiGHS `mip_rel_gap`), `initialValues` (passed to HiGHS as a partial MIP
 * start, which it may complete or reject), `signal` (checked before solving only).
 * `seed` (HiGHS `random_seed`, default 0). Deterministic: same model, options and seed
 * give the same answer (single-threaded WebAssembly).
 */
export const highsBackend: SolverBackend = {
  name: "highs",
  solve: solveWithHighs,
};

async function solveWithHighs(model: MilpModel, options: BackendOptions): Promise<BackendResult> {
  const start = performance.now();
  if (options.signal?.aborted === true) return noSolution("interrupted", start);
  const trivial = presolveTrivial(model, start);
  if (trivial !== null) return trivial;
  let highs: Highs;
  try {
    highs = await loadHighs();
  } catch (error) {
    return noSolution("error", start, `could not load HiGHS: ${errorText(error)}`);
  }
  // The load may have awaited: check again (a helper, because TypeScript narrowed the first check).
  if (isAborted(options.signal)) return noSolution("interrupted", start);
  try {
    return runModel(highs, model, options, start);
  } catch (error) {
    discardRuntime(highs);
    return noSolution("error", start, `HiGHS failed: ${errorText(error)}`);
  }
}

function runModel(highs: Highs, model: MilpModel, options: BackendOptions, start: number): BackendResult {
  if (remainingSeconds(options.timeLimitSeconds, start) <= 0) return noSolution("time_limit", start);
  const lp = writeCplexLp(model, { names: "indexed" });
  const hm = highs.createModel({ format: "lp", data: lp.text });
  // Writing and reading a large model takes seconds: the solve gets only what is left.
  const timeLimit = Math.max(0.01, remainingSeconds(options.timeLimitSeconds, start));
  let failed = true;
  try {
    hm.options.set({ output_flag: false, mip_rel_gap: options.relativeGap, random_seed: options.seed ?? 0 });
    // HiGHS rejects a non-finite time_limit; its default is already "no limit".
    if (Number.isFinite(timeLimit)) hm.options.set("time_limit", timeLimit);
    if (options.nodeLimit !== undefined) hm.options.set("mip_max_nodes", options.nodeLimit);
    const columnOf = columnIndexByVariable(hm, lp.variableNames);
    if (options.initialValues !== undefined) setStart(highs, hm, columnOf, options.initialValues);
    const status = hm.run().modelStatus;
    const result = interpret(highs, hm, model, status, columnOf, start);
    failed = false;
    return result;
  } finally {
    // Always free the native model (it is not garbage collected). After a failure the
    // runtime is discarded anyway, so a second error from dispose must not hide the first.
    try {
      hm.dispose();
    } catch (error) {
      if (!failed) throw error;
    }
  }
}

/** `columnOf[i]` = HiGHS column of variable `i`, found by the name we wrote. */
function columnIndexByVariable(hm: Model, names: readonly string[]): number[] {
  const variableByName = new Map(names.map((name, i) => [name, i]));
  const columnOf = new Array<number>(names.length).fill(-1);
  const numCols = hm.getDimensions().numCols;
  for (let c = 0; c < numCols; c++) {
    const variable = variableByName.get(hm.getColName(c));
    if (variable !== undefined) columnOf[variable] = c;
  }
  const missing = columnOf.indexOf(-1);
  if (missing >= 0) throw new Error(`variable ${missing} has no HiGHS column`);
  return columnOf;
}

/** Passes `initialValues` as a sparse start; a start HiGHS refuses is only a lost hint. */
function setStart(highs: Highs, hm: Model, columnOf: readonly number[], start: ReadonlyMap<number, number>): void {
  const entries = [...start]
    .filter(([variable, value]) => columnOf[variable] !== undefined && Number.isFinite(value))
    .map(([variable, value]) => [columnOf[variable] ?? -1, value] as const)
    .sort((a, b) => a[0] - b[0]);
  if (entries.length === 0) return;
  try {
    hm.setSolution({ indices: entries.map((e) => e[0]), values: entries.map((e) => e[1]) });
  } catch (error) {
    if (!(error instanceof highs.errors.HighsError)) throw error; // not a clean refusal
  }
}

function interpret(
  highs: Highs,
  hm: Model,
  model: MilpModel,
  status: ModelStatusCode,
  columnOf: readonly number[],
  start: number,
): BackendResult {
  const codes = highs.constants.modelStatus;
  switch (status) {
    case codes.optimal:
    case codes.empty:
      return fromSolution(hm, model, columnOf, start, true);
    case codes.infeasible:
      return noSolution("infeasible", start);
    case codes.unbounded:
      return noSolution("unbounded", start);
    case codes.unboundedOrInfeasible:
      return classifyUnboundedOrInfeasible(highs, hm, model, start);
    case codes.timeLimit:
    case codes.interrupted:
    case codes.iterationLimit:
    case codes.solutionLimit:
    case codes.objectiveBound:
    case codes.objectiveTarget:
    case codes.unknown:
      return limitResult(highs, hm, model, status, columnOf, start);
    default:
      return noSolution("error", start, `HiGHS model status ${status}`);
  }
}

/** A run stopped early: report the incumbent if HiGHS has one that passes the gate. */
function limitResult(
  highs: Highs,
  hm: Model,
  model: MilpModel,
  status: ModelStatusCode,
  columnOf: readonly number[],
  start: number,
): BackendResult {
  const codes = highs.constants.modelStatus;
  const timeLike = status === codes.timeLimit || status === codes.interrupted;
  if (hasPrimalSolution(highs, hm)) return fromSolution(hm, model, columnOf, start, false, timeLike);
  // Without a plan the dual bound still tells the caller how good any plan can be.
  return timeLike ? { ...noSolution("time_limit", start), bound: dualBound(hm, model) } : noSolution("error", start, `HiGHS stopped with model status ${status}`);
}

function hasPrimalSolution(highs: Highs, hm: Model): boolean {
  return hm.info.get("primal_solution_status") === highs.constants.solutionStatus.feasible;
}

function fromSolution(
  hm: Model,
  model: MilpModel,
  columnOf: readonly number[],
  start: number,
  proven: boolean,
  timeLike = true,
): BackendResult {
  const colValue = hm.getSolution().colValue;
  const raw = columnOf.map((c) => colValue[c] ?? Number.NaN);
  const bound = dualBound(hm, model);
  // An answer HiGHS called optimal but that fails verification is a numerical failure.
  const onReject = proven ? "error" : timeLike ? "time_limit" : "error";
  return gateSolution(model, raw, { proven, bound, onReject }, start);
}

/** HiGHS' MIP dual bound plus the objective constant (LP text has none); null if unknown. */
function dualBound(hm: Model, model: MilpModel): number | null {
  if (!model.variables.some((v) => v.integer)) return null;
  const value = hm.info.get("mip_dual_bound");
  return typeof value === "number" && Number.isFinite(value) ? value + model.objective.constant : null;
}

/**
 * HiGHS' presolve may stop at "unbounded or infeasible". Re-solving with a zero
 * objective (a pure feasibility question, on the same clock) separates the two.
 */
function classifyUnboundedOrInfeasible(highs: Highs, hm: Model, model: MilpModel, start: number): BackendResult {
  const n = model.variables.length;
  hm.changeColsCost({ kind: "range", from: 0, to: n - 1 }, new Array<number>(n).fill(0));
  const codes = highs.constants.modelStatus;
  const status = hm.run().modelStatus;
  if (status === codes.optimal) return noSolution("unbounded", start);
  if (status === codes.infeasible) return noSolution("infeasible", start);
  if (status === codes.timeLimit) return noSolution("time_limit", start);
  return noSolution("error", start, `HiGHS could not tell infeasible from unbounded (status ${status})`);
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
