/**
 * The LP relaxation in a worker thread, so that it runs on a second core while the
 * neighbourhood search keeps the first. HiGHS (WebAssembly) holds its thread until it
 * is done and cannot be interrupted; in a worker it can: the worker is terminated
 * when the caller stops waiting. Measured on the generated M instances (20 000-27 000
 * columns): 7-30 s of interior point, too long to wait for inside a 10-30 s solve, but
 * free when it overlaps the search.
 *
 * The worker is self-contained JavaScript that loads only the `highs` package, run
 * like the javascript-lp-solver backend's through backends/eval-worker.ts: it works the
 * same from the compiled package, from TypeScript sources under tsx, and inside test runners.
 */
import { createRequire } from "node:module";
import { runWorker } from "../backends/eval-worker.js";
import type { MilpModel } from "../formulation/milp-model.js";
import { LP_OPTIONS, lpOutcome, modelArrays, safeLagrangianBound, type LpStatusCodes, type RelaxationResult } from "./highs-relaxation.js";

const requireCjs = createRequire(import.meta.url);

/**
 * Reply of the worker: HiGHS' model status with the codes to read it by, and the row
 * duals of the run; or, when the run failed, only a message. The host judges the
 * status (`lpOutcome`), so the rule lives in one place.
 */
interface WorkerReply {
  readonly status?: number;
  readonly codes?: LpStatusCodes;
  readonly rowDual?: Float64Array | null;
  readonly message?: string;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  const highs = await require(workerData.highsPath)();
  const m = workerData.model;
  const finite = (values) => values.map((x) => (x === Infinity ? highs.infinity : x === -Infinity ? -highs.infinity : x));
  const hm = highs.createModel({ ...m, colLower: finite(m.colLower), colUpper: finite(m.colUpper), rowLower: finite(m.rowLower), rowUpper: finite(m.rowUpper) });
  try {
    hm.options.set({ ...workerData.options, time_limit: workerData.timeLimitSeconds });
    const status = hm.run().modelStatus;
    const { optimal, unknown, infeasible, timeLimit } = highs.constants.modelStatus;
    let rowDual = null;
    try {
      rowDual = Float64Array.from(hm.getSolution().rowDual);
    } catch {}
    parentPort.postMessage({ status, codes: { optimal, unknown, infeasible, timeLimit }, rowDual, message: "HiGHS model status " + status });
  } finally {
    hm.dispose();
  }
})().catch((error) => parentPort.postMessage({ message: String((error && error.message) || error) }));
`;

/** A relaxation being solved in the background. */
export interface BackgroundRelaxation {
  /** Settles once: the bound, or why there is none (`interrupted` after {@link stop}). */
  readonly result: Promise<RelaxationResult>;
  /** Terminates the worker (idempotent); `result` then settles as `interrupted`. */
  stop(): void;
}

/** Solves the LP relaxation of `milp` (all columns continuous) in a worker; the bound is made rigorous from the row duals. */
export function solveRelaxationInWorker(milp: MilpModel, options: { readonly timeLimitSeconds: number; readonly signal?: AbortSignal }): BackgroundRelaxation {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const none = (status: RelaxationResult["status"], message?: string): RelaxationResult =>
    message === undefined ? { status, bound: null, objective: null, seconds: seconds() } : { status, bound: null, objective: null, seconds: seconds(), message };
  if (options.signal?.aborted !== true && !(options.timeLimitSeconds > 0)) return { result: Promise.resolve(none("time_limit")), stop: () => {} };
  const workerData = { highsPath: requireCjs.resolve("highs"), model: modelArrays(milp), options: LP_OPTIONS, timeLimitSeconds: options.timeLimitSeconds };
  // No timer: HiGHS keeps its own time limit. Nobody waits for the worker to end the process.
  const run = runWorker<WorkerReply>(WORKER_SOURCE, workerData, { label: "HiGHS worker", background: true, ...(options.signal ? { signal: options.signal } : {}) });
  const result = run.outcome.then((outcome): RelaxationResult => {
    if (outcome.kind === "stopped") return none("interrupted");
    if (outcome.kind !== "reply") return none("error", outcome.kind === "failed" ? outcome.message : "HiGHS worker timed out");
    const reply = outcome.reply;
    const verdict = reply.status === undefined || reply.codes === undefined ? "error" : lpOutcome(reply.status, reply.codes);
    if (verdict !== "converged") return none(verdict, reply.message);
    const bound = reply.rowDual ? safeLagrangianBound(milp, reply.rowDual) : null;
    return bound === null ? none("error", "no finite bound from the row duals") : { status: "bound", bound, objective: null, seconds: seconds() };
  });
  return { result, stop: run.stop };
}
