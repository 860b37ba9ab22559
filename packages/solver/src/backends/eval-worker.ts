/**
 * One run of a self-contained worker script (evaluated source, `eval: true`), for
 * solvers that hold their thread until done and so can only be stopped by ending the
 * thread: javascript-lp-solver (jslp-backend.ts) and HiGHS' LP relaxation
 * (bounds/highs-worker.ts). Evaluated source loads only npm packages, so it behaves
 * the same from the compiled package, from TypeScript sources under tsx, and inside
 * test runners.
 *
 * The run settles exactly once, with the worker's first message or the reason there is
 * none, and the worker is terminated then, whichever way it ends.
 */
import { Worker } from "node:worker_threads";

/** How a worker run ended: its first message, the time limit, a stop (or the signal), or a failure. */
export type WorkerOutcome<Reply> =
  | { readonly kind: "reply"; readonly reply: Reply }
  | { readonly kind: "timeout" }
  | { readonly kind: "stopped" }
  | { readonly kind: "failed"; readonly message: string };

export interface WorkerRunOptions {
  /** Names the worker in failure messages, e.g. "javascript-lp-solver worker". */
  readonly label: string;
  /** Milliseconds after which the worker is terminated (outcome `timeout`). Default: none. */
  readonly limitMs?: number;
  /** Terminates the worker when it fires (outcome `stopped`). */
  readonly signal?: AbortSignal;
  /** Let the process exit while the worker still runs (a background bound nobody waits for). Default false. */
  readonly background?: boolean;
}

export interface WorkerRun<Reply> {
  /** Settles once; the worker is gone by then. */
  readonly outcome: Promise<WorkerOutcome<Reply>>;
  /** Terminates the worker (idempotent); `outcome` then settles as `stopped` unless it already settled. */
  stop(): void;
}

/** Milliseconds between reads of the signal's `aborted` while a worker runs. */
const SIGNAL_POLL_MS = 100;

/** Longest delay setTimeout honours (about 24.8 days); it treats longer ones, Infinity included, as 1 ms. */
export const MAX_TIMER_MS = 2_147_483_647;

export function runWorker<Reply>(source: string, workerData: unknown, options: WorkerRunOptions): WorkerRun<Reply> {
  let worker: Worker | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let poll: ReturnType<typeof setInterval> | undefined;
  let settle: (outcome: WorkerOutcome<Reply>) => void = () => {};
  const outcome = new Promise<WorkerOutcome<Reply>>((resolve) => {
    settle = (result) => {
      settle = () => {};
      clearTimeout(timer);
      clearInterval(poll);
      options.signal?.removeEventListener("abort", stop);
      void worker?.terminate();
      worker = null;
      resolve(result);
    };
  });
  const stop = (): void => settle({ kind: "stopped" });
  if (options.signal?.aborted === true) {
    stop();
    return { outcome, stop };
  }
  try {
    worker = new Worker(source, { eval: true, workerData });
  } catch (error) {
    settle({ kind: "failed", message: `could not start the ${options.label}: ${error instanceof Error ? error.message : String(error)}` });
    return { outcome, stop };
  }
  options.signal?.addEventListener("abort", stop, { once: true });
  // A signal may turn aborted without dispatching its event (the server's reads memory
  // shared with another thread): read it now and then as well.
  // Never what keeps the process alive (a background worker must not be held by it).
  if (options.signal !== undefined) poll = setInterval(() => options.signal?.aborted === true && stop(), SIGNAL_POLL_MS).unref();
  if (options.limitMs !== undefined) timer = setTimeout(() => settle({ kind: "timeout" }), Math.max(0, Math.min(MAX_TIMER_MS, options.limitMs)));
  worker.on("message", (reply: Reply) => settle({ kind: "reply", reply }));
  worker.on("error", (error: Error) => settle({ kind: "failed", message: `${options.label}: ${error.message}` }));
  worker.on("exit", (code) => settle({ kind: "failed", message: `${options.label} exited (${code})` }));
  if (options.background === true) worker.unref();
  return { outcome, stop };
}
