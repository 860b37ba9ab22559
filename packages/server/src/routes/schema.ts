import { planJsonSchema, problemJsonSchema, repairRequestJsonSchema } from "@shootplan/solver";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemResponses } from "../schemas/response-schemas.js";

/**
 * `GET /v1/schema`: the JSON Schema (draft 2020-12) of problems, of plans with `?of=plan`, or of
 * repair requests (the body of `POST /v1/repair` without `options`) with `?of=repair`, derived
 * from the solver's zod schemas.
 */
export const schemaRoutes: FastifyPluginAsyncZod = async (app) => {
  // Derived once: the schemas cannot change while the process runs.
  const documents = { problem: problemJsonSchema(), plan: planJsonSchema(), repair: repairRequestJsonSchema() };
  app.get(
    "/schema",
    {
      schema: {
        summary: "JSON Schema of problems (or plans, or repair requests)",
        description: "Shape only: references, calendar sense and money precision are checked on submission (422).",
        tags: ["schema"],
        querystring: z.strictObject({ of: z.enum(["problem", "plan", "repair"]).default("problem").describe("`problem` (default), `plan`, or `repair` (a repair request: problem, earlierPlan, pinnedShoots, changePenalty).") }),
        response: { 200: { description: "A JSON Schema document", content: { "application/schema+json": { schema: z.record(z.string(), z.unknown()) } } }, ...problemResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      return reply.type("application/schema+json").header("cache-control", "public, max-age=3600").send(documents[request.query.of]);
    },
  );
};
