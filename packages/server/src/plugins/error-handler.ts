import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { notFoundProblem, problemMediaType, renderProblem } from "../errors/problem-document.js";

/**
 * The one place errors become HTTP: every thrown error and every unknown route is
 * answered with an RFC 9457 problem document. Client mistakes are logged at info
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
    app.setNotFoundHandler(async (request, reply) => {
      return reply.code(404).type(problemMediaType).send(notFoundProblem(request.method, request.url, request.id));
    });
  },
  { name: "shootplan-error-handler", fastify: "5.x" },
);
