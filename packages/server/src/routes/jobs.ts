import { defaultSolveOptions } from "@shootplan/solver";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ServerConfig } from "../config.js";
import { HttpProblem } from "../errors/http-problem.js";
import { applyOptions } from "../http/applied-options.js";
import { assertProblemSize } from "../http/problem-limits.js";
import { assertValidProblem } from "../http/semantic-validation.js";
import { acceptJob } from "../http/job-acceptance.js";
import { jobNotFound, unavailable } from "../http/service-problems.js";
import { JobFinishedError } from "../jobs/job-service.js";
import { jobSummaryView, jobView } from "../jobs/job-view.js";
import { jobListQuerySchema, jobParamsSchema, solveRequestSchema } from "../schemas/request-schemas.js";
import { jobAcceptedSchema, jobListSchema, jobSchema, problemResponses } from "../schemas/response-schemas.js";

/** The job resource: submit, read, list and cancel solve jobs. Events are in `job-events.ts`. */
export const jobRoutes: FastifyPluginAsyncZod<{ readonly config: ServerConfig }> = async (app, { config }) => {
  app.post(
    "/jobs",
    {
      schema: {
        summary: "Submit a solve job",
        description: `Stores the problem and queues it; answers at once with 202 and links. \`options.timeLimitSeconds\` defaults to ${defaultSolveOptions.timeLimitSeconds} s, capped at ${config.jobTimeLimitSeconds} s. The job survives restarts.`,
        tags: ["jobs"],
        body: solveRequestSchema,
        response: { 202: jobAcceptedSchema, ...problemResponses(400, 401, 413, 415, 422, 429, 503) },
      },
      preValidation: async (request) => assertProblemSize(request.body, config),
    },
    async (request, reply) => {
      if (app.isClosing()) throw unavailable("closing", config.retryAfterSeconds);
      const problem = assertValidProblem(request.body.problem);
      const options = applyOptions(request.body.options, { defaultSeconds: Math.min(defaultSolveOptions.timeLimitSeconds, config.jobTimeLimitSeconds), capSeconds: config.jobTimeLimitSeconds });
      return acceptJob(request, reply, config.retryAfterSeconds, () => app.jobs.submit({ problem, options, owner: request.owner }));
    },
  );

  app.get(
    "/jobs",
    {
      schema: {
        summary: "List jobs",
        description: "Newest first, without problems or plans. Page with `cursor` = the previous page's `nextCursor`.",
        tags: ["jobs"],
        querystring: jobListQuerySchema,
        response: { 200: jobListSchema, ...problemResponses(400, 401, 429) },
      },
    },
    async (request) => {
      const { status, limit, cursor } = request.query;
      const page = app.jobs.list({ owner: request.owner, limit, ...(status === undefined ? {} : { status }), ...(cursor === undefined ? {} : { cursor: Number(cursor) }) });
      return { jobs: page.jobs.map(jobSummaryView), nextCursor: page.nextCursor === null ? null : String(page.nextCursor) };
    },
  );

  app.get(
    "/jobs/:id",
    {
      schema: {
        summary: "Get a job",
        description: "Status, timings, the best plan so far (`progress`) while running, and the answer (`result`) once completed.",
        tags: ["jobs"],
        params: jobParamsSchema,
        response: { 200: jobSchema, ...problemResponses(400, 401, 404, 429) },
      },
    },
    async (request) => {
      const job = app.jobs.get(request.params.id, request.owner);
      if (job === null) throw jobNotFound(request.params.id);
      return jobView(job, config.jobTtlSeconds);
    },
  );

  app.delete(
    "/jobs/:id",
    {
      schema: {
        summary: "Cancel a job",
        description: `Cancels a queued or running job and answers once its worker has stopped (at most about ${config.cancelGraceMs} ms after the request), with the job and its best plan so far. 409 when the job had already ended.`,
        tags: ["jobs"],
        params: jobParamsSchema,
        response: { 200: jobSchema, ...problemResponses(400, 401, 404, 409, 429) },
      },
    },
    async (request) => {
      const job = app.jobs.get(request.params.id, request.owner);
      if (job === null) throw jobNotFound(request.params.id);
      try {
        return jobView(await app.jobs.cancel(job), config.jobTtlSeconds);
      } catch (error) {
        if (!(error instanceof JobFinishedError)) throw error;
        throw new HttpProblem({ status: 409, code: "SERVER_ERR_JOB_FINISHED", title: "Job already finished", detail: `${error.message}; there is nothing to cancel.`, jobId: job.id });
      }
    },
  );
};
