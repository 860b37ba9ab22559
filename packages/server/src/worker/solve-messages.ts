import type { MessagePort } from "node:worker_threads";
import type { Plan, SolveResult } from "@shootplan/solver";

/**
 * What crosses the thread boundary between the HTTP thread and a solve worker.
 * Everything here is structured-cloned, so it is plain data: errors travel as
 * {@link SolveFailure} (a cloned Error would lose its class and `code`).
 */

/** Solve options as applied by the server: the request's, with `timeLimitSeconds` capped and always set. */
export interface AppliedOptions {
  readonly backend?: "highs" | "jslp";
  /** Wall-clock limit in seconds, already capped by the server. */
  readonly timeLimitSeconds: number;
  readonly relativeGap?: number;
  readonly seed?: number;
  readonly strategy?: "auto" | "mip" | "lns";
  readonly iterationLimit?: number | null;
}

/**
 * What a worker runs: a solve of `problem`, or a repair of an earlier plan (`request`
 * is the solver's repair request: `{ problem, earlierPlan, pinnedShoots, changePenalty }`).
 * Both are raw JSON: the solver validates them again in the worker.
 */
export type SolveWork = { readonly kind: "solve"; readonly problem: unknown } | { readonly kind: "repair"; readonly request: unknown };

/**
 * One task for a worker. `port` is the task's private channel (started and progress
 * out, cancel in). `cancelFlag` is 4 bytes of memory shared with the HTTP thread,
 * set to 1 on cancel: the solver runs synchronously, so the worker's event loop
 * cannot deliver the cancel message until it returns, but the solver polls
 * `signal.aborted`, and the worker's signal reads this flag.
 */
export interface SolveTaskInput {
  readonly work: SolveWork;
  readonly options: AppliedOptions;
  readonly port: MessagePort;
  readonly cancelFlag: SharedArrayBuffer;
}

/** Why a solve threw: the solver's error code (`SCHED_ERR_*`) and message, plus issues for invalid input. */
export interface SolveFailure {
  readonly name: string;
  readonly code: string;
  readonly message: string;
  readonly issues?: readonly { readonly code: string; readonly path: readonly (string | number)[]; readonly message: string }[];
}

/** For a repair, `result` is the solver's `RepairResult` (a `SolveResult` plus the changes). */
export type SolveTaskOutput = { readonly ok: true; readonly result: SolveResult } | { readonly ok: false; readonly error: SolveFailure };

/**
 * Best so far while a solve runs: the cost of the best plan found and the best lower
 * bound (problem's currency), their gap as a fraction, `seconds` since the solve
 * started. `plan` stays null while the solver reports costs only (it does today); the
 * plan itself arrives with the result.
 */
export interface SolveProgress {
  readonly cost: number | null;
  /** A repair's cost plus its change penalties, which `lowerBound` and `gap` are about; absent for a solve. */
  readonly objective?: number | null;
  readonly lowerBound: number | null;
  readonly gap: number | null;
  readonly seconds: number;
  readonly plan: Plan | null;
}

/** Worker to HTTP thread. `started` carries the worker's threadId so the pool can stop exactly that thread. */
export type WorkerMessage = { readonly type: "started"; readonly threadId: number } | { readonly type: "progress"; readonly progress: SolveProgress };

/** HTTP thread to worker: stop at the next chance and return the best plan found. */
export type ControlMessage = { readonly type: "cancel" };
