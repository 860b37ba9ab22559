import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ShootplanApp } from "../src/app.js";
import { jobAcceptedSchema, jobListSchema, jobSchema } from "../src/schemas/response-schemas.js";
import { expectProblem, expectValidPlan } from "./helpers/problem-assertions.js";
import { slowProblem, testApp, tinyProblem, waitFor } from "./helpers/test-app.js";

async function submit(app: ShootplanApp, problem: unknown, options: Record<string, unknown> = {}): Promise<string> {
  const response = await app.inject({ method: "POST", url: "/v1/jobs", payload: { problem, options } });
  expect(response.statusCode).toBe(202);
  return jobAcceptedSchema.parse(response.json()).id;
}

async function getJob(app: ShootplanApp, id: string): Promise<ReturnType<typeof jobSchema.parse>> {
  const response = await app.inject({ method: "GET", url: `/v1/jobs/${id}` });
  expect(response.statusCode).toBe(200);
  return jobSchema.parse(response.json());
}

const finished = (app: ShootplanApp, id: string) =>
  waitFor(async () => {
    const job = await getJob(app, id);
    return job.finishedAt === null ? undefined : job;
  }, 20_000, `job ${id} to finish`);

/** Apps are few and shared (each one starts a worker thread that loads the solver). */
function sharedApp(config: Parameters<typeof testApp>[0]): { readonly app: ShootplanApp } {
  const holder = { app: undefined as unknown as ShootplanApp };
  beforeAll(async () => {
    holder.app = testApp(config);
    await holder.app.ready();
  });
  afterAll(() => holder.app.close());
  return holder;
}

describe("job resource", () => {
  const shared = sharedApp({ jobTimeLimitSeconds: 20, cancelGraceMs: 1000 });

  test("POST /v1/jobs answers 202 with id, status, links and Location; the job completes with a checked plan", async () => {
    const { app } = shared;
    const response = await app.inject({ method: "POST", url: "/v1/jobs", payload: { problem: tinyProblem, options: { timeLimitSeconds: 15 } } });
    expect(response.statusCode).toBe(202);
    const accepted = jobAcceptedSchema.parse(response.json());
    expect(accepted.status).toBe("queued");
    expect(accepted.links).toEqual({ self: `/v1/jobs/${accepted.id}`, events: `/v1/jobs/${accepted.id}/events` });
    expect(response.headers["location"]).toBe(accepted.links.self);
    const job = await finished(app, accepted.id);
    expect(job).toMatchObject({ status: "completed", attempts: 1, error: null, options: { timeLimitSeconds: 15 } });
    expect(job.result?.status).toBe("optimal");
    expect(job.runSeconds).toBeGreaterThanOrEqual(0);
    expect(Date.parse(job.expiresAt ?? "") - Date.parse(job.finishedAt ?? "")).toBe(86_400_000);
    expectValidPlan(tinyProblem, job.result?.plan);
  });

  test("a job's time limit defaults to the solver's 30 s and is capped by configuration", async () => {
    const { app } = shared;
    const defaulted = await submit(app, tinyProblem, {});
    const capped = await submit(app, tinyProblem, { timeLimitSeconds: 999 });
    expect((await getJob(app, defaulted)).options.timeLimitSeconds).toBe(20);
    expect((await getJob(app, capped)).options.timeLimitSeconds).toBe(20);
    await finished(app, capped);
  });

  test("unknown jobs are 404 for every job route", async () => {
    for (const [method, url] of [["GET", "/v1/jobs/nope"], ["DELETE", "/v1/jobs/nope"], ["GET", "/v1/jobs/nope/events"]] as const) {
      const document = expectProblem(await shared.app.inject({ method, url }), 404, "SERVER_ERR_NOT_FOUND");
      expect(document.jobId).toBe("nope");
    }
  });

  test("DELETE stops a solve busy in HiGHS at once: the MILP's own thread is ended, the pool's thread is kept", async () => {
    const { app } = shared;
    const id = await submit(app, slowProblem, { timeLimitSeconds: 20, strategy: "mip" });
    const threadId = await waitFor(() => app.jobs.runningThreadId(id) ?? undefined, 15_000, "the solve to start");
    // Let the worker get past model building into HiGHS (the example's MILP takes seconds to prove).
    await new Promise((r) => setTimeout(r, 1500));
    const started = Date.now();
    const response = await app.inject({ method: "DELETE", url: `/v1/jobs/${id}` });
    expect(response.statusCode).toBe(200);
    // The long MILP runs in a thread of its own, which the signal terminates: the solver
    // answers within the grace period (1 s here), and its pool thread lives on.
    expect(Date.now() - started).toBeLessThan(1000);
    expect(app.solvePool.threads.map((t) => t.threadId)).toContain(threadId);
    expect(app.solvePool.stats.running).toBe(0);
    const job = jobSchema.parse(response.json());
    expect(job).toMatchObject({ status: "cancelled", error: null });
    // The solver's own answer: a plan it had found (from HiGHS' first quarter second) or none.
    expect(job.result).not.toBeNull();
    if (job.result?.plan != null) expectValidPlan(slowProblem, job.result.plan);
    expect((await getJob(app, id)).status).toBe("cancelled");
  });

  test("DELETE stops a large-neighbourhood search at its next step and returns its best plan so far", async () => {
    const { app } = shared;
    const id = await submit(app, slowProblem, { timeLimitSeconds: 20, strategy: "lns" });
    await waitFor(() => (app.jobs.get(id, null)?.progress?.cost == null ? undefined : true), 15_000, "a first plan");
    const threadId = app.jobs.runningThreadId(id);
    const job = jobSchema.parse((await app.inject({ method: "DELETE", url: `/v1/jobs/${id}` })).json());
    expect(job.status).toBe("cancelled");
    expect(job.result?.status).toBe("feasible");
    expectValidPlan(slowProblem, job.result?.plan);
    expect(job.result?.cost).toBeLessThanOrEqual(job.progress?.cost ?? Number.NaN);
    // It stopped by itself: the thread was not terminated.
    expect(app.solvePool.threads.map((t) => t.threadId)).toContain(threadId);
  });

  test("DELETE cancels a queued job at once, and a finished job is a 409", async () => {
    const { app } = shared;
    const running = await submit(app, slowProblem, { timeLimitSeconds: 20 });
    const queued = await submit(app, tinyProblem);
    expect((await getJob(app, queued)).status).toBe("queued");
    const cancelled = jobSchema.parse((await app.inject({ method: "DELETE", url: `/v1/jobs/${queued}` })).json());
    expect(cancelled).toMatchObject({ status: "cancelled", attempts: 0, startedAt: null });
    expectProblem(await app.inject({ method: "DELETE", url: `/v1/jobs/${queued}` }), 409, "SERVER_ERR_JOB_FINISHED");
    await app.inject({ method: "DELETE", url: `/v1/jobs/${running}` });
  });
});

describe("listing", () => {
  const shared = sharedApp({});

  test("GET /v1/jobs lists newest first, filters by status and pages with cursors", async () => {
    const { app } = shared;
    const ids = [await submit(app, tinyProblem), await submit(app, tinyProblem), await submit(app, tinyProblem)];
    for (const id of ids) await finished(app, id);
    const first = jobListSchema.parse((await app.inject({ method: "GET", url: "/v1/jobs?limit=2" })).json());
    expect(first.jobs.map((j) => j.id)).toEqual([ids[2], ids[1]]);
    expect(first.jobs[0]?.result).toEqual({ status: "optimal", cost: 2000, lowerBound: 2000, gap: 0 });
    const second = jobListSchema.parse((await app.inject({ method: "GET", url: `/v1/jobs?limit=2&cursor=${first.nextCursor}` })).json());
    expect(second).toEqual({ jobs: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    const failedOnly = jobListSchema.parse((await app.inject({ method: "GET", url: "/v1/jobs?status=failed" })).json());
    expect(failedOnly.jobs).toEqual([]);
    expectProblem(await app.inject({ method: "GET", url: "/v1/jobs?limit=0&colour=red" }), 400, "SERVER_ERR_REQUEST_INVALID");
    // From the HTTP audit: coercion read "" as 0 and hex or exponent forms as numbers.
    for (const limit of ["", "0x2", "2e0", " 2"]) {
      const document = expectProblem(await app.inject({ method: "GET", url: `/v1/jobs?limit=${encodeURIComponent(limit)}` }), 400, "SERVER_ERR_REQUEST_INVALID");
      expect(document.issues).toEqual([expect.objectContaining({ in: "querystring", path: ["limit"] })]);
    }
  });

  test("finished jobs are gone once the TTL (a day by default) has passed, even before the sweeper runs", async () => {
    const { app } = shared;
    // A job that finished a day and a second ago, written straight into the store.
    const old = app.jobStore.insert({ id: "old-job", owner: null, problem: tinyProblem, options: { timeLimitSeconds: 1 }, createdAt: Date.now() - 90_000_000 });
    app.jobStore.finish(old.id, { status: "completed", result: null, error: null, finishedAt: Date.now() - 86_401_000 });
    expectProblem(await app.inject({ method: "GET", url: "/v1/jobs/old-job" }), 404);
    expectProblem(await app.inject({ method: "GET", url: "/v1/jobs/old-job/events" }), 404);
    expect(app.jobs.sweep()).toBe(1);
    expect(app.jobStore.get("old-job")).toBeNull();
  });
});

describe("limits", () => {
  test("a full queue answers 503 with Retry-After and stores nothing", async () => {
    const app = testApp({ queueSize: 0, cancelGraceMs: 100, retryAfterSeconds: 7 });
    try {
      const busy = await submit(app, slowProblem, { timeLimitSeconds: 30 });
      const jobRefused = await app.inject({ method: "POST", url: "/v1/jobs", payload: { problem: tinyProblem } });
      expectProblem(jobRefused, 503, "SERVER_ERR_QUEUE_FULL");
      expect(jobRefused.headers["retry-after"]).toBe("7");
      expectProblem(await app.inject({ method: "POST", url: "/v1/solve", payload: { problem: tinyProblem } }), 503, "SERVER_ERR_QUEUE_FULL");
      expect(jobListSchema.parse((await app.inject({ method: "GET", url: "/v1/jobs" })).json()).jobs.map((j) => j.id)).toEqual([busy]);
      await app.inject({ method: "DELETE", url: `/v1/jobs/${busy}` });
    } finally {
      await app.close();
    }
  });
});
