import { HttpProblem } from "../errors/http-problem.js";
import { PoolClosedError, QueueFullError } from "../worker/solve-pool.js";

/** 404 for a job that does not exist, belongs to another API key, or has expired. */
export function jobNotFound(id: string): HttpProblem {
  return new HttpProblem({ status: 404, code: "SERVER_ERR_NOT_FOUND", title: "Job not found", detail: `There is no job ${id} (it may have expired).`, jobId: id });
}

/** 503 telling the client to come back: the queue is full, or the server is shutting down. */
export function unavailable(error: QueueFullError | PoolClosedError | "closing", retryAfterSeconds: number): HttpProblem {
  const full = error instanceof QueueFullError;
  return new HttpProblem({
    status: 503,
    code: full ? "SERVER_ERR_QUEUE_FULL" : "SERVER_ERR_SHUTTING_DOWN",
    title: full ? "Solve queue full" : "Shutting down",
    detail: full ? "Every worker is busy and the queue is full. Retry after the time in Retry-After." : "The server is shutting down. Retry shortly.",
    headers: { "retry-after": String(retryAfterSeconds) },
  });
}

/** Maps the pool's refusals to 503 and rethrows anything else. */
export function rethrowAsUnavailable(error: unknown, retryAfterSeconds: number): never {
  if (error instanceof QueueFullError || error instanceof PoolClosedError) throw unavailable(error, retryAfterSeconds);
  throw error;
}
