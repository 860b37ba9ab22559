import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from "node:worker_threads";
import { Piscina } from "piscina";
import type { RepairResult, SolveResult } from "@shootplan/solver";
import type { AppliedOptions, SolveFailure, SolveProgress, SolveTaskInput, SolveTaskOutput, SolveWork, WorkerMessage } from "./solve-messages.js";

/** Sizes and timings of a {@link SolvePool}. */
export interface SolvePoolOptions {
  /** Worker threads, each running one solve at a time. */
  readonly workers: number;
  /** Solves that may wait for a worker; beyond that `submit` throws {@link QueueFullError}. */
  readonly queueSize: number;
  /** Milliseconds a cancelled solve may take to return by itself before its thread is terminated. */
  readonly cancelGraceMs: number;
  /** Seconds past a solve's own time limit after which its thread is terminated as hung. */
  readonly watchdogSlackSeconds: number;
  /** V8 old-generation heap limit per worker in MiB. */
  readonly workerMemoryMb: number;
}

/**
 * How a solve (or repair, with `R` = `RepairResult`) ended. Never a rejection: every
 * end is a value the caller switches on.
 * - `solved`: the solver returned (any status: optimal, feasible, infeasible, timeout).
 * - `error`: the solver threw (a defect or backend failure), with its `SCHED_ERR_*` code.
 * - `crashed`: the worker thread died under it (killed, out of memory, native crash).
 * - `cancelled`: stopped by `cancel()`; `result` is the solver's own answer when it
 *   returned within the grace period, null when its thread had to be terminated.
 * - `overran`: still running `watchdogSlackSeconds` past its time limit; terminated.
 * - `stopped`: the pool closed before the solve could finish (it never ran, or was terminated at shutdown).
 */
export type SolveOutcome<R extends SolveResult = SolveResult> =
  | { readonly kind: "solved"; readonly result: R }
  | { readonly kind: "error"; readonly error: SolveFailure }
  | { readonly kind: "crashed"; readonly message: string }
  | { readonly kind: "cancelled"; readonly result: R | null }
  | { readonly kind: "overran"; readonly message: string }
  | { readonly kind: "stopped" };

/** Called on the HTTP thread as the solve goes. */
export interface SolveListener {
  /** The solve began on worker thread `threadId`. */
  readonly onStart?: (threadId: number) => void;
  /** The solver reported a better plan or bound. */
  readonly onProgress?: (progress: SolveProgress) => void;
}

/** A submitted solve (or repair, with `R` = `RepairResult`). */
export interface SolveTicket<R extends SolveResult = SolveResult> {
  /** Settles once the solve is over and its worker is free again (or gone). */
  readonly outcome: Promise<SolveOutcome<R>>;
  /** Asks the solve to stop and resolves with its outcome once the worker has stopped. */
  cancel(): Promise<SolveOutcome<R>>;
  /** Worker thread running the solve; null while queued or before it reported. */
  readonly threadId: number | null;
}

export class QueueFullError extends Error {
  override readonly name = "QueueFullError";
}

export class PoolClosedError extends Error {
  override readonly name = "PoolClosedError";
}

type StopReason = "cancel" | "watchdog" | "shutdown";

interface Entry {
  readonly work: SolveWork;
  readonly options: AppliedOptions;
  readonly listener: SolveListener;
  readonly abort: AbortController;
  readonly outcome: Promise<SolveOutcome>;
  settle: (outcome: SolveOutcome) => void;
  state: "queued" | "running" | "done";
  threadId: number | null;
  stop: StopReason | null;
  port: MessagePort | null;
  /** Shared with the worker: set to 1 to cancel (see `SolveTaskInput.cancelFlag`). */
  readonly cancelFlag: SharedArrayBuffer;
  timers: NodeJS.Timeout[];
}

/** The worker entry: a plain .mjs file that loads the task from dist or, via tsx, from source. */
const workerFile = new URL("./solve-worker.mjs", import.meta.url).href;

/**
 * Solves in worker threads (piscina) behind a bounded FIFO queue of our own, so the
 * HTTP thread never solves. The queue is ours rather than piscina's so that work
 * re-run after a restart can be admitted past the bound (`force`), queued solves can
 * be cancelled without a thread, and a solve "starts" exactly when a worker takes it.
 */
export class SolvePool {
  readonly #options: SolvePoolOptions;
  readonly #piscina: Piscina<SolveTaskInput, SolveTaskOutput>;
  readonly #queue: Entry[] = [];
  readonly #running = new Set<Entry>();
  #closing = false;

  constructor(options: SolvePoolOptions) {
    this.#options = options;
    this.#piscina = new Piscina<SolveTaskInput, SolveTaskOutput>({
      filename: workerFile,
      minThreads: options.workers,
      maxThreads: options.workers,
      concurrentTasksPerWorker: 1,
      // Keep threads warm: loading the solver and HiGHS takes about a second.
      idleTimeout: 2_147_483_647,
      // Each worker sets up its own module loading (see solve-worker.mjs).
      execArgv: [],
      // Idle workers wait on their message port, not in Atomics.wait, so their event loop can finish closing ports.
      atomics: "disabled",
      resourceLimits: { maxOldGenerationSizeMb: options.workerMemoryMb },
    });
  }

  /** Configured workers, solves running and waiting, and the waiting limit. */
  get stats(): { readonly workers: number; readonly running: number; readonly queued: number; readonly queueSize: number } {
    return { workers: this.#options.workers, running: this.#running.size, queued: this.#queue.length, queueSize: this.#options.queueSize };
  }

  /** Whether `submit` without `force` would be accepted now. */
  hasRoom(): boolean {
    return !this.#closing && (this.#running.size < this.#options.workers || this.#queue.length < this.#options.queueSize);
  }

  /** Live worker threads (diagnostics, and tests that kill one). */
  get threads(): readonly Worker[] {
    return this.#piscina.threads;
  }

  /**
   * Queues a solve. Throws {@link QueueFullError} when the queue is full (unless
   * `force`, for work accepted earlier) and {@link PoolClosedError} after `close`.
   */
  submit(problem: unknown, options: AppliedOptions, listener: SolveListener = {}, admission: { readonly force?: boolean } = {}): SolveTicket {
    return this.submitWork({ kind: "solve", problem }, options, listener, admission);
  }

  /**
   * Queues a repair of an earlier plan (`request` as the solver's `repair` takes it) in
   * the same queue as solves, with the same admission and errors as {@link submit}.
   */
  submitRepair(request: unknown, options: AppliedOptions, listener: SolveListener = {}): SolveTicket<RepairResult> {
    // The worker runs `repair` for this work, so the result it returns is a RepairResult.
    return this.submitWork({ kind: "repair", request }, options, listener, {}) as SolveTicket<RepairResult>;
  }

  /** Queues a solve or a repair as {@link submit} does (the job service stores either kind). */
  submitWork(work: SolveWork, options: AppliedOptions, listener: SolveListener = {}, admission: { readonly force?: boolean } = {}): SolveTicket {
    if (this.#closing) throw new PoolClosedError("the solve pool is shutting down");
    if (admission.force !== true && !this.hasRoom()) throw new QueueFullError(`all ${this.#options.workers} workers are busy and ${this.#queue.length} solves are waiting`);
    let settle: (outcome: SolveOutcome) => void = () => undefined;
    const outcome = new Promise<SolveOutcome>((resolve) => (settle = resolve));
    const entry: Entry = { work, options, listener, abort: new AbortController(), outcome, settle, state: "queued", threadId: null, stop: null, port: null, cancelFlag: new SharedArrayBuffer(4), timers: [] };
    this.#queue.push(entry);
    this.#pump();
    return {
      outcome,
      cancel: () => this.#cancel(entry),
      get threadId() {
        return entry.threadId;
      },
    };
  }

  /**
   * Stops taking work: waiting solves end as `stopped` at once, running ones get
   * `graceMs` to finish, then their threads are terminated (`stopped`). Resolves when
   * every worker thread is gone.
   */
  async close(graceMs: number): Promise<void> {
    this.#closing = true;
    for (const entry of this.#queue.splice(0)) this.#finish(entry, { kind: "stopped" });
    const running = [...this.#running];
    const grace = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([Promise.all(running.map((e) => e.outcome)), grace]);
    await Promise.all(
      [...this.#running].map(async (entry) => {
        entry.stop ??= "shutdown"; // a cancel already under way stays a cancel
        await this.#terminate(entry);
        return entry.outcome;
      }),
    );
    await this.#piscina.destroy();
  }

  #pump(): void {
    while (!this.#closing && this.#running.size < this.#options.workers) {
      const entry = this.#queue.shift();
      if (entry === undefined) return;
      this.#start(entry);
    }
  }

  #start(entry: Entry): void {
    entry.state = "running";
    this.#running.add(entry);
    const channel = new MessageChannel();
    entry.port = channel.port1;
    channel.port1.on("message", (message: WorkerMessage) => this.#onMessage(entry, message));
    const hungAfterMs = (entry.options.timeLimitSeconds + this.#options.watchdogSlackSeconds) * 1000;
    entry.timers.push(
      setTimeout(() => {
        entry.stop ??= "watchdog";
        void this.#terminate(entry);
      }, hungAfterMs),
    );
    const task: SolveTaskInput = { work: entry.work, options: entry.options, port: channel.port2, cancelFlag: entry.cancelFlag };
    this.#piscina.run(task, { transferList: [channel.port2], signal: entry.abort.signal }).then(
      (output) => this.#finish(entry, fromOutput(entry, output)),
      (error: unknown) => this.#finish(entry, fromFailure(entry, error)),
    );
  }

  #onMessage(entry: Entry, message: WorkerMessage): void {
    if (message.type === "started") {
      entry.threadId = message.threadId;
      entry.listener.onStart?.(message.threadId);
    } else {
      entry.listener.onProgress?.(message.progress);
    }
  }

  async #cancel(entry: Entry): Promise<SolveOutcome> {
    if (entry.state === "queued") {
      this.#queue.splice(this.#queue.indexOf(entry), 1);
      this.#finish(entry, { kind: "cancelled", result: null });
    } else if (entry.state === "running" && entry.stop === null) {
      entry.stop = "cancel";
      // Ask first: the solver polls its signal between steps and returns its best plan.
      // HiGHS holds the thread while it runs a MILP, so after the grace period the thread is terminated.
      Atomics.store(new Int32Array(entry.cancelFlag), 0, 1);
      entry.port?.postMessage({ type: "cancel" });
      entry.timers.push(setTimeout(() => void this.#terminate(entry), this.#options.cancelGraceMs));
    }
    return entry.outcome;
  }

  /** Terminates the entry's thread and waits for it to exit; piscina then fails the task and starts a fresh thread. */
  async #terminate(entry: Entry): Promise<void> {
    if (entry.state !== "running") return;
    const worker = entry.threadId === null ? undefined : this.#piscina.threads.find((t) => t.threadId === entry.threadId);
    if (worker !== undefined) await worker.terminate();
    // Not started yet as far as we know (the thread is still loading): piscina's abort drops or terminates it.
    else entry.abort.abort();
  }

  #finish(entry: Entry, outcome: SolveOutcome): void {
    if (entry.state === "done") return;
    if (entry.port !== null) {
      // Deliver what the worker posted before it returned, so `onStart` always precedes the outcome.
      for (let m = receiveMessageOnPort(entry.port); m !== undefined; m = receiveMessageOnPort(entry.port)) this.#onMessage(entry, m.message as WorkerMessage);
      entry.port.close();
    }
    for (const timer of entry.timers) clearTimeout(timer);
    entry.state = "done";
    this.#running.delete(entry);
    entry.settle(outcome);
    this.#pump();
  }
}

function fromOutput(entry: Entry, output: SolveTaskOutput): SolveOutcome {
  if (entry.stop === "cancel") return { kind: "cancelled", result: output.ok ? output.result : null };
  return output.ok ? { kind: "solved", result: output.result } : { kind: "error", error: output.error };
}

function fromFailure(entry: Entry, error: unknown): SolveOutcome {
  const message = error instanceof Error ? error.message : String(error);
  switch (entry.stop) {
    case "cancel":
      return { kind: "cancelled", result: null };
    case "watchdog":
      return { kind: "overran", message: `the solve ran past its time limit of ${entry.options.timeLimitSeconds} s and was stopped` };
    case "shutdown":
      return { kind: "stopped" };
    default:
      return { kind: "crashed", message: `the worker thread died: ${message}` };
  }
}
