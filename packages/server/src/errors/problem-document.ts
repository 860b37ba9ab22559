import { STATUS_CODES } from "node:http";
import { HttpProblem, requestIssue, type RequestIssue } from "./http-problem.js";
import type { ZodValidationItem } from "../plugins/zod-compilers.js";

/** Media type of every error response (RFC 9457). */
export const problemMediaType = "application/problem+json";

/**
 * An RFC 9457 problem document. Standard members: `type` (a URN naming the error
 * code), `title`, `status`, `detail`, `instance` (the request path). Extensions:
 * `code` (stable: `SERVER_ERR_*`, `SCHED_ERR_*` or Fastify's `FST_ERR_*`),
 * `requestId` (matches the logs and the `x-request-id` header), `issues` (every
 * input problem found) and `jobId` where a job is concerned.
 */
export interface ProblemDocument {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly code: string;
  readonly requestId: string;
  readonly issues: readonly RequestIssue[];
  readonly jobId?: string;
}

/** What the error handler sends: status, headers and the document. */
export interface RenderedProblem {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly document: ProblemDocument;
  /** True for a 5xx nobody anticipated: logged as an error with its stack. */
  readonly unexpected: boolean;
}

/** Fastify's wrapper around the issues returned by a validator compiler. */
interface FastifyValidationError {
  readonly validation: readonly unknown[];
  readonly validationContext?: string;
}

/**
 * Maps anything thrown while handling a request to its problem document.
 * Client mistakes keep their 4xx status; only errors with no status or a 5xx one
 * become 500, and then the detail says nothing about internals.
 */
export function renderProblem(error: unknown, context: { readonly url: string; readonly requestId: string }): RenderedProblem {
  const base = { instance: context.url.split("?")[0] ?? "/", requestId: context.requestId };
  if (error instanceof HttpProblem) {
    return { status: error.statusCode, headers: error.headers, unexpected: false, document: document(error.statusCode, error.code, error.message, base, error.issues, error.title, error.jobId) };
  }
  if (isValidationError(error)) {
    const where = partName(error.validationContext);
    const issues = error.validation.map((item) => toIssue(where, item));
    const detail = `The request ${where} is invalid: ${issues.length} issue${issues.length === 1 ? "" : "s"}.`;
    return { status: 400, headers: {}, unexpected: false, document: document(400, "SERVER_ERR_REQUEST_INVALID", detail, base, issues) };
  }
  const status = statusOf(error);
  if (status >= 400 && status < 500) {
    // Fastify's own client errors (415 media type, 413 body size, 400 bad JSON, ...): their messages are safe to show.
    const code = codeOf(error) ?? "SERVER_ERR_REQUEST_INVALID";
    return { status, headers: {}, unexpected: false, document: document(status, code, messageOf(error), base) };
  }
  return { status: 500, headers: {}, unexpected: true, document: document(500, "SERVER_ERR_INTERNAL", "The server failed to handle this request. It has been logged under this requestId.", base) };
}

/** A 405 for a path served, but not with this method; `allowed` as in the `Allow` header. */
export function methodNotAllowedProblem(method: string, url: string, requestId: string, allowed: readonly string[]): ProblemDocument {
  const instance = url.split("?")[0] ?? "/";
  return document(405, "SERVER_ERR_METHOD_NOT_ALLOWED", `${instance} does not answer ${method}; it answers ${allowed.join(", ")}.`, { instance, requestId });
}

/** A 404 for a path no route serves. */
export function notFoundProblem(method: string, url: string, requestId: string): ProblemDocument {
  const instance = url.split("?")[0] ?? "/";
  return document(404, "SERVER_ERR_NOT_FOUND", `No route serves ${method} ${instance}.`, { instance, requestId });
}

function document(status: number, code: string, detail: string, base: { instance: string; requestId: string }, issues: readonly RequestIssue[] = [], title?: string, jobId?: string): ProblemDocument {
  return {
    type: `urn:shootplan:error:${code}`,
    title: title ?? STATUS_CODES[status] ?? "Error",
    status,
    detail,
    ...base,
    code,
    issues,
    ...(jobId === undefined ? {} : { jobId }),
  };
}

function isValidationError(error: unknown): error is FastifyValidationError {
  return typeof error === "object" && error !== null && Array.isArray((error as { validation?: unknown }).validation);
}

function partName(context: string | undefined): RequestIssue["in"] {
  return context === "querystring" || context === "params" || context === "headers" ? context : "body";
}

/** Issues come from our zod compiler; anything else (a plain Fastify/Ajv item) is described as well as possible. */
function toIssue(where: RequestIssue["in"], item: unknown): RequestIssue {
  const zodItem = item as Partial<ZodValidationItem>;
  const path = Array.isArray(zodItem.path) ? zodItem.path : [];
  return requestIssue(where, typeof zodItem.code === "string" ? zodItem.code : "invalid", path, typeof zodItem.message === "string" ? zodItem.message : "Invalid value.");
}

function statusOf(error: unknown): number {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === "number" && Number.isInteger(status) && status >= 400 && status <= 599 ? status : 500;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error && error.message !== "" ? error.message : "The request could not be processed.";
}
