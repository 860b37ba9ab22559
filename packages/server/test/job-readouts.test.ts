import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ShootplanApp } from "../src/app.js";
import { jobAcceptedSchema, jobSchema } from "../src/schemas/response-schemas.js";
import { expectProblem } from "./helpers/problem-assertions.js";
import { slowProblem, testApp, tinyProblem, waitFor } from "./helpers/test-app.js";

type Job = ReturnType<typeof jobSchema.parse>;

describe("a job's calendar and call sheets", () => {
  let app: ShootplanApp;
  let job: Job;
  beforeAll(async () => {
    app = testApp({ jobTimeLimitSeconds: 20, cancelGraceMs: 1000 });
    const submitted = await app.inject({ method: "POST", url: "/v1/jobs", payload: { problem: tinyProblem, options: { timeLimitSeconds: 15 } } });
    const id = jobAcceptedSchema.parse(submitted.json()).id;
    job = await waitFor(async () => {
      const current = jobSchema.parse((await app.inject({ method: "GET", url: `/v1/jobs/${id}` })).json());
      return current.finishedAt === null ? undefined : current;
    }, 20_000, "the job to finish");
  });
  afterAll(() => app.close());

  const plan = () => {
    if (job.result?.plan === null || job.result?.plan === undefined) throw new Error("the job has no plan");
    return job.result.plan;
  };

  test("GET /v1/jobs/:id/calendar is the plan as iCalendar: an event per shoot day, one person's with ?person", async () => {
    const response = await app.inject({ method: "GET", url: `/v1/jobs/${job.id}/calendar` });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/calendar/);
    expect(response.headers["content-disposition"]).toBe(`attachment; filename="${job.id}.ics"`);
    const events = new ICAL.Component(ICAL.parse(response.body)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.length).toBe(plan().shoots.reduce((n, s) => n + s.days.length, 0));
    expect(events.map((e) => e.startDate.toJSDate().getTime()).sort()).toEqual(plan().shoots.filter((s) => s.days.length === 1).map((s) => Date.parse(s.start)).sort());
    const person = plan().shoots[0]?.crew[0]?.person ?? "";
    const own = await app.inject({ method: "GET", url: `/v1/jobs/${job.id}/calendar?person=${person}&sequence=3` });
    expect(own.statusCode).toBe(200);
    const ownEvents = new ICAL.Component(ICAL.parse(own.body)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(ownEvents.length).toBe(plan().shoots.filter((s) => s.crew.some((c) => c.person === person)).reduce((n, s) => n + s.days.length, 0));
    expect(ownEvents.every((e) => e.sequence === 3)).toBe(true);
    expectProblem(await app.inject({ method: "GET", url: `/v1/jobs/${job.id}/calendar?sequence=` }), 400, "SERVER_ERR_REQUEST_INVALID");
  });

  test("GET /v1/jobs/:id/call-sheet gives a date's sheet as Markdown, or as JSON with ?format=json", async () => {
    const date = plan().shoots[0]?.days[0] ?? "";
    const markdown = await app.inject({ method: "GET", url: `/v1/jobs/${job.id}/call-sheet?date=${date}` });
    expect(markdown.statusCode).toBe(200);
    expect(markdown.headers["content-type"]).toMatch(/^text\/markdown/);
    expect(markdown.body).toContain(`, ${date}`);
    expect(markdown.body).toContain("## Crew calls");
    const json = await app.inject({ method: "GET", url: `/v1/jobs/${job.id}/call-sheet?date=${date}&format=json` });
    expect(json.statusCode).toBe(200);
    const sheet = json.json() as { date: string; shoots: { shoot: string }[]; people: { person: string }[] };
    expect(sheet.date).toBe(date);
    expect(sheet.shoots.map((s) => s.shoot)).toEqual(plan().shoots.filter((s) => s.days.includes(date)).map((s) => s.shoot));
  });

  test("answers 400 without a date, 422 for a person the problem lacks, 404 for an unknown job", async () => {
    expectProblem(await app.inject({ method: "GET", url: `/v1/jobs/${job.id}/call-sheet` }), 400);
    expectProblem(await app.inject({ method: "GET", url: `/v1/jobs/${job.id}/call-sheet?date=01.03.2027` }), 400);
    expectProblem(await app.inject({ method: "GET", url: `/v1/jobs/${job.id}/call-sheet?date=2026-13-01` }), 400);
    expectProblem(await app.inject({ method: "GET", url: `/v1/jobs/${job.id}/call-sheet?date=2026-02-30` }), 400);
    const unknown = expectProblem(await app.inject({ method: "GET", url: `/v1/jobs/${job.id}/calendar?person=nobody` }), 422, "SCHED_ERR_OPTIONS_INVALID");
    expect(unknown.detail).toContain('"nobody"');
    expect(unknown.issues).toEqual([expect.objectContaining({ in: "querystring", code: "unknown_reference", path: ["person"] })]);
    const nowhere = expectProblem(await app.inject({ method: "GET", url: `/v1/jobs/${job.id}/calendar?location=nowhere` }), 422, "SCHED_ERR_OPTIONS_INVALID");
    expect(nowhere.issues).toEqual([expect.objectContaining({ in: "querystring", path: ["location"] })]);
    expectProblem(await app.inject({ method: "GET", url: "/v1/jobs/no-such-job/calendar" }), 404, "SERVER_ERR_NOT_FOUND");
  });

  test("answers 409 while a job has no plan", async () => {
    const submitted = await app.inject({ method: "POST", url: "/v1/jobs", payload: { problem: slowProblem, options: { timeLimitSeconds: 20 } } });
    const id = jobAcceptedSchema.parse(submitted.json()).id;
    const conflict = expectProblem(await app.inject({ method: "GET", url: `/v1/jobs/${id}/calendar` }), 409, "SERVER_ERR_NO_PLAN");
    expect(conflict.detail).toMatch(/is (queued|running)/);
    await app.inject({ method: "DELETE", url: `/v1/jobs/${id}` });
  });
});
