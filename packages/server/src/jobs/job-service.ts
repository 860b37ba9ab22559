import { randomUUID } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import type { RepairResult, SolveResult } from "@shootplan/solver";
import type { AppliedOptions, SolveProgress } from "../worker/solve-messages.js";
import { PoolClosedError, QueueFullError, type SolveOutcome, type SolvePool, type SolveTicket } from "../worker/solve-pool.js";
import { JobEventHub, type JobEventListener } from "./job-event-hub.js";
import { finishedStatuses, type JobError, type JobEvent, type JobEventType, type JobRecord, type JobStatus, type RepairFields } from "./job-record.js";
import type { JobPage, JobStore } from "./job-store.js";

export interface JobServiceOptions {
  readonly store: JobStore;
  readonly pool: SolvePool;
  readonly log: FastifyBaseLogger;
  /** Runs a job gets when its worker dies or the server restarts mid-solve. */
  readonly maxAttempts: number;
  /** Seconds a finished job is kept. */
  readonly ttlSeconds: number;
}

/** The job has ended; it can no longer be cancelled. */
export class JobFinishedError extends Error {
  override readonly name = "JobFinishedError";
  constructor(readonly job: JobRecord) {
    super(`job ${job.id} has already ${job.status === "cancelled" ? "been cancelled" : job.status === "failed" ? "failed" : "completed"}`);
  }
}

/** A solve-outcome summary carried by `finished` events and job lists; a repair's adds its objective, which its bound and gap are about. */
export function resultSummary(result: SolveResult | null): { status: SolveResult["status"]; cost: number | null; objective?: number | null; lowerBound: number | null; gap: number | null } | null {
  if (result === null) return null;
  const objective = "objective" in result ? { objective: (result as RepairResult).objective } : {};
  return { status: result.status, cost: result.cost, ...objective, lowerBound: result.lowerBound, gap: result.gap };
}

/**
 * Durable solve jobs: every state change is written to the store first, then
 * announced on the event log (store) and hub (live SSE). Runs jobs on the solve
 * pool, retries those whose worker died, resumes unfinished ones after a restart,
 * and forgets finished ones after the TTL.
 */
export class JobService {
  readonly hub = new JobEventHub();
  readonly #store: JobStore;
  readonly #pool: SolvePool;
  readonly #log: FastifyBaseLogger;
  readonly #maxAttempts: number;
  readonly #ttlMs: number;
  readonly #tickets = new Map<string, SolveTicket>();
  /** Per running job: settles once its outcome has been stored and announced. */
  readonly #settled = new Map<string, Promise<void>>();
  #closing = false;
  #sweeper: NodeJS.Timeout | null = null;

  constructor(options: JobServiceOptions) {
    this.#store = options.store;
    this.#pool = options.pool;
    this.#log = options.log;
    this.#maxAttempts = options.maxAttempts;
    this.#ttlMs = options.ttlSeconds * 1000;
  }

  /**
   * Resumes what a previous process left: jobs that were running count that run as
   * an attempt (it may be what killed the process) and fail once out of attempts.
   * Then starts the TTL sweeper. Returns how many jobs were queued again.
   */
  start(): number {
    this.sweep();
    this.#sweeper = setInterval(() => this.sweep(), Math.min(this.#ttlMs / 2, 60_000));
    this.#sweeper.unref();
    let resumed = 0;
    for (const job of this.#store.unfinished()) {
      if (job.status === "running" && job.attempts >= this.#maxAttempts) {
        this.#end(job.id, "failed", null, { code: "SERVER_ERR_INTERRUPTED", message: `The server stopped during each of this job's ${job.attempts} runs.` });
        continue;
      }
      if (job.status === "running") this.#store.requeue(job.id);
      this.#emit(job.id, "queued", { attempt: job.attempts + 1, reason: "server restarted" });
      this.#run(job.id, true);
      resumed++;
    }
    if (resumed > 0) this.#log.info({ resumed }, "resumed unfinished jobs");
    return resumed;
  }

  /**
   * Stores a new job and queues it: a solve of `problem`, or with `repair` (the rest of a
   * validated repair request) a repair of an earlier plan for it. Throws
   * {@link QueueFullError} or {@link PoolClosedError} before storing anything.
   */
  submit(request: { readonly problem: unknown; readonly repair?: RepairFields; readonly options: AppliedOptions; readonly owner: string | null }): JobRecord {
    if (this.#closing) throw new PoolClosedError("the server is shutting down");
    if (!this.#pool.hasRoom()) throw new QueueFullError("the solve queue is full");
    const job = this.#store.insert({ id: randomUUID(), owner: request.owner, problem: request.problem, ...(request.repair === undefined ? {} : { repair: request.repair }), options: request.options, createdAt: Date.now() });
    this.#log.info({ jobId: job.id, kind: job.kind, timeLimitSeconds: job.options.timeLimitSeconds }, "job queued");
    this.#emit(job.id, "queued", { attempt: 1 });
    this.#run(job.id, false);
    return job;
  }

  /** The job if it exists, is visible to `owner` and has not expired. */
  get(id: string, owner: string | null): JobRecord | null {
    const job = this.#store.get(id);
    if (job === null || (owner !== null && job.owner !== owner) || this.#expired(job)) return null;
    return job;
  }

  /** The problem a job was submitted with (validated, defaults applied): what its plan is read against. */
  problem(job: JobRecord): unknown {
    return this.#store.problem(job.id);
  }

  list(query: { readonly owner: string | null; readonly status?: JobStatus; readonly limit: number; readonly cursor?: number }): JobPage {
    return this.#store.list(query);
  }

  /**
   * Cancels a queued or running job and resolves once its worker has stopped, with
   * the job as stored then (its best plan so far, if any). Throws
   * {@link JobFinishedError} when it had already ended.
   */
  async cancel(job: JobRecord): Promise<JobRecord> {
    if (finishedStatuses.has(job.status)) throw new JobFinishedError(job);
    const ticket = this.#tickets.get(job.id);
    if (ticket === undefined) {
      // Not on the pool (cannot normally happen): nothing to stop.
      this.#end(job.id, "cancelled", null, null);
    } else {
      this.#log.info({ jobId: job.id }, "job cancel requested");
      const settled = this.#settled.get(job.id);
      await ticket.cancel();
      await settled;
    }
    return this.#store.get(job.id) as JobRecord;
  }

  /** Stored events after `afterSeq`. */
  events(jobId: string, afterSeq: number): JobEvent[] {
    return this.#store.events(jobId, afterSeq);
  }

  /** The id of the job's latest event; 0 before its first. */
  lastEventSeq(jobId: string): number {
    return this.#store.lastEventSeq(jobId);
  }

  subscribe(jobId: string, listener: JobEventListener): () => void {
    return this.hub.subscribe(jobId, listener);
  }

  /** Worker thread running the job, null when it is not running (diagnostics and tests). */
  runningThreadId(jobId: string): number | null {
    return this.#tickets.get(jobId)?.threadId ?? null;
  }

  /** Deletes finished jobs older than the TTL; returns how many. */
  sweep(): number {
    const removed = this.#store.deleteFinishedBefore(Date.now() - this.#ttlMs);
    if (removed > 0) this.#log.info({ removed }, "expired finished jobs");
    return removed;
  }

  /**
   * Stops taking jobs, gives running solves `graceMs` to finish, then stops their
   * workers. Jobs stopped this way stay queued in the store (their progress
   * checkpointed) and run again after a restart, without losing an attempt.
   */
  async close(graceMs: number): Promise<void> {
    this.#closing = true;
    if (this.#sweeper !== null) clearInterval(this.#sweeper);
    await this.#pool.close(graceMs);
    await Promise.all(this.#settled.values());
  }

  #run(jobId: string, force: boolean): void {
    const options = (this.#store.get(jobId) as JobRecord).options;
    const work = this.#store.work(jobId) ?? { kind: "solve", problem: null };
    const ticket = this.#pool.submitWork(work, options, { onStart: (threadId) => this.#onStart(jobId, threadId), onProgress: (progress) => this.#onProgress(jobId, progress) }, { force });
    this.#tickets.set(jobId, ticket);
    this.#settled.set(
      jobId,
      ticket.outcome.then((outcome) => {
        this.#tickets.delete(jobId);
        this.#settled.delete(jobId);
        this.#onOutcome(jobId, outcome);
      }),
    );
  }

  #onStart(jobId: string, threadId: number): void {
    // Only a queued job can start; anything else would be a message out of order, and must not resurrect a finished job.
    if (!this.#store.markRunning(jobId, Date.now())) return;
    const attempt = this.#store.get(jobId)?.attempts ?? 1;
    this.#log.info({ jobId, threadId, attempt }, "job started");
    this.#emit(jobId, "started", { attempt });
  }

  #onProgress(jobId: string, progress: SolveProgress): void {
    this.#store.saveProgress(jobId, progress);
    // The event carries the snapshot without the plan (cost, a repair's objective, bound, gap, seconds).
    const { plan: _plan, ...summary } = progress;
    this.#emit(jobId, "progress", summary);
  }

  #onOutcome(jobId: string, outcome: SolveOutcome): void {
    const job = this.#store.get(jobId);
    if (job === null) return;
    switch (outcome.kind) {
      case "solved":
        return this.#end(jobId, "completed", outcome.result, null);
      case "error":
        return this.#end(jobId, "failed", null, { code: outcome.error.code, message: outcome.error.message });
      case "cancelled":
        return this.#end(jobId, "cancelled", outcome.result, null);
      case "overran":
        // A solve that ignored its time limit would hang again: no retry.
        return this.#end(jobId, "failed", null, { code: "SERVER_ERR_SOLVE_OVERRAN", message: outcome.message });
      case "crashed":
        if (job.attempts < this.#maxAttempts && !this.#closing) {
          this.#log.warn({ jobId, attempt: job.attempts, reason: outcome.message }, "job worker died; retrying");
          this.#store.requeue(jobId);
          this.#emit(jobId, "queued", { attempt: job.attempts + 1, reason: "worker died" });
          return this.#run(jobId, true);
        }
        return this.#end(jobId, "failed", null, { code: "SERVER_ERR_WORKER_CRASHED", message: `${outcome.message} (attempt ${job.attempts} of ${this.#maxAttempts})` });
      case "stopped":
        // Shutdown: keep it queued for the next process, and do not count the interrupted run.
        this.#store.requeue(jobId);
        if (job.status === "running") this.#store.refundAttempt(jobId);
        this.#log.info({ jobId }, "job left queued for the next start");
        return;
    }
  }

  #end(jobId: string, status: "completed" | "failed" | "cancelled", result: SolveResult | null, error: JobError | null): void {
    this.#store.finish(jobId, { status, result, error, finishedAt: Date.now() });
    const level = status === "failed" ? "error" : "info";
    this.#log[level]({ jobId, status, solveStatus: result?.status, cost: result?.cost, seconds: result?.seconds, error }, "job finished");
    this.#emit(jobId, "finished", { status, result: resultSummary(result), error });
  }

  #emit(jobId: string, type: JobEventType, data: Record<string, unknown>): void {
    this.hub.publish(jobId, this.#store.appendEvent(jobId, type, data, Date.now()));
  }

  #expired(job: JobRecord): boolean {
    return job.finishedAt !== null && job.finishedAt < Date.now() - this.#ttlMs;
  }
}
