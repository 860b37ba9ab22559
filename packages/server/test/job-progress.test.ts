import type { FastifyBaseLogger } from "fastify";
import { expect, test } from "vitest";
import { JobService } from "../src/jobs/job-service.js";
import { JobStore } from "../src/jobs/job-store.js";
import type { SolveProgress } from "../src/worker/solve-messages.js";
import type { SolveListener, SolveOutcome, SolvePool, SolveTicket } from "../src/worker/solve-pool.js";

/**
 * Progress reports are wired through to the job: a pool stand-in plays a solver that
 * reports two improving plans and is then cancelled.
 */
class ScriptedPool {
  listener: SolveListener = {};
  settle: (outcome: SolveOutcome) => void = () => undefined;
  hasRoom(): boolean {
    return true;
  }
  submitWork(_work: unknown, _options: unknown, listener: SolveListener): SolveTicket {
    this.listener = listener;
    const outcome = new Promise<SolveOutcome>((resolve) => (this.settle = resolve));
    return { outcome, threadId: 7, cancel: () => (this.settle({ kind: "cancelled", result: null }), outcome) };
  }
  async close(): Promise<void> {}
}

const silent = { info() {}, warn() {}, error() {}, debug() {}, child: () => silent } as unknown as FastifyBaseLogger;
const plan = { shoots: [], dropped: [], rentals: [] };

test("progress reports become progress events and the job's best plan so far, which a cancel returns", async () => {
  const pool = new ScriptedPool();
  const store = new JobStore(":memory:");
  const jobs = new JobService({ store, pool: pool as unknown as SolvePool, log: silent, maxAttempts: 2, ttlSeconds: 60 });
  const job = jobs.submit({ problem: {}, options: { timeLimitSeconds: 30 }, owner: null });
  const seen: string[] = [];
  jobs.subscribe(job.id, (event) => seen.push(`${event.seq}:${event.type}`));
  pool.listener.onStart?.(7);
  const better: SolveProgress = { cost: 900, lowerBound: 800, gap: 1 / 9, seconds: 2.5, plan };
  pool.listener.onProgress?.({ cost: 1000, lowerBound: 700, gap: 0.3, seconds: 1, plan });
  pool.listener.onProgress?.(better);
  expect(jobs.get(job.id, null)?.progress).toEqual(better);
  const cancelled = await jobs.cancel(jobs.get(job.id, null) as NonNullable<ReturnType<typeof jobs.get>>);
  expect(cancelled).toMatchObject({ status: "cancelled", progress: better, result: null });
  expect(seen).toEqual(["2:started", "3:progress", "4:progress", "5:finished"]);
  expect(jobs.events(job.id, 2)[1]).toMatchObject({ type: "progress", data: { cost: 900, lowerBound: 800, seconds: 2.5 } });
  store.close();
});
