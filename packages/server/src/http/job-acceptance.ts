import type { FastifyReply, FastifyRequest } from "fastify";
import type { JobRecord } from "../jobs/job-record.js";
import { jobAcceptedView } from "../jobs/job-view.js";
import { rethrowAsUnavailable } from "./service-problems.js";

/**
 * The 202 of `POST /v1/jobs` and `POST /v1/repair-jobs`: `submit` stores and queues the
 * job (a full queue or a closing pool is a 503, before anything is stored), and the
 * answer carries its links, with `Location` at the job.
 */
export function acceptJob(request: FastifyRequest, reply: FastifyReply, retryAfterSeconds: number, submit: () => JobRecord): FastifyReply {
  let job: JobRecord;
  try {
    job = submit();
  } catch (error) {
    rethrowAsUnavailable(error, retryAfterSeconds);
  }
  request.log.info({ jobId: job.id, kind: job.kind }, "job accepted");
  const view = jobAcceptedView(job);
  return reply.code(202).header("location", view.links.self).send(view);
}
