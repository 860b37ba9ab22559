import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Plan } from "@shootplan/solver";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ShootplanApp } from "../src/app.js";
import { JobStore } from "../src/jobs/job-store.js";
import { jobAcceptedSchema, jobListSchema, jobSchema, repairResultSchema, solveResponseSchema } from "../src/schemas/response-schemas.js";
import { expectProblem, expectValidPlan } from "./helpers/problem-assertions.js";
import { lifecycle, parseSse, slowProblem, testApp, waitFor } from "./helpers/test-app.js";

const dir = mkdtempSync(join(tmpdir(), "shootplan-repair-jobs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const getJob = async (app: ShootplanApp, id: string) => jobSchema.parse((await app.inject({ method: "GET", url: `/v1/jobs/${id}` })).json());
const finished = (app: ShootplanApp, id: string) =>
  waitFor(async () => {
    const job = await getJob(app, id);
    return job.finishedAt === null ? undefined : job;
  }, 60_000, `job ${id} to finish`);

/** The brand-campaign example with its first shoot's assistant away all week, and the plan made before. */
function disrupted(earlierPlan: Plan): { problem: Record<string, unknown>; person: string } {
  const person = earlierPlan.shoots[0]?.crew.find((c) => c.role === "assistant")?.person;
  if (person === undefined) throw new Error("the earlier plan's first shoot has no assistant");
  const problem = structuredClone(slowProblem) as { horizon: { start: string; end: string }; crew: { id: string; unavailable?: unknown[] }[] };
  const who = problem.crew.find((c) => c.id === person);
  who!.unavailable = [...(who!.unavailable ?? []), { from: problem.horizon.start, to: problem.horizon.end }];
  return { problem: problem as unknown as Record<string, unknown>, person };
}

describe("POST /v1/repair-jobs", () => {
  let app: ShootplanApp;
  let earlierPlan: Plan;
  beforeAll(async () => {
    app = testApp({ dbPath: join(dir, "jobs.sqlite") });
    const solved = await app.inject({ method: "POST", url: "/v1/solve", payload: { problem: slowProblem, options: { relativeGap: 0.1, seed: 1 } } });
    const plan = solveResponseSchema.parse(solved.json()).result.plan;
    if (plan === null) throw new Error("the example has no plan");
    earlierPlan = plan;
  });
  afterAll(() => app.close());

  test("queues a repair, reports its progress on the objective, and ends with the repair result", async () => {
    const { problem, person } = disrupted(earlierPlan);
    const response = await app.inject({ method: "POST", url: "/v1/repair-jobs", payload: { problem, earlierPlan, changePenalty: 500, options: { timeLimitSeconds: 8, seed: 1 } } });
    expect(response.statusCode).toBe(202);
    const accepted = jobAcceptedSchema.parse(response.json());
    expect(response.headers["location"]).toBe(accepted.links.self);
    const job = await finished(app, accepted.id);
    expect(job).toMatchObject({ kind: "repair", status: "completed", options: { timeLimitSeconds: 8, seed: 1 } });
    const result = repairResultSchema.parse(job.result);
    expectValidPlan(problem, result.plan);
    expect(result.plan?.shoots.some((s) => s.crew.some((c) => c.person === person))).toBe(false);
    expect(result.changes.some((c) => c.kind === "crew_removed" && c.person === person)).toBe(true);
    expect(result.objective).toBeCloseTo((result.cost ?? 0) + 500 * (result.changedAssignments ?? 0), 2);

    const events = parseSse((await app.inject({ method: "GET", url: `/v1/jobs/${accepted.id}/events` })).body);
    expect(lifecycle(events)).toEqual(["queued", "started", "finished"]);
    const progress = events.filter((e) => e.event === "progress").map((e) => e.data as { cost: number | null; objective?: number; lowerBound: number | null; gap: number | null });
    expect(progress.some((p) => p.objective !== undefined)).toBe(true);
    for (const p of progress) {
      if (p.objective !== undefined && p.lowerBound !== null) expect(p.lowerBound).toBeLessThanOrEqual(p.objective + 1e-6);
      if (p.objective !== undefined && p.gap !== null && p.lowerBound !== null) expect(p.gap).toBeCloseTo(Math.max(0, (p.objective - p.lowerBound) / p.objective), 9);
    }
    expect(events.at(-1)?.data).toMatchObject({ status: "completed", result: { status: result.status, objective: result.objective } });

    const list = jobListSchema.parse((await app.inject({ method: "GET", url: "/v1/jobs" })).json());
    expect(list.jobs.find((j) => j.id === accepted.id)).toMatchObject({ kind: "repair", result: { objective: result.objective } });
    // The readouts read the repair's plan against the problem as it is now.
    const calendar = await app.inject({ method: "GET", url: `/v1/jobs/${accepted.id}/calendar?person=${person}` });
    expect(calendar.statusCode).toBe(200);
    expect(calendar.body).not.toContain("BEGIN:VEVENT");
  }, 90_000);

  test("an invalid repair request is a 422 listing every issue, and stores nothing", async () => {
    const before = jobListSchema.parse((await app.inject({ method: "GET", url: "/v1/jobs?limit=200" })).json()).jobs.length;
    const response = await app.inject({ method: "POST", url: "/v1/repair-jobs", payload: { problem: slowProblem, earlierPlan, pinnedShoots: ["nope", "nope"], changePenalty: 0.001 } });
    const document = expectProblem(response, 422, "SCHED_ERR_PROBLEM_INVALID");
    expect(document.issues.map((i) => `${i.code}@${i.path.join(".")}`)).toEqual(expect.arrayContaining(["pin_not_scheduled@pinnedShoots.0", "duplicate_reference@pinnedShoots.1", "amount_precision@changePenalty"]));
    expect(jobListSchema.parse((await app.inject({ method: "GET", url: "/v1/jobs?limit=200" })).json()).jobs).toHaveLength(before);
    expectProblem(await app.inject({ method: "POST", url: "/v1/repair-jobs", payload: { problem: slowProblem } }), 400);
  });
});

test("a repair job left queued runs as a repair after a restart", async () => {
  const dbPath = join(dir, "restart.sqlite");
  const first = testApp({ dbPath });
  const solved = solveResponseSchema.parse((await first.inject({ method: "POST", url: "/v1/solve", payload: { problem: slowProblem, options: { relativeGap: 0.1, seed: 1 } } })).json());
  await first.close();
  const earlierPlan = solved.result.plan as Plan;
  const { problem } = disrupted(earlierPlan);
  const store = new JobStore(dbPath);
  store.insert({ id: "waiting-repair", owner: null, problem, repair: { earlierPlan, pinnedShoots: [], changePenalty: 100 }, options: { timeLimitSeconds: 5 }, createdAt: Date.now() });
  store.close();
  const second = testApp({ dbPath });
  try {
    const job = await finished(second, "waiting-repair");
    expect(job).toMatchObject({ kind: "repair", status: "completed" });
    expect(repairResultSchema.parse(job.result).changes.length).toBeGreaterThan(0);
  } finally {
    await second.close();
  }
}, 90_000);

// Schema 1, as released; the same half-migrated (columns added, version not stamped); and
// a file whose version was never stamped at all. Each must open complete.
test.each([
  { name: "schema 1", version: 1, repairColumn: false },
  { name: "schema 1 with the new column already added", version: 1, repairColumn: true },
  { name: "an unstamped file with the old table", version: 0, repairColumn: false },
])("a store written before repair jobs existed ($name) opens with its jobs as solve jobs", ({ name, version, repairColumn }) => {
  const dbPath = join(dir, `${name.replaceAll(" ", "-")}.sqlite`);
  const db = new Database(dbPath);
  db.exec(`CREATE TABLE jobs (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, owner TEXT, status TEXT NOT NULL, problem TEXT NOT NULL, options TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, started_at INTEGER, finished_at INTEGER, progress TEXT, result TEXT, error TEXT);
    CREATE TABLE job_events (job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE, seq INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (job_id, seq)) WITHOUT ROWID;`);
  if (repairColumn) db.exec("ALTER TABLE jobs ADD COLUMN repair TEXT");
  db.prepare("INSERT INTO jobs (id, status, problem, options, created_at) VALUES ('old', 'queued', ?, ?, ?)").run(JSON.stringify({ name: "old" }), JSON.stringify({ timeLimitSeconds: 3 }), Date.now());
  db.pragma(`user_version = ${version}`);
  db.close();
  for (let open = 0; open < 2; open += 1) {
    const store = new JobStore(dbPath);
    try {
      expect(store.get("old")).toMatchObject({ kind: "solve", status: "queued" });
      expect(store.work("old")).toEqual({ kind: "solve", problem: { name: "old" } });
      if (open === 0) store.insert({ id: "new", owner: null, problem: { name: "new" }, repair: { earlierPlan: {}, pinnedShoots: [], changePenalty: 1 }, options: { timeLimitSeconds: 3 }, createdAt: Date.now() });
      expect(store.work("new")).toEqual({ kind: "repair", request: { problem: { name: "new" }, earlierPlan: {}, pinnedShoots: [], changePenalty: 1 } });
    } finally {
      store.close();
    }
  }
});
