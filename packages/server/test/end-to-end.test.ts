import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { ShootplanApp } from "../src/app.js";
import { checkResponseSchema, jobAcceptedSchema, jobSchema } from "../src/schemas/response-schemas.js";
import { expectValidPlan } from "./helpers/problem-assertions.js";
import { lifecycle, parseSse, slowProblem, testApp, tinyProblem, waitFor, type SseEvent } from "./helpers/test-app.js";

/** Reads an SSE response as it arrives; resolves with the events once the server ends the stream. */
async function followStream(response: Response, seen: (event: SseEvent) => void): Promise<SseEvent[]> {
  const reader = (response.body as ReadableStream<Uint8Array>).pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  let delivered = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return parseSse(text);
    text += value;
    const events = parseSse(text.slice(0, text.lastIndexOf("\n\n") + 2));
    for (const event of events.slice(delivered)) seen(event);
    delivered = events.length;
  }
}

let app: ShootplanApp;
let base: string;
beforeAll(async () => {
  app = testApp({ syncTimeLimitSeconds: 30, cancelGraceMs: 200 });
  await app.listen({ host: "127.0.0.1", port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(() => app.close());

test("over a real socket: submit a job, follow its events live to the end, fetch the plan and check it", async () => {
  const post = (path: string, body: unknown) => fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  // Occupy the only worker for about a second, so the job below is followed live from the queue.
  const blocker = jobAcceptedSchema.parse(await (await post("/v1/jobs", { problem: slowProblem, options: { timeLimitSeconds: 1 } })).json());
  const submitted = await post("/v1/jobs", { problem: tinyProblem });
  expect(submitted.status).toBe(202);
  const job = jobAcceptedSchema.parse(await submitted.json());
  expect(submitted.headers.get("location")).toBe(job.links.self);

  const stream = await fetch(`${base}${job.links.events}`, { headers: { accept: "text/event-stream" } });
  expect(stream.status).toBe(200);
  expect(stream.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
  const statusWhenSeen: string[] = [];
  const events = await followStream(stream, (event) => statusWhenSeen.push(`${event.event}:${app.jobs.get(job.id, null)?.status}`));
  expect(lifecycle(events)).toEqual(["queued", "started", "finished"]);
  // `started` arrived while the job ran: the stream was live, not a replay.
  expect(statusWhenSeen).toContain("started:running");
  expect(events.filter((e) => e.event === "progress").length).toBeGreaterThan(0);
  expect(events.at(-1)?.data).toMatchObject({ status: "completed", result: { status: "optimal" } });

  const final = jobSchema.parse(await (await fetch(`${base}${job.links.self}`)).json());
  expect(final.status).toBe("completed");
  expectValidPlan(tinyProblem, final.result?.plan);
  const verdict = checkResponseSchema.parse(await (await post("/v1/check", { problem: tinyProblem, plan: final.result?.plan })).json());
  expect(verdict.valid).toBe(true);

  const again = await fetch(`${base}${job.links.events}`, { headers: { "last-event-id": String(events.at(-1)?.id) } });
  expect(again.status).toBe(410);
  expect(again.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(await again.json()).toMatchObject({ status: 410, jobId: job.id });
  expect(jobSchema.parse(await (await fetch(`${base}${blocker.links.self}`)).json()).finishedAt).not.toBeNull();
});

test("a client that disconnects from a synchronous solve frees its worker", async () => {
  const controller = new AbortController();
  const request = fetch(`${base}/v1/solve`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ problem: slowProblem, options: { strategy: "mip" } }), signal: controller.signal });
  await waitFor(() => (app.solvePool.stats.running === 1 ? true : undefined), 15_000, "the solve to start");
  controller.abort();
  await expect(request).rejects.toThrow();
  await waitFor(() => (app.solvePool.stats.running === 0 ? true : undefined), 5000, "the worker to be freed");
});
