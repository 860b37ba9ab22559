import { callSheet, formatCallSheet, InvalidOptionsError, planCalendar } from "@shootplan/solver";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ServerConfig } from "../config.js";
import { HttpProblem, requestIssue } from "../errors/http-problem.js";
import { jobNotFound } from "../http/service-problems.js";
import type { JobRecord } from "../jobs/job-record.js";
import { decimalQuery, jobParamsSchema } from "../schemas/request-schemas.js";
import { problemResponses } from "../schemas/response-schemas.js";

const calendarQuerySchema = z.strictObject({
  person: z.string().min(1).max(100).optional().describe("Only this crew member's shoots, their role in each title."),
  location: z.string().min(1).max(100).optional().describe("Only the shoots at this location."),
  sequence: decimalQuery(0, 1_000_000).optional().describe("iCalendar SEQUENCE, 0 to 1 000 000 (default 0): export again with a higher one after a change, and clients update the events they have."),
});

const callSheetQuerySchema = z.strictObject({
  date: z.iso.date({ error: "use an ISO date such as 2027-03-01" }).describe("The working date of the sheet."),
  format: z.enum(["markdown", "json"]).default("markdown").describe("`markdown` (default) to print or send, `json` for the solver's `CallSheet`."),
});

/**
 * What the people on a plan read, from a completed job's plan: its calendar
 * (iCalendar, for everyone, one person or one location) and a date's call sheet.
 */
export const jobReadoutRoutes: FastifyPluginAsyncZod<{ readonly config: ServerConfig }> = async (app) => {
  /** The job's problem and plan, or the reason there is no plan to read. */
  const planOf = (id: string, owner: string | null): { problem: unknown; plan: unknown } => {
    const job = app.jobs.get(id, owner);
    if (job === null) throw jobNotFound(id);
    const plan = job.result?.plan ?? null;
    if (plan === null) throw noPlan(job);
    return { problem: app.jobs.problem(job), plan };
  };

  app.get(
    "/jobs/:id/calendar",
    {
      schema: {
        summary: "The job's plan as a calendar",
        description: "iCalendar (RFC 5545): one event per working day of each scheduled shoot, in UTC, with location, crew and roles, equipment. Events keep their UIDs from plan to plan. 409 while the job has no plan.",
        tags: ["jobs"],
        params: jobParamsSchema,
        querystring: calendarQuerySchema,
        response: { 200: { description: "An iCalendar file", content: { "text/calendar": { schema: z.string() } } }, ...problemResponses(400, 401, 404, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const { problem, plan } = planOf(request.params.id, request.owner);
      const { person, location, sequence } = request.query;
      const options = { ...(person === undefined ? {} : { person }), ...(location === undefined ? {} : { location }), ...(sequence === undefined ? {} : { sequence }) };
      const text = readout(() => planCalendar(problem, plan, options));
      const name = [request.params.id, request.query.person, request.query.location].filter((x) => x !== undefined).join("-").replace(/[^A-Za-z0-9._-]/g, "_");
      return reply.type("text/calendar; charset=utf-8").header("content-disposition", `attachment; filename="${name}.ics"`).send(text);
    },
  );

  app.get(
    "/jobs/:id/call-sheet",
    {
      schema: {
        summary: "A date's call sheet of the job's plan",
        description: "The date's shoots in order of start, each person's call and wrap with their shoots and roles, and the day's rentals; wall-clock times in the horizon's time zone. 409 while the job has no plan.",
        tags: ["jobs"],
        params: jobParamsSchema,
        querystring: callSheetQuerySchema,
        response: {
          200: { description: "The call sheet", content: { "text/markdown": { schema: z.string() }, "application/json": { schema: z.record(z.string(), z.unknown()) } } },
          ...problemResponses(400, 401, 404, 409, 422, 429),
        },
      },
    },
    async (request, reply) => {
      const { problem, plan } = planOf(request.params.id, request.owner);
      const sheet = readout(() => callSheet(problem, plan, request.query.date));
      if (request.query.format === "json") return reply.type("application/json; charset=utf-8").send({ ...sheet });
      return reply.type("text/markdown; charset=utf-8").send(formatCallSheet(sheet));
    },
  );
};

/** 409: the job has not produced a plan (yet, or at all). */
function noPlan(job: JobRecord): HttpProblem {
  const why = job.status === "completed" ? `its answer is ${job.result?.status ?? "without a plan"}` : `it is ${job.status}`;
  return new HttpProblem({ status: 409, code: "SERVER_ERR_NO_PLAN", title: "No plan to read", detail: `Job ${job.id} has no plan: ${why}.`, jobId: job.id });
}

/** Runs a readout; an unknown person or location (the solver's options error) is the client's 422. */
function readout<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof InvalidOptionsError) {
      const issues = error.option === null ? [] : [requestIssue("querystring", "unknown_reference", [error.option], error.message)];
      throw new HttpProblem({ status: 422, code: error.code, title: "Nothing to read for these parameters", detail: error.message, issues });
    }
    throw error;
  }
}
