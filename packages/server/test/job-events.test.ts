import { afterAll, beforeAll, expect, test } from "vitest";
import type { ShootplanApp } from "../src/app.js";
import { expectProblem } from "./helpers/problem-assertions.js";
import { lifecycle, parseSse, testApp, tinyProblem, waitFor } from "./helpers/test-app.js";

let app: ShootplanApp;
let jobId: string;

beforeAll(async () => {
  app = testApp();
  jobId = (await app.inject({ method: "POST", url: "/v1/jobs", payload: { problem: tinyProblem } })).json<{ id: string }>().id;
  await waitFor(() => (app.jobs.get(jobId, null)?.finishedAt === null ? undefined : true), 15_000, "the job to finish");
});
afterAll(() => app.close());

test("a finished job's stream replays queued, started, progress and finished with consecutive ids, then ends", async () => {
  const response = await app.inject({ method: "GET", url: `/v1/jobs/${jobId}/events` });
  expect(response.statusCode).toBe(200);
  expect(response.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
  expect(response.headers["cache-control"]).toBe("no-cache, no-transform");
  const events = parseSse(response.body);
  expect(lifecycle(events)).toEqual(["queued", "started", "finished"]);
  expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));
  // The solver reports the plan it found and the bound that proves it optimal.
  const progress = events.filter((e) => e.event === "progress").map((e) => e.data);
  expect(progress.at(-1)).toMatchObject({ cost: 2000, lowerBound: 2000, gap: 0 });
  expect(events.at(-1)?.data).toMatchObject({ jobId, status: "completed", result: { status: "optimal", cost: 2000 }, error: null });
  expect(events.every((e) => typeof e.data["at"] === "string")).toBe(true);
});

test("Last-Event-ID resumes after that event; after the last one the stream is 410 Gone", async () => {
  const all = parseSse((await app.inject({ method: "GET", url: `/v1/jobs/${jobId}/events` })).body);
  const last = all.at(-1)?.id ?? 0;
  const resumed = await app.inject({ method: "GET", url: `/v1/jobs/${jobId}/events`, headers: { "last-event-id": String(last - 1) } });
  expect(parseSse(resumed.body).map((e) => e.event)).toEqual(["finished"]);
  const viaQuery = await app.inject({ method: "GET", url: `/v1/jobs/${jobId}/events?lastEventId=1` });
  expect(parseSse(viaQuery.body).map((e) => e.id)).toEqual(all.slice(1).map((e) => e.id));
  const gone = expectProblem(await app.inject({ method: "GET", url: `/v1/jobs/${jobId}/events`, headers: { "last-event-id": String(last) } }), 410, "SERVER_ERR_JOB_FINISHED");
  expect(gone.jobId).toBe(jobId);
});

test("a malformed Last-Event-ID is a 400 naming the header", async () => {
  const document = expectProblem(await app.inject({ method: "GET", url: `/v1/jobs/${jobId}/events`, headers: { "last-event-id": "abc" } }), 400);
  expect(document.issues).toEqual([expect.objectContaining({ in: "headers", path: ["last-event-id"] })]);
});

test("a live stream follows a running job to its end and then releases its subscription", async () => {
  const id = (await app.inject({ method: "POST", url: "/v1/jobs", payload: { problem: tinyProblem } })).json<{ id: string }>().id;
  const response = await app.inject({ method: "GET", url: `/v1/jobs/${id}/events` });
  const events = parseSse(response.body);
  expect(lifecycle(events)).toEqual(["queued", "started", "finished"]);
  expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));
  expect(app.jobs.hub.size).toBe(0);
});

// From the HTTP audit: an id above the job's latest was followed as a resume point, so
// every event up to it (finished included) was skipped and the stream never ended.
test("a Last-Event-ID above the job's latest event is a 400, by header or by query", async () => {
  const all = parseSse((await app.inject({ method: "GET", url: `/v1/jobs/${jobId}/events` })).body);
  const above = (all.at(-1)?.id ?? 0) + 1;
  const byHeader = expectProblem(await app.inject({ method: "GET", url: `/v1/jobs/${jobId}/events`, headers: { "last-event-id": String(above) } }), 400);
  expect(byHeader.issues).toEqual([expect.objectContaining({ in: "headers", path: ["last-event-id"], message: expect.stringContaining(`${above} was never sent`) })]);
  const byQuery = expectProblem(await app.inject({ method: "GET", url: `/v1/jobs/${jobId}/events?lastEventId=999` }), 400);
  expect(byQuery.issues).toEqual([expect.objectContaining({ in: "querystring", path: ["lastEventId"] })]);
});
