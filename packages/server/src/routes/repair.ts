import { defaultSolveOptions } from "@shootplan/solver";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ServerConfig } from "../config.js";
import { applyOptions } from "../http/applied-options.js";
import { assertProblemSize } from "../http/problem-limits.js";
import { assertValidRepairRequest } from "../http/semantic-validation.js";
import { unavailable } from "../http/service-problems.js";
import { solveSynchronously } from "../http/synchronous-solve.js";
import { repairBodySchema } from "../schemas/request-schemas.js";
import { problemResponses, repairResponseSchema } from "../schemas/response-schemas.js";

/**
 * `POST /v1/repair`: repair an earlier plan after a change and answer in the same
 * request. Built like `POST /v1/solve`: the repair runs on the same worker pool
 * (same queue, same 503 when full), with the time limit capped at
 * `syncTimeLimitSeconds`; a client that disconnects cancels it. `POST /v1/repair-jobs`
 * runs the same repair as a durable job.
 */
export const repairRoutes: FastifyPluginAsyncZod<{ readonly config: ServerConfig }> = async (app, { config }) => {
  app.post(
    "/repair",
    {
      schema: {
        summary: "Repair an earlier plan synchronously",
        description: [
          "Re-plans after a change (a person or location no longer available, a shoot added or removed): `problem` is the problem as it is now, `earlierPlan` the plan made before (usually a solve's `result.plan`).",
          "The answer is a valid plan of the current problem that minimises its cost plus `changePenalty` per changed assignment, keeps every `pinnedShoots` shoot exactly as it was, and lists every difference in `changes`.",
          `Synchronous: \`options.timeLimitSeconds\` defaults to and is capped at ${config.syncTimeLimitSeconds} s (\`POST /v1/repair-jobs\` runs the same repair as a job, with the jobs' limit); \`strategy\` and \`iterationLimit\` do not apply.`,
          "Infeasible (for instance a pinned shoot the change breaks) and timeout are answers (200), not errors.",
        ].join(" "),
        tags: ["repair"],
        body: repairBodySchema,
        response: { 200: repairResponseSchema, ...problemResponses(400, 401, 413, 415, 422, 429, 500, 503) },
      },
      preValidation: async (request) => assertProblemSize(request.body, config),
    },
    async (request, reply) => {
      if (app.isClosing()) throw unavailable("closing", config.retryAfterSeconds);
      const { options: requested, ...fields } = request.body;
      const repairRequest = assertValidRepairRequest(fields);
      const options = applyOptions(requested, { defaultSeconds: Math.min(defaultSolveOptions.timeLimitSeconds, config.syncTimeLimitSeconds), capSeconds: config.syncTimeLimitSeconds });
      const result = await solveSynchronously(reply, () => app.solvePool.submitRepair(repairRequest, options), {
        retryAfterSeconds: config.retryAfterSeconds,
        // The body's fields are the repair request's, and the solver's paths start at the request.
        issuePathPrefix: [],
        crashAdvice: "Retrying the request may succeed.",
      });
      return { options, result };
    },
  );
};
