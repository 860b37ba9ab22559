import type { z } from "zod";
import type { jobAcceptedSchema, jobSchema, jobSummarySchema } from "../schemas/response-schemas.js";
import type { JobRecord } from "./job-record.js";
import { resultSummary } from "./job-service.js";

/** Relative links of a job, so clients need not build URLs. */
export function jobLinks(id: string): { self: string; events: string } {
  const self = `/v1/jobs/${encodeURIComponent(id)}`;
  return { self, events: `${self}/events` };
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** What the full job and its list row share: identity, status, attempts and timestamps. */
function jobHeader(job: Omit<JobRecord, "progress">) {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    attempts: job.attempts,
    createdAt: iso(job.createdAt) as string,
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
  };
}

/** The full job resource of `GET /v1/jobs/:id`; `ttlSeconds` gives `expiresAt`. */
export function jobView(job: JobRecord, ttlSeconds: number): z.input<typeof jobSchema> {
  return {
    ...jobHeader(job),
    expiresAt: job.finishedAt === null ? null : iso(job.finishedAt + ttlSeconds * 1000),
    queueSeconds: job.startedAt === null ? null : (job.startedAt - job.createdAt) / 1000,
    runSeconds: job.startedAt === null || job.finishedAt === null ? null : (job.finishedAt - job.startedAt) / 1000,
    options: job.options,
    progress: job.progress,
    result: job.result,
    error: job.error,
    links: jobLinks(job.id),
  };
}

/** One row of `GET /v1/jobs`: no problem, no plan. */
export function jobSummaryView(job: Omit<JobRecord, "progress">): z.input<typeof jobSummarySchema> {
  return {
    ...jobHeader(job),
    result: resultSummary(job.result),
    error: job.error,
    links: jobLinks(job.id),
  };
}

/** The 202 body of `POST /v1/jobs` and `POST /v1/repair-jobs`. */
export function jobAcceptedView(job: JobRecord): z.input<typeof jobAcceptedSchema> {
  return { id: job.id, status: job.status, links: jobLinks(job.id) };
}
