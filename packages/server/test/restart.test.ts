import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import type { ShootplanApp } from "../src/app.js";
import { JobStore } from "../src/jobs/job-store.js";
import { jobSchema } from "../src/schemas/response-schemas.js";
import { expectValidPlan } from "./helpers/problem-assertions.js";
import { lifecycle, parseSse, slowProblem, testApp, tinyProblem, waitFor } from "./helpers/test-app.js";

const dir = mkdtempSync(join(tmpdir(), "shootplan-restart-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const getJob = async (app: ShootplanApp, id: string) => jobSchema.parse((await app.inject({ method: "GET", url: `/v1/jobs/${id}` })).json());
const submit = async (app: ShootplanApp, problem: unknown, options: Record<string, unknown> = {}) => (await app.inject({ method: "POST", url: "/v1/jobs", payload: { problem, options } })).json<{ id: string }>().id;
const finished = (app: ShootplanApp, id: string) =>
  waitFor(async () => {
    const job = await getJob(app, id);
    return job.finishedAt === null ? undefined : job;
  }, 30_000, `job ${id} to finish`);

test("after a restart on the same store, finished jobs are served and interrupted or queued jobs run again", async () => {
  const dbPath = join(dir, "graceful.sqlite");
  const first = testApp({ dbPath, shutdownGraceSeconds: 0 });
  const done = await submit(first, tinyProblem);
  const before = await finished(first, done);
  const interrupted = await submit(first, slowProblem, { timeLimitSeconds: 1.5 });
  const queued = await submit(first, tinyProblem);
  await waitFor(() => first.jobs.runningThreadId(interrupted) ?? undefined, 15_000, "the slow job to start");
  await first.close(); // no grace: the running solve is stopped and stays queued

  const second = testApp({ dbPath });
  try {
    expect(await getJob(second, done)).toEqual(before);
    expectValidPlan(tinyProblem, before.result?.plan);
    const resumed = await finished(second, interrupted);
    // A graceful shutdown does not cost the job an attempt.
    expect(resumed).toMatchObject({ status: "completed", attempts: 1 });
    expect((await finished(second, queued)).status).toBe("completed");
    const events = parseSse((await second.inject({ method: "GET", url: `/v1/jobs/${interrupted}/events` })).body);
    expect(lifecycle(events)).toEqual(["queued", "started", "queued", "started", "finished"]);
    expect(events.filter((e) => e.event === "queued")[1]?.data).toMatchObject({ reason: "server restarted" });
  } finally {
    await second.close();
  }
});

test("after a crash, a job that was running is re-run, and one that was running at every crash fails", async () => {
  const dbPath = join(dir, "crash.sqlite");
  // Write what a process killed mid-solve leaves behind: jobs marked running.
  const store = new JobStore(dbPath);
  const once = store.insert({ id: "crashed-once", owner: null, problem: tinyProblem, options: { timeLimitSeconds: 10 }, createdAt: Date.now() });
  store.markRunning(once.id, Date.now());
  const twice = store.insert({ id: "crashed-twice", owner: null, problem: tinyProblem, options: { timeLimitSeconds: 10 }, createdAt: Date.now() });
  store.markRunning(twice.id, Date.now());
  store.requeue(twice.id); // resumed after the first crash...
  store.markRunning(twice.id, Date.now()); // ...and running again at the second
  store.close();

  const app = testApp({ dbPath, maxAttempts: 2 });
  try {
    expect(await finished(app, "crashed-once")).toMatchObject({ status: "completed", attempts: 2 });
    expect(await getJob(app, "crashed-twice")).toMatchObject({ status: "failed", attempts: 2, error: { code: "SERVER_ERR_INTERRUPTED" } });
  } finally {
    await app.close();
  }
});
