import type { SolveResult } from "@shootplan/solver";
import type { FastifyReply } from "fastify";
import { HttpProblem, requestIssue } from "../errors/http-problem.js";
import type { SolveOutcome, SolveTicket } from "../worker/solve-pool.js";
import { rethrowAsUnavailable, unavailable } from "./service-problems.js";

/** How to turn a synchronous solve's failures into HTTP problems. */
export interface SynchronousSolveContext {
  /** `Retry-After` of the 503 answers. */
  readonly retryAfterSeconds: number;
  /** Prepended to the solver's issue paths to make them body paths (`["problem"]` when the body nests the problem). */
  readonly issuePathPrefix: readonly (string | number)[];
  /** Sentence appended when the worker crashed, saying how to retry. */
  readonly crashAdvice: string;
}

/**
 * Runs a solve or repair on the worker pool for the request being answered: `submit`
 * queues it (a full queue or a closing pool is a 503), a client that disconnects
 * cancels it, and anything but an answer from the solver is thrown as an HTTP problem.
 */
export async function solveSynchronously<R extends SolveResult>(reply: FastifyReply, submit: () => SolveTicket<R>, context: SynchronousSolveContext): Promise<R> {
  let ticket: SolveTicket<R>;
  try {
    ticket = submit();
  } catch (error) {
    rethrowAsUnavailable(error, context.retryAfterSeconds);
  }
  // The client gave up: free the worker instead of solving for nobody.
  const onClose = (): void => {
    if (!reply.raw.writableFinished) void ticket.cancel();
  };
  reply.raw.once("close", onClose);
  const outcome = await ticket.outcome;
  reply.raw.off("close", onClose);
  if (outcome.kind === "solved") return outcome.result;
  throw outcomeProblem(outcome, context);
}

/** A solve that did not answer, as an HTTP problem: the solver's refusals are 422, the server's failures 5xx. */
function outcomeProblem(outcome: Exclude<SolveOutcome, { kind: "solved" }>, context: SynchronousSolveContext): HttpProblem {
  switch (outcome.kind) {
    case "error": {
      const clientFault = outcome.error.code === "SCHED_ERR_PROBLEM_INVALID" || outcome.error.code === "SCHED_ERR_OPTIONS_INVALID";
      const issues = (outcome.error.issues ?? []).map((i) => requestIssue("body", i.code, [...context.issuePathPrefix, ...i.path], i.message));
      return new HttpProblem({ status: clientFault ? 422 : 500, code: outcome.error.code, title: clientFault ? "Invalid input" : "Solver failure", detail: outcome.error.message, issues });
    }
    case "crashed":
      return new HttpProblem({ status: 500, code: "SERVER_ERR_WORKER_CRASHED", title: "Worker crashed", detail: `${outcome.message}. ${context.crashAdvice}` });
    case "overran":
      return new HttpProblem({ status: 500, code: "SERVER_ERR_SOLVE_OVERRAN", title: "Solve overran", detail: outcome.message });
    case "cancelled":
    case "stopped":
      return unavailable("closing", context.retryAfterSeconds);
  }
}
