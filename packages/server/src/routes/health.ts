import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { HttpProblem } from "../errors/http-problem.js";
import { healthSchema, problemResponses, readinessSchema } from "../schemas/response-schemas.js";

/**
 * `/healthz` (liveness: the event loop answers; no I/O, so it stays fast while
 * every worker solves) and `/readyz` (readiness: the store answers and the server
 * is not shutting down; with queue figures).
 */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const storeAnswers = (): boolean => {
    try {
      return app.jobStore.ping();
    } catch {
      return false; // closed or broken database
    }
  };

  app.get("/healthz", { schema: { summary: "Liveness", tags: ["health"], response: { 200: healthSchema } } }, async () => ({ status: "ok" as const }));

  app.get(
    "/readyz",
    { schema: { summary: "Readiness", tags: ["health"], response: { 200: readinessSchema, ...problemResponses(503) } } },
    async () => {
      const ready = !app.isClosing() && storeAnswers();
      if (!ready) throw new HttpProblem({ status: 503, code: "SERVER_ERR_SHUTTING_DOWN", title: "Not ready", detail: "The server is shutting down or its job store does not answer." });
      return { status: "ready" as const, ...app.solvePool.stats };
    },
  );
};
