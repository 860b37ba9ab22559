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
 * the answer is the one a single run would give, given the time. When it ends without
 * a plan (interrupted, or out of time) the first run's plan, if any, is the answer.
 * Other backends already run in a worker (javascript-lp-solver) and are called as they are.
 */
export async function solveCancellably(backend: SolverBackend, model: Parameters<SolverBackend["solve"]>[0], options: BackendOptions): Promise<BackendResult> {
  if (backend.name !== "highs" || options.nodeLimit !== undefined) return backend.solve(model, options);
  const start = performance.now();
  const quickSeconds = Math.min(options.timeLimitSeconds, CALLING_THREAD_SECONDS);
  const quick = await backend.solve(model, { ...options, timeLimitSeconds: quickSeconds });
  // Decided (or the whole limit was this short): nothing to move.
  if (quick.status !== "feasible" && quick.status !== "time_limit") return quick;
  const left = remainingSeconds(options.timeLimitSeconds, start);
  if (!(left > 0) || options.signal?.aborted === true) return quick;
  const full = await backend.solve(model, { ...options, timeLimitSeconds: left, worker: true });
  if (hasPlan(full)) return full;
  // Both runs' bounds hold for the same model: keep the better one.
  const bound = bestBound(quick.bound, full.bound);
  const seconds = secondsSince(start);
  // A bound is never reported above the plan's verified objective (solver round-off).
  if (hasPlan(quick)) return { ...quick, bound: bound === null ? null : Math.min(bound, quick.objective ?? bound), seconds };
  return { ...full, bound, seconds };
}

function hasPlan(result: BackendResult): boolean {
  return result.status === "optimal" || result.status === "feasible";
}

function bestBound(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.max(a, b);
}
