import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ShootplanApp } from "../src/app.js";
import { solveResponseSchema } from "../src/schemas/response-schemas.js";
import { expectProblem, expectValidPlan } from "./helpers/problem-assertions.js";
import { testApp, tinyProblem } from "./helpers/test-app.js";

describe("POST /v1/solve", () => {
  let app: ShootplanApp;
  beforeAll(async () => {
    app = testApp({ syncTimeLimitSeconds: 5, maxShoots: 10, maxDays: 31, maxSlots: 62, bodyLimitBytes: 2000 });
    await app.ready();
  });
  afterAll(() => app.close());

  test("solves a small problem to optimality and returns a plan the checker accepts", async () => {
    const response = await app.inject({ method: "POST", url: "/v1/solve", payload: { problem: tinyProblem, options: { seed: 1 } } });
    expect(response.statusCode).toBe(200);
    const body = solveResponseSchema.parse(response.json());
    expect(body.result.status).toBe("optimal");
    expect(body.result.cost).toBe(2000);
    expect(body.options).toEqual({ timeLimitSeconds: 5, seed: 1 });
    expectValidPlan(tinyProblem, body.result.plan);
  });

  test("caps the time limit at the synchronous maximum instead of refusing", async () => {
    const response = await app.inject({ method: "POST", url: "/v1/solve", payload: { problem: tinyProblem, options: { timeLimitSeconds: 3600 } } });
    expect(solveResponseSchema.parse(response.json()).options.timeLimitSeconds).toBe(5);
  });

  test("a schema violation is a 400 listing each issue with its JSON path", async () => {
    const shoots = tinyProblem["shoots"] as Record<string, unknown>[];
    const { durationSlots, ...misspelt } = shoots[0] ?? {};
    const problem = { ...tinyProblem, shoots: [{ ...misspelt, durationSlot: durationSlots }, ...shoots.slice(1)] };
    const document = expectProblem(await app.inject({ method: "POST", url: "/v1/solve", payload: { problem } }), 400, "SERVER_ERR_REQUEST_INVALID");
    expect(document.issues).toContainEqual(expect.objectContaining({ in: "body", code: "unrecognized_keys", path: ["problem", "shoots", 0] }));
    expect(document.issues).toContainEqual(expect.objectContaining({ code: "invalid_type", path: ["problem", "shoots", 0, "durationSlots"], pointer: "/problem/shoots/0/durationSlots" }));
  });

  test("a semantically invalid problem is a 422 with the solver's issue codes", async () => {
    const crew = tinyProblem["crew"] as Record<string, unknown>[];
    const problem = { ...tinyProblem, crew: [crew[0], { ...crew[1], id: crew[0]?.["id"] }] };
    const document = expectProblem(await app.inject({ method: "POST", url: "/v1/solve", payload: { problem } }), 422, "SCHED_ERR_PROBLEM_INVALID");
    expect(document.issues).toContainEqual(expect.objectContaining({ code: "duplicate_id", path: ["problem", "crew", 1, "id"] }));
  });

  test("invalid options are a 400", async () => {
    const document = expectProblem(await app.inject({ method: "POST", url: "/v1/solve", payload: { problem: tinyProblem, options: { backend: "cplex", relativeGap: 2 } } }), 400);
    expect(document.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["options.backend", "options.relativeGap"]));
  });

  test("a problem over the size limits is a 413 before validation", async () => {
    const shoots = Array.from({ length: 11 }, (_, i) => ({ id: `s${i}` })); // not even valid shoots: size is judged first
    const horizon = { ...(tinyProblem["horizon"] as object), start: "2027-01-01", end: "2027-03-01", slotsPerDay: 4 };
    const document = expectProblem(await app.inject({ method: "POST", url: "/v1/solve", payload: { problem: { ...tinyProblem, shoots, horizon } } }), 413, "SERVER_ERR_PROBLEM_TOO_LARGE");
    expect(document.issues.map((i) => i.pointer)).toEqual(["/problem/shoots", "/problem/horizon", "/problem/horizon/slotsPerDay"]);
  });

  test("a body over the byte limit is a 413, refused while reading", async () => {
    const payload = JSON.stringify({ problem: { ...tinyProblem, name: "x".repeat(2000) } });
    expectProblem(await app.inject({ method: "POST", url: "/v1/solve", headers: { "content-type": "application/json" }, payload }), 413, "FST_ERR_CTP_BODY_TOO_LARGE");
  });

  test("a body that is not JSON is a 415, malformed JSON a 400", async () => {
    expectProblem(await app.inject({ method: "POST", url: "/v1/solve", headers: { "content-type": "text/plain" }, payload: "solve it" }), 415);
    expectProblem(await app.inject({ method: "POST", url: "/v1/solve", headers: { "content-type": "application/json" }, payload: '{"problem": ' }), 400);
  });
});
