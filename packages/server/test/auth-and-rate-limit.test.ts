import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ShootplanApp } from "../src/app.js";
import { jobListSchema } from "../src/schemas/response-schemas.js";
import { expectProblem } from "./helpers/problem-assertions.js";
import { testApp, tinyProblem } from "./helpers/test-app.js";

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe("API keys", () => {
  let app: ShootplanApp;
  beforeAll(() => (app = testApp({ apiKeys: ["key-alpha", "key-beta"] })));
  afterAll(() => app.close());

  test("/v1 needs a valid bearer key; health checks and docs stay open", async () => {
    const missing = expectProblem(await app.inject({ method: "GET", url: "/v1/jobs" }), 401, "SERVER_ERR_UNAUTHORIZED");
    expect(missing.instance).toBe("/v1/jobs");
    const wrong = await app.inject({ method: "GET", url: "/v1/jobs", headers: bearer("key-gamma") });
    expectProblem(wrong, 401);
    expect(wrong.headers["www-authenticate"]).toBe('Bearer realm="shootplan"');
    expect((await app.inject({ method: "GET", url: "/v1/jobs", headers: bearer("key-alpha") })).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/readyz" })).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/docs/json" })).json()).toMatchObject({ security: [{ bearerAuth: [] }] });
  });

  test("jobs are visible only to the key that submitted them", async () => {
    const submitted = await app.inject({ method: "POST", url: "/v1/jobs", headers: bearer("key-alpha"), payload: { problem: tinyProblem } });
    const id = submitted.json<{ id: string }>().id;
    expect((await app.inject({ method: "GET", url: `/v1/jobs/${id}`, headers: bearer("key-alpha") })).statusCode).toBe(200);
    expectProblem(await app.inject({ method: "GET", url: `/v1/jobs/${id}`, headers: bearer("key-beta") }), 404);
    expectProblem(await app.inject({ method: "DELETE", url: `/v1/jobs/${id}`, headers: bearer("key-beta") }), 404);
    const betaList = jobListSchema.parse((await app.inject({ method: "GET", url: "/v1/jobs", headers: bearer("key-beta") })).json());
    expect(betaList.jobs).toEqual([]);
    const alphaList = jobListSchema.parse((await app.inject({ method: "GET", url: "/v1/jobs", headers: bearer("key-alpha") })).json());
    expect(alphaList.jobs.map((j) => j.id)).toEqual([id]);
  });
});

describe("rate limits", () => {
  let app: ShootplanApp;
  beforeAll(() => (app = testApp({ apiKeys: ["key-alpha"], rateLimitMax: 2, rateLimitWindowMs: 60_000 })));
  afterAll(() => app.close());

  test("the request past the limit is a 429 problem with Retry-After; health checks are not limited", async () => {
    expect((await app.inject({ method: "GET", url: "/v1/schema", headers: bearer("key-alpha") })).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/v1/schema", headers: bearer("key-alpha") })).statusCode).toBe(200);
    const limited = await app.inject({ method: "GET", url: "/v1/schema", headers: bearer("key-alpha") });
    expectProblem(limited, 429, "SERVER_ERR_RATE_LIMITED");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) expect((await app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
  });

  test("guessing keys is limited too: requests with unknown keys count against the client's address", async () => {
    expectProblem(await app.inject({ method: "GET", url: "/v1/jobs", headers: bearer("guess-1") }), 401);
    expectProblem(await app.inject({ method: "GET", url: "/v1/jobs", headers: bearer("guess-2") }), 401);
    expectProblem(await app.inject({ method: "GET", url: "/v1/jobs", headers: bearer("guess-3") }), 429, "SERVER_ERR_RATE_LIMITED");
  });
});
