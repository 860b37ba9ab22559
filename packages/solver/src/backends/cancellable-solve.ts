import type { BackendOptions, BackendResult, SolverBackend } from "./backend.js";
import { remainingSeconds, secondsSince } from "./backend-support.js";

/**
 * Seconds a long solve may hold the calling thread before it moves to a worker. Small
 * models (most tests, small problems) end well within it, without the worker's start-up
 * cost (0.1-0.2 s); the generated S-tier models (about 900 columns) do not.
 */
export const CALLING_THREAD_SECONDS = 0.25;

/**
 * A solve that may take the whole time limit (the monolithic MILP, a whole repair)
 * and that the caller's signal must be able to stop. On HiGHS, which holds its thread
 * until it returns, it runs first on the calling thread for at most
 * {@link CALLING_THREAD_SECONDS}; a model still undecided then is solved again, from the
 * same start and seed, in a worker thread with the time that is left: the signal ends
 * that run at once, and the calling thread is free meanwhile (the neighbourhood search,
 * timers, a server's other requests). The second run does not depend on the first, so
 * its proof is the one a single run would give; without a proof the better of the two
 * plans is the answer, with the better bound.
 * Other backends already run in a worker (javascript-lp-solver) and are called as they are.
 */
export async function solveCancellably(backend: SolverBackend, model: Parameters<SolverBackend["solve"]>[0], options: BackendOptions): Promise<BackendResult> {
  if (backend.name !== "highs" || options.nodeLimit !== undefined) return backend.solve(model, options);
  const start = performance.now();
  const quickSeconds = Math.min(options.timeLimitSeconds, CALLING_THREAD_SECONDS);
  const quick = await backend.solve(model, { ...options, timeLimitSeconds: quickSeconds });
  // Decided (or the whole limit was this short): nothing to move.
  if (quick.status !== "feasible" && quick.status !== "time_limit") return { ...quick, seconds: secondsSince(start) };
  const left = remainingSeconds(options.timeLimitSeconds, start);
  // With less left than a worker needs to start and read the model, it would only lose the first run's plan.
  if (!(left >= MIN_WORKER_SECONDS) || options.signal?.aborted === true) return { ...quick, seconds: secondsSince(start) };
  const full = await backend.solve(model, { ...options, timeLimitSeconds: left, worker: true });
  return { ...combine(quick, full), seconds: secondsSince(start) };
}

/**
 * Seconds below which the second run is not started: a worker and its WebAssembly
 * runtime take 0.1-0.2 s to start, and reading the model takes more on large ones. Found
 * by review: with 0.08 s left the worker's plan (objective 3 948) replaced the first
 * run's (35).
 */
const MIN_WORKER_SECONDS = 0.5;

/**
 * The answer of the two runs of one model. The second run's proof, when it has one
 * (the answer a single run would give). Otherwise the better plan, and the better bound
 * (both hold for the model), never above that plan's objective (solver round-off).
 */
function combine(quick: BackendResult, full: BackendResult): BackendResult {
  if (full.status === "optimal") return full;
  const plans = [quick, full].filter(hasPlan);
  const best = plans.reduce<BackendResult | null>((a, b) => (a === null || (b.objective ?? Infinity) < (a.objective ?? Infinity) ? b : a), null);
  const bound = bestBound(quick.bound, full.bound);
  if (best === null) return { ...full, bound };
  return { ...best, bound: bound === null ? null : Math.min(bound, best.objective ?? bound) };
}
function hasPlan(result: BackendResult): boolean {
  return result.status === "optimal" || result.status === "feasible";
}

function bestBound(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.max(a, b);
}
