import { defaultSolveOptions } from "@shootplan/solver";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ServerConfig } from "../config.js";
import { HttpProblem, requestIssue } from "../errors/http-problem.js";
import { applyOptions } from "../http/applied-options.js";
import { assertProblemSize } from "../http/problem-limits.js";
import { assertValidProblem } from "../http/semantic-validation.js";
import { rethrowAsUnavailable, unavailable } from "../http/service-problems.js";
import { solveRequestSchema } from "../schemas/request-schemas.js";
import { problemResponses, solveResponseSchema } from "../schemas/response-schemas.js";
import type { SolveOutcome } from "../worker/solve-pool.js";

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
      let ticket;
      try {
        ticket = app.solvePool.submit(problem, options);
      } catch (error) {
        rethrowAsUnavailable(error, config.retryAfterSeconds);
      }
      // The client gave up: free the worker instead of solving for nobody.
      const onClose = (): void => {
        if (!reply.raw.writableFinished) void ticket.cancel();
      };
      reply.raw.once("close", onClose);
      const outcome = await ticket.outcome;
      reply.raw.off("close", onClose);
      if (outcome.kind === "solved") return { options, result: outcome.result };
      throw outcomeProblem(outcome, config.retryAfterSeconds);
    },
  );
};

/** A solve that did not answer, as an HTTP problem: the solver's refusals are 422, the server's failures 5xx. */
function outcomeProblem(outcome: Exclude<SolveOutcome, { kind: "solved" }>, retryAfterSeconds: number): HttpProblem {
  switch (outcome.kind) {
    case "error": {
      const clientFault = outcome.error.code === "SCHED_ERR_PROBLEM_INVALID" || outcome.error.code === "SCHED_ERR_OPTIONS_INVALID";
      const issues = (outcome.error.issues ?? []).map((i) => requestIssue("body", i.code, ["problem", ...i.path], i.message));
      return new HttpProblem({ status: clientFault ? 422 : 500, code: outcome.error.code, title: clientFault ? "Invalid input" : "Solver failure", detail: outcome.error.message, issues });
    }
    case "crashed":
      return new HttpProblem({ status: 500, code: "SERVER_ERR_WORKER_CRASHED", title: "Worker crashed", detail: `${outcome.message}. Submitting the problem as a job retries automatically.` });
    case "overran":
      return new HttpProblem({ status: 500, code: "SERVER_ERR_SOLVE_OVERRAN", title: "Solve overran", detail: outcome.message });
    case "cancelled":
    case "stopped":
      return unavailable("closing", retryAfterSeconds);
  }
}
