import { check, InvalidPlanError, InvalidProblemError } from "@shootplan/solver";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ServerConfig } from "../config.js";
import { HttpProblem, requestIssue } from "../errors/http-problem.js";
import { assertProblemSize } from "../http/problem-limits.js";
import { assertValidProblem } from "../http/semantic-validation.js";
import { checkRequestSchema } from "../schemas/request-schemas.js";
import { checkResponseSchema, problemResponses } from "../schemas/response-schemas.js";

/**
 * Violations a reply lists; `violationCount` says how many there are. A plan with
 * every shoot at once for every person had 18 540 (a 3.9 MB reply, most of the 0.7 s
 * the check took on the HTTP thread), which nobody reads past the first screens.
 */
export const MAX_LISTED_VIOLATIONS = 1000;

/**
 * `POST /v1/check`: verifies a (hand-edited) plan against its problem with the
 * solver's independent checker and recomputes its cost. The checker runs on the
 * HTTP thread: it is linear in the plan and bounded by the problem-size limits,
 * milliseconds rather than a solve, so queueing it behind long solves would only
 * make it slow.
 */
export const checkRoutes: FastifyPluginAsyncZod<{ readonly config: ServerConfig }> = async (app, { config }) => {
  app.post(
    "/check",
    {
      schema: {
        summary: "Check a plan",
        description: "The broken hard rules (`violations`, empty when `valid`; the first 1 000 in the checker's order, `violationCount` says how many there are) and the recomputed cost breakdown (null when the plan names unknown shoots, people, locations or items).",
        tags: ["check"],
        body: checkRequestSchema,
        response: { 200: checkResponseSchema, ...problemResponses(400, 401, 413, 415, 422, 429) },
      },
      preValidation: async (request) => assertProblemSize(request.body, config),
    },
    async (request) => {
      const problem = assertValidProblem(request.body.problem);
      try {
        const verdict = check(problem, request.body.plan);
        return { valid: verdict.valid, violationCount: verdict.violations.length, violations: verdict.violations.slice(0, MAX_LISTED_VIOLATIONS), cost: verdict.cost };
      } catch (error) {
        // Both were validated above, so the checker should not refuse them; if it does, it is still about the input.
        if (!(error instanceof InvalidPlanError || error instanceof InvalidProblemError)) throw error;
        const root = error instanceof InvalidPlanError ? "plan" : "problem";
        throw new HttpProblem({ status: 422, code: error.code, title: "Invalid input", detail: error.message, issues: error.issues.map((i) => requestIssue("body", i.code, [root, ...i.path], i.message)) });
      }
    },
  );
};
