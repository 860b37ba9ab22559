import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { ShootplanApp } from "../src/app.js";
import { problemDocumentSchema } from "../src/schemas/response-schemas.js";
import { testApp, tinyProblem } from "./helpers/test-app.js";

/**
 * Property: whatever arrives (method, path, headers, body), the server answers
 * without a 5xx, and every error is an RFC 9457 problem document. Bodies are
 * random JSON, random text, and the tiny problem with one value replaced or
 * removed somewhere (which reaches the semantic checks and, when still valid, a
 * real solve). Fixed seed and bounded runs keep it reproducible and quick.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];

/** Every path into the fixture, so mutations can land anywhere in it. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (typeof value === "object" && value !== null) return [prefix, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return [prefix];
}

/** A copy of `root` with the value at `path` replaced by `replacement` (or removed when undefined). */
function mutate(root: unknown, path: Path, replacement: Json | undefined): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const key = head as string | number;
  if (Array.isArray(root)) {
    const copy: unknown[] = [...root];
    if (rest.length === 0 && replacement === undefined) copy.splice(key as number, 1);
    else copy[key as number] = mutate(copy[key as number], rest, replacement);
    return copy;
  }
  const copy: Record<string | number, unknown> = { ...(root as object) };
  if (rest.length === 0 && replacement === undefined) delete copy[key];
  else copy[key] = mutate(copy[key], rest, replacement);
  return copy;
}

const problemPaths = pathsOf(tinyProblem);
/** The fixture's own leaf values: swapping one for another keeps the shape valid and reaches the semantic checks (duplicate ids, unknown references). */
const leafValues = [...new Set(problemPaths.map((p) => p.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], tinyProblem)).filter((v): v is string | number => typeof v === "string" || typeof v === "number"))];
const replacement = fc.oneof(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, fc.constantFrom(...leafValues));
const mutatedProblem = fc.tuple(fc.constantFrom(...problemPaths), fc.option(replacement, { nil: undefined })).map(([path, value]) => mutate(tinyProblem, path, value));

const body = fc.oneof(
  { weight: 4, arbitrary: mutatedProblem.map((problem) => JSON.stringify({ problem })) },
  { weight: 1, arbitrary: mutatedProblem.map((problem) => JSON.stringify({ problem, plan: { shoots: [], dropped: [], rentals: [] } })) },
  { weight: 1, arbitrary: mutatedProblem.map((problem) => JSON.stringify({ problem, earlierPlan: { shoots: [], dropped: [], rentals: [] }, changePenalty: 100 })) },
  { weight: 2, arbitrary: fc.json({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constant("") },
);

const headerText = fc.stringMatching(/^[\x20-\x7e]{0,40}$/);
const anyRequest = fc.record({
  method: fc.constantFrom("GET", "POST", "DELETE", "PUT", "PATCH", "OPTIONS"),
  path: fc.oneof(
    fc.constantFrom("/v1/solve", "/v1/repair", "/v1/jobs", "/v1/check", "/v1/schema", "/v1/jobs/x", "/v1/jobs/x/events", "/healthz", "/readyz", "/"),
    fc.tuple(fc.constantFrom("/v1/jobs/", "/v1/schema?of=", "/v1/jobs?limit=", "/v1/jobs?cursor=", "/v1/jobs/x/events?lastEventId=", "/"), fc.webSegment()).map(([a, b]) => a + b),
  ),
  contentType: fc.option(fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/problem+json"), { nil: undefined }),
  extraHeaders: fc.dictionary(fc.constantFrom("accept", "authorization", "last-event-id", "x-request-id", "accept-encoding", "content-encoding"), headerText, { maxKeys: 3 }),
  body,
});

/** Well-aimed requests: a JSON POST to a route that takes a problem, so mutations reach validation and the solver. */
const apiRequest = fc.record({
  method: fc.constant("POST"),
  path: fc.constantFrom("/v1/solve", "/v1/repair", "/v1/jobs", "/v1/check"),
  contentType: fc.constant("application/json"),
  extraHeaders: fc.constant({}),
  body,
});

const request = fc.oneof(anyRequest, apiRequest);

let app: ShootplanApp;
beforeAll(async () => {
  // Short time limits: valid mutations are really solved, and the run must stay quick.
  app = testApp({ syncTimeLimitSeconds: 0.3, jobTimeLimitSeconds: 0.3, queueSize: 10_000, shutdownGraceSeconds: 0 });
  await app.ready();
});
afterAll(() => app.close());

test("no request makes the server answer 5xx, and every error is application/problem+json", async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(request, async (r) => {
      const withBody = r.method !== "GET" && r.method !== "OPTIONS";
      const response = await app.inject({
        method: r.method,
        url: r.path,
        headers: { ...r.extraHeaders, ...(r.contentType === undefined ? {} : { "content-type": r.contentType }) },
        ...(withBody ? { payload: r.body } : {}),
      });
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      expect(response.statusCode, `${r.method} ${r.path} -> ${response.body.slice(0, 300)}`).toBeLessThan(500);
      if (response.statusCode >= 400) {
        expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
        problemDocumentSchema.parse(response.json());
      }
    }),
    { seed: 20_270_301, numRuns: 400, endOnFailure: true },
  );
  // Guard against a fuzzer that only ever hits one branch: several kinds of answer must have been seen.
  for (const status of [200, 202, 400, 404, 415, 422]) expect(statuses.get(status) ?? 0, `status ${status} seen`).toBeGreaterThan(0);
});
