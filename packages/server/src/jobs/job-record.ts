import type { SolveResult } from "@shootplan/solver";
import type { AppliedOptions, SolveProgress } from "../worker/solve-messages.js";

/**
 * Life of a job: `queued` → `running` → `completed` | `failed` | `cancelled`.
 * A worker crash or a restart mid-solve sends a running job back to `queued` while
 * it has attempts left. `completed` means the solver answered, whatever its status
 * (optimal, feasible, infeasible or timeout); `failed` means it could not answer.
 */
export type JobStatus = "queued" | "running" | "completed" | "failed" | "cancelled";

/** Statuses a job never leaves. */
export const finishedStatuses: ReadonlySet<JobStatus> = new Set(["completed", "failed", "cancelled"]);

/** Why a job failed: a stable code (`SCHED_ERR_*` from the solver, `SERVER_ERR_*` from the server) and a sentence. */
export interface JobError {
  readonly code: string;
  readonly message: string;
}

/** What a job runs: a solve of its problem, or a repair of an earlier plan for it. */
export type JobKind = "solve" | "repair";

/**
 * What a repair job keeps besides its problem: the rest of the solver's repair request
 * (validated, as submitted).
 */
export interface RepairFields {
  readonly earlierPlan: unknown;
  readonly pinnedShoots: readonly string[];
  readonly changePenalty: number;
}

/** A job as stored. Times are milliseconds since the Unix epoch. */
export interface JobRecord {
  /** Insertion order, used for listing and paging. */
  readonly seq: number;
  readonly id: string;
  readonly kind: JobKind;
  /** API-key fingerprint of the submitter, null when authentication is off; other keys cannot see the job. */
  readonly owner: string | null;
  readonly status: JobStatus;
  readonly options: AppliedOptions;
  readonly attempts: number;
  readonly createdAt: number;
  readonly startedAt: number | null;
  readonly finishedAt: number | null;
  /** Best plan so far while running (checkpointed from progress reports). */
  readonly progress: SolveProgress | null;
  /** The solver's answer once completed (or the best answer at cancellation); a `RepairResult` for a repair. */
  readonly result: SolveResult | null;
  readonly error: JobError | null;
}

/** `queued`: accepted or re-queued; `started`: a worker took it; `progress`: a better plan or bound; `finished`: it ended. */
export type JobEventType = "queued" | "started" | "progress" | "finished";

/** One entry of a job's event log, replayed to SSE clients; `seq` counts from 1 per job and is the SSE `id`. */
export interface JobEvent {
  readonly seq: number;
  readonly type: JobEventType;
  readonly data: Readonly<Record<string, unknown>>;
  /** When it happened, ms since the epoch. */
  readonly at: number;
}
