import { defaultSolveOptions } from "@shootplan/solver";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ServerConfig } from "../config.js";
import { applyOptions } from "../http/applied-options.js";
import { assertProblemSize } from "../http/problem-limits.js";
import { assertValidProblem } from "../http/semantic-validation.js";
import { unavailable } from "../http/service-problems.js";
import { solveSynchronously } from "../http/synchronous-solve.js";
import { solveRequestSchema } from "../schemas/request-schemas.js";
import { problemResponses, solveResponseSchema } from "../schemas/response-schemas.js";

/**
 * `POST /v1/solve`: solve and answer in the same request, for small problems. The
 * solve runs on the worker pool like a job (same queue, same 503 when full), with
 * the time limit capped at `syncTimeLimitSeconds`; a client that disconnects
 * cancels it.
 */
export const solveRoutes: FastifyPluginAsyncZod<{ readonly config: ServerConfig }> = async (app, { config }) => {
  app.post(
    "/solve",
    {
      schema: {
        summary: "Solve a problem synchronously",
        description: `Solves and answers in the same request. \`options.timeLimitSeconds\` defaults to and is capped at ${config.syncTimeLimitSeconds} s here; use jobs for longer solves. Infeasible and timeout are answers (200), not errors.`,
        tags: ["solve"],
        body: solveRequestSchema,
        response: { 200: solveResponseSchema, ...problemResponses(400, 401, 413, 415, 422, 429, 500, 503) },
      },
      preValidation: async (request) => assertProblemSize(request.body, config),
    },
    async (request, reply) => {
      if (app.isClosing()) throw unavailable("closing", config.retryAfterSeconds);
      const problem = assertValidProblem(request.body.problem);
      const options = applyOptions(request.body.options, { defaultSeconds: Math.min(defaultSolveOptions.timeLimitSeconds, config.syncTimeLimitSeconds), capSeconds: config.syncTimeLimitSeconds });
      const result = await solveSynchronously(reply, () => app.solvePool.submit(problem, options), {
        retryAfterSeconds: config.retryAfterSeconds,
        // The body nests the problem, and the solver's paths start at the problem.
        issuePathPrefix: ["problem"],
        crashAdvice: "Submitting the problem as a job retries automatically.",
      });
      return { options, result };
    },
  );
};
