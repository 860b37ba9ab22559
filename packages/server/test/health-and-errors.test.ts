import { afterAll, beforeAll, expect, test } from "vitest";
import type { ShootplanApp } from "../src/app.js";
import { healthSchema, readinessSchema } from "../src/schemas/response-schemas.js";
import { expectProblem } from "./helpers/problem-assertions.js";
import { testApp } from "./helpers/test-app.js";

let app: ShootplanApp;
beforeAll(async () => {
  app = testApp({ workers: 1, queueSize: 9 });
  await app.ready();
});
afterAll(() => app.close());

test("GET /healthz answers ok", async () => {
  const response = await app.inject({ method: "GET", url: "/healthz" });
  expect(response.statusCode).toBe(200);
  expect(healthSchema.parse(response.json())).toEqual({ status: "ok" });
});

test("GET /readyz reports readiness with queue figures", async () => {
  const response = await app.inject({ method: "GET", url: "/readyz" });
  expect(response.statusCode).toBe(200);
  expect(readinessSchema.parse(response.json())).toEqual({ status: "ready", workers: 1, running: 0, queued: 0, queueSize: 9 });
});

test("an unknown route is a 404 problem document naming the path", async () => {
  const document = expectProblem(await app.inject({ method: "GET", url: "/v2/solve?x=1" }), 404, "SERVER_ERR_NOT_FOUND");
  expect(document).toMatchObject({ type: "urn:shootplan:error:SERVER_ERR_NOT_FOUND", title: "Not Found", instance: "/v2/solve", issues: [] });
});

test("a path served with other methods is a 405 naming them, in Allow too (RFC 9110)", async () => {
  const solve = await app.inject({ method: "GET", url: "/v1/solve" });
  expect(expectProblem(solve, 405, "SERVER_ERR_METHOD_NOT_ALLOWED")).toMatchObject({ instance: "/v1/solve", detail: "/v1/solve does not answer GET; it answers POST." });
  expect(solve.headers["allow"]).toBe("POST");
  const job = await app.inject({ method: "POST", url: "/v1/jobs/some-id?x=1" });
  expectProblem(job, 405, "SERVER_ERR_METHOD_NOT_ALLOWED");
  expect(job.headers["allow"]).toBe("DELETE, GET, HEAD");
  expectProblem(await app.inject({ method: "PUT", url: "/v1/jobs/some-id/nothing-here" }), 404, "SERVER_ERR_NOT_FOUND");
});

// From the HTTP audit: these two were answered by the router itself, as plain JSON
// without type, title, requestId or x-request-id (and the 414 titled "Bad Request").
test("an undecodable URL is a 400 and an over-long path parameter a 414, both problem documents", async () => {
  const bad = await app.inject({ method: "GET", url: "/v1/jobs/%zz", headers: { "x-request-id": "bad-url-1" } });
  expect(expectProblem(bad, 400, "FST_ERR_BAD_URL")).toMatchObject({ title: "Bad Request", requestId: "bad-url-1" });
  expect(bad.headers["x-request-id"]).toBe("bad-url-1");
  const long = await app.inject({ method: "GET", url: `/v1/jobs/${"a".repeat(101)}/events` });
  expect(expectProblem(long, 414, "FST_ERR_MAX_PARAM_LENGTH")).toMatchObject({ title: "URI Too Long" });
  expect(long.headers["x-request-id"]).toEqual(expect.any(String));
});

test("every response carries a request id, the caller's when it sends a sane one", async () => {
  const given = await app.inject({ method: "GET", url: "/nowhere", headers: { "x-request-id": "abc-123" } });
  expect(given.headers["x-request-id"]).toBe("abc-123");
  expect(expectProblem(given, 404).requestId).toBe("abc-123");
  const replaced = await app.inject({ method: "GET", url: "/healthz", headers: { "x-request-id": "bad id\twith spaces" } });
  expect(replaced.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("an empty JSON body and a prototype-poisoning body are 400, not 500", async () => {
  expectProblem(await app.inject({ method: "POST", url: "/v1/solve", headers: { "content-type": "application/json" }, payload: "" }), 400, "FST_ERR_CTP_EMPTY_JSON_BODY");
  const poisoned = expectProblem(await app.inject({ method: "POST", url: "/v1/check", headers: { "content-type": "application/json" }, payload: '{"__proto__": {"x": 1}}' }), 400);
  // Valid JSON, refused for a reserved key: the answer names it and where, not "not valid JSON".
  expect(poisoned.detail).toMatch(/refused for safety \(\/__proto__\)/);
  expect(poisoned.issues).toMatchObject([{ in: "body", code: "reserved_key", pointer: "/__proto__" }]);
  const role = expectProblem(await app.inject({ method: "POST", url: "/v1/solve", headers: { "content-type": "application/json" }, payload: '{"problem": {"shoots": [{"roles": {"__proto__": 1}}]}}' }), 400);
  expect(role.issues).toMatchObject([{ code: "reserved_key", path: ["problem", "shoots", 0, "roles", "__proto__"] }]);
  // One reserved key at each of 20 000 levels: the answer lists the first few, not all (it
  // built every path and a detail of hundreds of millions of characters).
  const deep = expectProblem(await app.inject({ method: "POST", url: "/v1/check", headers: { "content-type": "application/json" }, payload: '{"__proto__":0,"a":'.repeat(20_000) + "0" + "}".repeat(20_000) }), 400);
  expect(deep.issues.length).toBeLessThanOrEqual(10);
  expect(deep.detail.length).toBeLessThan(1_000);
  const malformed = expectProblem(await app.inject({ method: "POST", url: "/v1/solve", headers: { "content-type": "application/json" }, payload: '{"problem": ' }), 400, "FST_ERR_CTP_INVALID_JSON_BODY");
  expect(malformed.detail).toMatch(/^The body is not valid JSON: /);
  expectProblem(await app.inject({ method: "POST", url: "/v1/jobs" }), 400, "SERVER_ERR_REQUEST_INVALID");
});
