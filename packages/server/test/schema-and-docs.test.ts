import { afterAll, beforeAll, expect, test } from "vitest";
import type { ShootplanApp } from "../src/app.js";
import { testApp } from "./helpers/test-app.js";

let app: ShootplanApp;
beforeAll(async () => {
  app = testApp();
  await app.ready();
});
afterAll(() => app.close());

test("GET /v1/schema serves the problem JSON Schema, the plan schema with ?of=plan, the repair request's with ?of=repair", async () => {
  const problem = await app.inject({ method: "GET", url: "/v1/schema" });
  expect(problem.statusCode).toBe(200);
  expect(problem.headers["content-type"]).toMatch(/^application\/schema\+json/);
  expect(problem.json()).toMatchObject({ $schema: "https://json-schema.org/draft/2020-12/schema", $id: "urn:shootplan:schema:problem", type: "object" });
  expect(Object.keys(problem.json<{ properties: object }>().properties)).toEqual(expect.arrayContaining(["horizon", "shoots", "crew", "locations"]));
  const plan = await app.inject({ method: "GET", url: "/v1/schema?of=plan" });
  expect(plan.json()).toMatchObject({ $id: "urn:shootplan:schema:plan" });
  const repair = await app.inject({ method: "GET", url: "/v1/schema?of=repair" });
  expect(repair.statusCode).toBe(200);
  expect(Object.keys(repair.json<{ properties: object }>().properties)).toEqual(expect.arrayContaining(["problem", "earlierPlan", "pinnedShoots", "changePenalty"]));
});

test("the OpenAPI 3.1 document covers every route, with the solver's problem schema as request body", async () => {
  const response = await app.inject({ method: "GET", url: "/docs/json" });
  expect(response.statusCode).toBe(200);
  const doc = response.json<{ openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, { properties?: object }> } }> }; responses: Record<string, unknown> }>> }>();
  expect(doc.openapi).toBe("3.1.0");
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).filter((m) => m !== "head").map((m) => `${m.toUpperCase()} ${path}`));
  expect(operations.sort()).toEqual(
    ["DELETE /v1/jobs/{id}", "GET /healthz", "GET /readyz", "GET /v1/jobs", "GET /v1/jobs/{id}", "GET /v1/jobs/{id}/events", "GET /v1/jobs/{id}/calendar", "GET /v1/jobs/{id}/call-sheet", "GET /v1/schema", "POST /v1/check", "POST /v1/jobs", "POST /v1/repair", "POST /v1/repair-jobs", "POST /v1/solve"].sort(),
  );
  const body = doc.paths["/v1/jobs"]?.["post"]?.requestBody?.content["application/json"]?.schema;
  expect(Object.keys(body?.properties["problem"]?.properties ?? {})).toEqual(expect.arrayContaining(["horizon", "shoots", "crew"]));
  expect(Object.keys(doc.paths["/v1/jobs"]?.["post"]?.responses ?? {})).toEqual(expect.arrayContaining(["202", "400", "413", "415", "422", "503"]));
});

test("the OpenAPI document describes POST /v1/repair: the solver's repair request plus options in, the repaired plan and its changes out", async () => {
  type Schema = { properties: Record<string, Schema>; required?: string[]; items?: { oneOf?: Schema[] } };
  type Operation = { description: string; requestBody: { content: Record<string, { schema: Schema }> }; responses: Record<string, { content: Record<string, { schema: Schema }> }> };
  const doc = (await app.inject({ method: "GET", url: "/docs/json" })).json<{ paths: Record<string, Record<string, Operation>> }>();
  const operation = doc.paths["/v1/repair"]?.["post"];
  expect(operation?.description).toContain("Synchronous:");
  const body = operation?.requestBody.content["application/json"]?.schema;
  expect(Object.keys(body?.properties ?? {}).sort()).toEqual(["changePenalty", "earlierPlan", "options", "pinnedShoots", "problem"]);
  expect(body?.required?.sort()).toEqual(["changePenalty", "earlierPlan", "problem"]);
  expect(Object.keys(body?.properties["problem"]?.properties ?? {})).toEqual(expect.arrayContaining(["horizon", "shoots", "crew"]));
  const result = operation?.responses["200"]?.content["application/json"]?.schema.properties["result"];
  expect(Object.keys(result?.properties ?? {})).toEqual(expect.arrayContaining(["plan", "objective", "changes", "changedAssignments", "changePenalties"]));
  const kinds = (result?.properties["changes"]?.items?.oneOf ?? []).map((variant) => (variant.properties["kind"] as unknown as { enum: string[] }).enum[0]);
  expect(kinds.sort()).toEqual(["added", "cancelled", "crew_added", "crew_removed", "dropped", "rescheduled", "restored"]);
  expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(["200", "400", "413", "422", "503"]));
});

test("Swagger UI is served at /docs", async () => {
  const response = await app.inject({ method: "GET", url: "/docs/" });
  expect(response.statusCode).toBe(200);
  expect(response.headers["content-type"]).toMatch(/^text\/html/);
  expect(response.body).toContain("swagger-ui");
});
