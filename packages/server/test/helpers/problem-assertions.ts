import { check, parseProblem, planSchema } from "@shootplan/solver";
import { expect } from "vitest";
import { problemDocumentSchema } from "../../src/schemas/response-schemas.js";

/** Asserts a response is an RFC 9457 problem document with `status` and `code`; returns the document. */
export function expectProblem(response: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }, status: number, code?: string): ReturnType<typeof problemDocumentSchema.parse> {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers["content-type"])).toMatch(/^application\/problem\+json/);
  const document = problemDocumentSchema.parse(response.json());
  expect(document.status).toBe(status);
  if (code !== undefined) expect(document.code).toBe(code);
  return document;
}

/** Asserts the independent checker accepts `plan` for `problem` and that the plan states the cost the checker recomputes. */
export function expectValidPlan(problem: unknown, plan: unknown): void {
  const parsedPlan = planSchema.parse(plan);
  const verdict = check(parseProblem(problem), parsedPlan);
  expect(verdict.violations).toEqual([]);
  expect(verdict.valid).toBe(true);
  expect(verdict.cost?.total).toBe(parsedPlan.cost?.total);
}
