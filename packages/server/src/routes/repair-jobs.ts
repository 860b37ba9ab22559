import { defaultSolveOptions } from "@shootplan/solver";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ServerConfig } from "../config.js";
import { applyOptions } from "../http/applied-options.js";
import { assertProblemSize } from "../http/problem-limits.js";
import { assertValidRepairRequest } from "../http/semantic-validation.js";
import { acceptJob } from "../http/job-acceptance.js";
import { unavailable } from "../http/service-problems.js";
import { repairBodySchema } from "../schemas/request-schemas.js";
import { jobAcceptedSchema, problemResponses } from "../schemas/response-schemas.js";

/**
 * `POST /v1/repair-jobs`: the repair of `POST /v1/repair` as a durable job. A repair of a
 * small problem spends its time proving the best repair, and a client may want the
 * first repaired plan at once and the proof later, or to survive a restart: the job
 * lives at `/v1/jobs/:id` like a solve job (progress, events, cancel, calendar, call
 * sheet), with `kind: "repair"` and a `RepairResult` as its result.
 */
export const repairJobRoutes: FastifyPluginAsyncZod<{ readonly config: ServerConfig }> = async (app, { config }) => {
  app.post(
    "/repair-jobs",
    {
      schema: {
        summary: "Submit a repair job",
        description: [
          "Stores the repair request (the body of `POST /v1/repair`) and queues it; answers at once with 202 and links to the job, which `GET /v1/jobs/:id` and its events follow like a solve job's.",
          `\`options.timeLimitSeconds\` defaults to ${defaultSolveOptions.timeLimitSeconds} s, capped at ${config.jobTimeLimitSeconds} s; \`strategy\` and \`iterationLimit\` do not apply.`,
          "Progress reports carry `objective` (cost plus change penalties), which their lower bound and gap are about. The job survives restarts.",
        ].join(" "),
        tags: ["repair", "jobs"],
        body: repairBodySchema,
        response: { 202: jobAcceptedSchema, ...problemResponses(400, 401, 413, 415, 422, 429, 503) },
      },
      preValidation: async (request) => assertProblemSize(request.body, config),
    },
    async (request, reply) => {
      if (app.isClosing()) throw unavailable("closing", config.retryAfterSeconds);
      const { options: requested, ...fields } = request.body;
      const { problem, earlierPlan, pinnedShoots, changePenalty } = assertValidRepairRequest(fields);
      const options = applyOptions(requested, { defaultSeconds: Math.min(defaultSolveOptions.timeLimitSeconds, config.jobTimeLimitSeconds), capSeconds: config.jobTimeLimitSeconds });
      return acceptJob(request, reply, config.retryAfterSeconds, () => app.jobs.submit({ problem, repair: { earlierPlan, pinnedShoots, changePenalty }, options, owner: request.owner }));
    },
  );
};
