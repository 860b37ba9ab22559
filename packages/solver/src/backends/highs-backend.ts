import { createRequire } from "node:module";
import type { Highs, InitOptions } from "highs";
import type { MilpModel } from "../formulation/milp-model.js";
import { writeCplexLp } from "../formulation/lp-format.js";
import type { BackendOptions, BackendResult, SolverBackend } from "./backend.js";
import { gateSolution, noSolution, presolveTrivial, remainingSeconds } from "./backend-support.js";
import { runWorker } from "./eval-worker.js";
import { HIGHS_RUN_SOURCE, runHighsHere, type HighsRunReport, type HighsRunRequest } from "./highs-run.js";

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
 * - By default the solve is synchronous on the calling thread: `signal` is honoured
 *   before the solve starts only (nothing can fire it while HiGHS holds the thread).
 *   With `worker: true` it runs in a worker thread (highs-run.ts holds the procedure
 *   both use), which the signal terminates at once. The time limit is enforced by
 *   HiGHS' own `time_limit` either way.
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
 * start, which it may complete or reject), `signal` (checked before solving only, unless
 * `worker`), `worker` (run in a worker thread).
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
  if (options.worker === true) return solveInWorker(model, options, start);
  let highs: Highs;
  try {
    highs = await loadHighs();
  } catch (error) {
    return noSolution("error", start, `could not load HiGHS: ${errorText(error)}`);
  }
  // The load may have awaited: check again (a helper, because TypeScript narrowed the first check).
  if (isAborted(options.signal)) return noSolution("interrupted", start);
  if (remainingSeconds(options.timeLimitSeconds, start) <= 0) return noSolution("time_limit", start);
  try {
    return interpret(model, runHighsHere(highs, runRequest(model, options, start)), start);
  } catch (error) {
    discardRuntime(highs);
    return noSolution("error", start, `HiGHS failed: ${errorText(error)}`);
  }
}

/** The run's request: the model as LP text, and options with the time that is left. */
function runRequest(model: MilpModel, options: BackendOptions, start: number): HighsRunRequest {
  const lp = writeCplexLp(model, { names: "indexed" });
  const settings: Record<string, number | boolean> = { output_flag: false, mip_rel_gap: options.relativeGap, random_seed: options.seed ?? 0 };
  if (options.nodeLimit !== undefined) settings["mip_max_nodes"] = options.nodeLimit;
  // Writing and reading a large model takes seconds: the solve gets only what is left.
  // (A non-finite limit is no limit, HiGHS' default; it rejects a non-finite time_limit.)
  const deadline = Number.isFinite(options.timeLimitSeconds) ? Date.now() + remainingSeconds(options.timeLimitSeconds, start) * 1000 : null;
  const initial = options.initialValues === undefined ? null : [...options.initialValues].filter(([variable]) => variable >= 0 && variable < model.variables.length);
  const startValues = initial === null ? null : { variables: initial.map(([variable]) => variable), values: initial.map(([, value]) => value) };
  return { lp: lp.text, names: lp.variableNames, options: settings, start: startValues, deadline };
}

/**
 * The same run in a worker thread: the calling thread stays free meanwhile, and the
 * signal ends the run at once (the worker is terminated) instead of when HiGHS returns.
 * Starting the worker and its own WebAssembly runtime costs 0.1-0.2 s, out of the time
 * limit (the run's deadline is absolute). A worker that outlives it by
 * {@link workerGraceSeconds} is terminated.
 */
async function solveInWorker(model: MilpModel, options: BackendOptions, start: number): Promise<BackendResult> {
  if (remainingSeconds(options.timeLimitSeconds, start) <= 0) return noSolution("time_limit", start);
  const request = runRequest(model, options, start);
  const workerData = { highsPath: requireCjs.resolve("highs"), request };
  const limitMs = request.deadline === null ? undefined : request.deadline - Date.now() + workerGraceSeconds(options.timeLimitSeconds) * 1000;
  const run = runWorker<WorkerReply>(WORKER_SOURCE, workerData, {
    label: "HiGHS worker",
    ...(limitMs === undefined ? {} : { limitMs }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const outcome = await run.outcome;
  switch (outcome.kind) {
    case "stopped":
      return noSolution("interrupted", start);
    case "timeout":
      return noSolution("time_limit", start, "the HiGHS worker outlived its time limit and was terminated");
    case "failed":
      return noSolution("error", start, outcome.message);
    case "reply":
      return "report" in outcome.reply ? interpret(model, outcome.reply.report, start) : noSolution("error", start, `HiGHS failed: ${outcome.reply.message}`);
  }
}

/**
 * Seconds a worker may run past its time limit before it is terminated, losing its
 * incumbent and bound: HiGHS checks its clock between steps, and one step (a round of
 * root cuts, a heuristic's sub-MIP) can take seconds on the models sent here.
 */
function workerGraceSeconds(timeLimitSeconds: number): number {
  return 2 + 0.1 * timeLimitSeconds;
}

type WorkerReply = { readonly report: HighsRunReport } | { readonly message: string };

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
${HIGHS_RUN_SOURCE}
(async () => {
  const highs = await require(workerData.highsPath)();
  parentPort.postMessage({ report: runHighs(highs, workerData.request) });
})().catch((error) => parentPort.postMessage({ message: String((error && error.name ? error.name + ": " : "") + ((error && error.message) || error)) }));
`;

/** The backend's verdict on a run's report. */
function interpret(model: MilpModel, report: HighsRunReport, start: number): BackendResult {
  const { status, codes } = report;
  switch (status) {
    case codes.optimal:
    case codes.empty:
      return fromSolution(model, report, start, true);
    case codes.infeasible:
      return noSolution("infeasible", start);
    case codes.unbounded:
      return noSolution("unbounded", start);
    case codes.unboundedOrInfeasible:
      return classifyUnboundedOrInfeasible(report, start);
    case codes.timeLimit:
    case codes.interrupted:
    case codes.iterationLimit:
    case codes.solutionLimit:
    case codes.objectiveBound:
    case codes.objectiveTarget:
    case codes.unknown:
      return limitResult(model, report, start);
    default:
      return noSolution("error", start, `HiGHS model status ${status}`);
  }
}

/** A run stopped early: report the incumbent if HiGHS has one that passes the gate. */
function limitResult(model: MilpModel, report: HighsRunReport, start: number): BackendResult {
  const { status, codes } = report;
  const timeLike = status === codes.timeLimit || status === codes.interrupted;
  if (report.primalFeasible) return fromSolution(model, report, start, false, timeLike);
  // Without a plan the dual bound still tells the caller how good any plan can be.
  return timeLike ? { ...noSolution("time_limit", start), bound: dualBound(report, model) } : noSolution("error", start, `HiGHS stopped with model status ${status}`);
}

function fromSolution(model: MilpModel, report: HighsRunReport, start: number, proven: boolean, timeLike = true): BackendResult {
  const raw = report.values.length === model.variables.length ? report.values : model.variables.map(() => Number.NaN);
  const bound = dualBound(report, model);
  // An answer HiGHS called optimal but that fails verification is a numerical failure.
  const onReject = proven ? "error" : timeLike ? "time_limit" : "error";
  return gateSolution(model, raw, { proven, bound, onReject }, start);
}

/** HiGHS' MIP dual bound plus the objective constant (LP text has none); null if unknown. */
function dualBound(report: HighsRunReport, model: MilpModel): number | null {
  if (!model.variables.some((v) => v.integer)) return null;
  return report.dualBound === null ? null : report.dualBound + model.objective.constant;
}

/**
 * HiGHS' presolve may stop at "unbounded or infeasible". The run then re-solved with a
 * zero objective (a pure feasibility question, on the same clock), which separates the two.
 */
function classifyUnboundedOrInfeasible(report: HighsRunReport, start: number): BackendResult {
  const { codes, feasibilityStatus } = report;
  if (feasibilityStatus === codes.optimal) return noSolution("unbounded", start);
  if (feasibilityStatus === codes.infeasible) return noSolution("infeasible", start);
  if (feasibilityStatus === codes.timeLimit) return noSolution("time_limit", start);
  return noSolution("error", start, `HiGHS could not tell infeasible from unbounded (status ${String(feasibilityStatus)})`);
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
