import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { methodNotAllowedProblem, notFoundProblem, problemMediaType, renderProblem } from "../errors/problem-document.js";

/**
 * The one place errors become HTTP: every thrown error and every unknown route is
 * answered with an RFC 9457 problem document; a path served only with other methods is
 * a 405 with `Allow`, as RFC 9110 asks. Client mistakes are logged at info
 * (they are not the server's fault), unexpected failures at error with the stack.
 */
export const errorHandler = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler(async (error, request, reply) => {
      const rendered = renderProblem(error, { url: request.url, requestId: request.id });
      const { document } = rendered;
      const jobId = document.jobId;
      if (rendered.unexpected) request.log.error({ err: error, jobId }, "request failed");
      else request.log.info({ status: document.status, code: document.code, jobId }, "request rejected");
      return reply.code(rendered.status).headers(rendered.headers).type(problemMediaType).send(document);
    });
    // Every route's pattern, to tell a path served with other methods (405) from an unknown one (404).
    const routes: { readonly pattern: RegExp; readonly methods: readonly string[] }[] = [];
    app.addHook("onRoute", (route) => {
      const methods = (Array.isArray(route.method) ? route.method : [route.method]).map(String);
      routes.push({ pattern: routePattern(route.url), methods });
    });
    app.setNotFoundHandler(async (request, reply) => {
      const path = request.url.split("?")[0] ?? "/";
      const allowed = [...new Set(routes.filter((r) => r.pattern.test(path)).flatMap((r) => r.methods))].sort();
      if (allowed.length > 0) {
        return reply.code(405).header("allow", allowed.join(", ")).type(problemMediaType).send(methodNotAllowedProblem(request.method, request.url, request.id, allowed));
      }
      return reply.code(404).type(problemMediaType).send(notFoundProblem(request.method, request.url, request.id));
    });
  },
  { name: "shootplan-error-handler", fastify: "5.x" },
);

/**
 * Fastify's `frameworkErrors`: a URL the router cannot decode (400 FST_ERR_BAD_URL) or a
 * path parameter past its length (414 FST_ERR_MAX_PARAM_LENGTH) is answered before any
 * route or error handler, as plain JSON unless handled here.
 */
export function answerFrameworkError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
  const { status, document } = renderProblem(error, { url: request.url, requestId: request.id });
  request.log.info({ status, code: document.code }, "request rejected");
  void reply.code(status).header("x-request-id", request.id).type(problemMediaType).send(document);
}

/** A route URL such as `/v1/jobs/:id/events` as a whole-path pattern (`:name` is one segment). */
function routePattern(url: string): RegExp {
  const escaped = url.split("/").map((segment) => (segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  return new RegExp(`^${escaped.join("/")}/?$`);
}
