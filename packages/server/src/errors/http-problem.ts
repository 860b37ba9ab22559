/**
 * One thing wrong with a request, as served in a problem document's `issues`:
 * - `in`: which part of the request (`body`, `querystring`, `params`, `headers`);
 * - `code`: stable and machine-readable (zod's codes such as `invalid_type`, the
 *   solver's semantic codes such as `unknown_reference`, or the server's own such as `too_many`);
 * - `path`: keys and indices from the root of that part, e.g. `["problem", "shoots", 2, "id"]`;
 * - `pointer`: the same path as an RFC 6901 JSON Pointer, e.g. `/problem/shoots/2/id`;
 * - `message`: a sentence for people.
 */
export interface RequestIssue {
  readonly in: "body" | "querystring" | "params" | "headers";
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly pointer: string;
  readonly message: string;
}

/** Stable codes of the errors the server itself raises (the solver's are `SCHED_ERR_*`). */
export type ServerErrorCode =
  | "SERVER_ERR_REQUEST_INVALID"
  | "SERVER_ERR_PROBLEM_TOO_LARGE"
  | "SERVER_ERR_NOT_FOUND"
  | "SERVER_ERR_METHOD_NOT_ALLOWED"
  | "SERVER_ERR_JOB_FINISHED"
  | "SERVER_ERR_QUEUE_FULL"
  | "SERVER_ERR_UNAUTHORIZED"
  | "SERVER_ERR_RATE_LIMITED"
  | "SERVER_ERR_SHUTTING_DOWN"
  | "SERVER_ERR_SOLVE_FAILED"
  | "SERVER_ERR_INTERNAL";

/**
 * An error that already knows its HTTP answer: thrown by routes and plugins and
 * rendered by the one error handler as an RFC 9457 problem document.
 */
export class HttpProblem extends Error {
  override readonly name = "HttpProblem";
  /** HTTP status code. Fastify reads `statusCode` off thrown errors, so it is named for that. */
  readonly statusCode: number;
  readonly code: string;
  readonly title: string;
  readonly issues: readonly RequestIssue[];
  /** Extra response headers, e.g. `Retry-After` or `WWW-Authenticate`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The job concerned, when there is one (logged and served as the `jobId` member). */
  readonly jobId: string | undefined;

  constructor(init: { status: number; code: string; title: string; detail: string; issues?: readonly RequestIssue[]; headers?: Record<string, string>; jobId?: string }) {
    super(init.detail);
    this.statusCode = init.status;
    this.code = init.code;
    this.title = init.title;
    this.issues = init.issues ?? [];
    this.headers = init.headers ?? {};
    this.jobId = init.jobId;
  }
}

/** `["problem", "shoots", 2]` as the JSON Pointer `/problem/shoots/2` (RFC 6901 escaping). */
export function toJsonPointer(path: readonly (string | number)[]): string {
  return path.map((p) => `/${String(p).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

/** An issue of part `where`, with its pointer derived from its path. */
export function requestIssue(where: RequestIssue["in"], code: string, path: readonly (string | number)[], message: string): RequestIssue {
  return { in: where, code, path, pointer: toJsonPointer(path), message };
}
