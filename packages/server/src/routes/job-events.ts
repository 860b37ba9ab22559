import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ServerConfig } from "../config.js";
import { HttpProblem, requestIssue } from "../errors/http-problem.js";
import { openEventStream, type EventStream } from "../http/event-stream.js";
import { jobNotFound } from "../http/service-problems.js";
import type { JobEvent } from "../jobs/job-record.js";
import { jobEventsQuerySchema, jobParamsSchema } from "../schemas/request-schemas.js";
import { problemResponses } from "../schemas/response-schemas.js";

const eventStreamDescription = [
  "Server-Sent Events, each with a numeric `id`, an `event` type and JSON `data`:",
  "`queued` {attempt, reason?}, `started` {attempt}, `progress` {cost, objective?, lowerBound, gap, seconds},",
  "`finished` {status, result: {status, cost, objective?, lowerBound, gap} | null, error};",
  "`objective` (cost plus change penalties) only for repair jobs, whose bound and gap are about it. The stream replays",
  "the job's history (after `Last-Event-ID` when given; an id it never sent is a 400), follows it live and ends after `finished`.",
].join(" ");

/**
 * `GET /v1/jobs/:id/events`. History comes from the store, so a client may connect
 * late, reconnect with `Last-Event-ID`, or come back after a server restart. Once a
 * client has seen `finished`, asking for more answers 410 Gone, which also stops an
 * EventSource from reconnecting forever.
 */
export const jobEventRoutes: FastifyPluginAsyncZod<{ readonly config: ServerConfig }> = async (app) => {
  const open = new Set<EventStream>();
  // Streams never end by themselves while a job runs: end them so shutdown is not held up; clients resume elsewhere with Last-Event-ID.
  app.addHook("preClose", async () => {
    for (const stream of [...open]) stream.end();
  });

  app.get(
    "/jobs/:id/events",
    {
      schema: {
        summary: "Follow a job's events (SSE)",
        description: eventStreamDescription,
        tags: ["jobs"],
        params: jobParamsSchema,
        querystring: jobEventsQuerySchema,
        response: { 200: { description: eventStreamDescription, content: { "text/event-stream": { schema: z.string() } } }, ...problemResponses(400, 401, 404, 410, 429) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const job = app.jobs.get(id, request.owner);
      if (job === null) throw jobNotFound(id);
      const { after, from } = lastEventId(request.headers["last-event-id"], request.query.lastEventId);
      // An id above the latest was never sent by this stream: following from it would
      // skip every event up to it, `finished` included, and never end.
      const latest = app.jobs.lastEventSeq(id);
      if (after > latest) throw unsentEventId(`Job ${id}'s latest event is ${latest}; ${after} was never sent.`, from);
      // Subscribe before reading history: an event in between is then buffered, not lost.
      const live: JobEvent[] = [];
      let deliver: (event: JobEvent) => void = (event) => live.push(event);
      const unsubscribe = app.jobs.subscribe(id, (event) => deliver(event));
      const history = app.jobs.events(id, after);
      if (history.length === 0 && live.length === 0 && job.finishedAt !== null) {
        unsubscribe();
        throw new HttpProblem({ status: 410, code: "SERVER_ERR_JOB_FINISHED", title: "Gone", detail: `Job ${id} has finished and every event up to ${after} was delivered.`, jobId: id });
      }
      const stream = openEventStream(reply, { "x-request-id": request.id });
      open.add(stream);
      stream.onClose(() => {
        unsubscribe();
        open.delete(stream);
      });
      let lastSent = after;
      deliver = (event) => {
        if (event.seq <= lastSent) return;
        lastSent = event.seq;
        stream.send(event.seq, event.type, { ...event.data, jobId: id, at: new Date(event.at).toISOString() });
        if (event.type === "finished") stream.end();
      };
      for (const event of [...history, ...live]) deliver(event);
      request.log.debug({ jobId: id, after }, "event stream opened");
    },
  );
};

/**
 * Resume point from the `Last-Event-ID` header (EventSource) or the `lastEventId` query,
 * and which gave it; 0 for the whole history.
 */
function lastEventId(header: string | string[] | undefined, query: string | undefined): { readonly after: number; readonly from: "header" | "query" } {
  const value = (Array.isArray(header) ? header[0] : header)?.trim() ?? "";
  if (value === "") return { after: query === undefined ? 0 : Number(query), from: "query" };
  if (!/^\d{1,9}$/.test(value)) throw unsentEventId("Expected a decimal event id.", "header");
  return { after: Number(value), from: "header" };
}

/** 400 for a resume point this stream never sent, at the header or the query parameter that gave it. */
function unsentEventId(message: string, from: "header" | "query"): HttpProblem {
  const issue = from === "header" ? requestIssue("headers", "invalid_format", ["last-event-id"], message) : requestIssue("querystring", "invalid_format", ["lastEventId"], message);
  return new HttpProblem({ status: 400, code: "SERVER_ERR_REQUEST_INVALID", title: "Bad Request", detail: "Last-Event-ID must be an event id sent by this stream.", issues: [issue] });
}
