import { afterEach, expect, test } from "vitest";
import type { ShootplanApp } from "../src/app.js";
import { jobSchema } from "../src/schemas/response-schemas.js";
import { expectValidPlan } from "./helpers/problem-assertions.js";
import { lifecycle, parseSse, slowProblem, testApp, tinyProblem, waitFor } from "./helpers/test-app.js";

let app: ShootplanApp;
afterEach(() => app.close());

async function submit(problem: unknown, options: Record<string, unknown> = {}): Promise<string> {
  return (await app.inject({ method: "POST", url: "/v1/jobs", payload: { problem, options } })).json<{ id: string }>().id;
}

const finished = (id: string) =>
  waitFor(async () => {
    const job = jobSchema.parse((await app.inject({ method: "GET", url: `/v1/jobs/${id}` })).json());
    return job.finishedAt === null ? undefined : job;
  }, 30_000, `job ${id} to finish`);

/** Terminates the worker thread running `jobId` once it is solving, as an out-of-memory kill or native crash would. */
async function killWorkerOf(jobId: string): Promise<void> {
  const threadId = await waitFor(() => app.jobs.runningThreadId(jobId) ?? undefined, 15_000, "the solve to start");
  await new Promise((r) => setTimeout(r, 300));
  const worker = app.solvePool.threads.find((t) => t.threadId === threadId);
  expect(worker).toBeDefined();
  await worker?.terminate();
}

test("a worker killed mid-solve fails only that job (out of attempts); the next job succeeds", async () => {
  app = testApp({ maxAttempts: 1 });
  const doomed = await submit(slowProblem, { timeLimitSeconds: 30 });
  const waiting = await submit(tinyProblem);
  await killWorkerOf(doomed);
  const failed = await finished(doomed);
  expect(failed).toMatchObject({ status: "failed", attempts: 1, error: { code: "SERVER_ERR_WORKER_CRASHED" } });
  // The job queued behind it, and one submitted afterwards, run on the replacement thread.
  const after = await submit(tinyProblem);
  for (const id of [waiting, after]) {
    const job = await finished(id);
    expect(job.status).toBe("completed");
    expectValidPlan(tinyProblem, job.result?.plan);
  }
  expect((await app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
});

test("a worker killed mid-solve is retried while attempts remain, and the retry completes", async () => {
  app = testApp({ maxAttempts: 2 });
  const id = await submit(slowProblem, { timeLimitSeconds: 1.5 });
  await killWorkerOf(id);
  const job = await finished(id);
  expect(job).toMatchObject({ status: "completed", attempts: 2, error: null });
  const events = parseSse((await app.inject({ method: "GET", url: `/v1/jobs/${id}/events` })).body);
  expect(lifecycle(events)).toEqual(["queued", "started", "queued", "started", "finished"]);
  expect(events.filter((e) => e.event === "queued")[1]?.data).toMatchObject({ attempt: 2, reason: "worker died" });
});
