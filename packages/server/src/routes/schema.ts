import { planJsonSchema, problemJsonSchema } from "@shootplan/solver";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemResponses } from "../schemas/response-schemas.js";

/** `GET /v1/schema`: the JSON Schema (draft 2020-12) of problems, or of plans with `?of=plan`, derived from the solver's zod schemas. */
export const schemaRoutes: FastifyPluginAsyncZod = async (app) => {
  // Derived once: the schemas cannot change while the process runs.
  const documents = { problem: problemJsonSchema(), plan: planJsonSchema() };
  app.get(
    "/schema",
    {
      schema: {
        summary: "JSON Schema of problems (or plans)",
        description: "Shape only: references, calendar sense and money precision are checked on submission (422).",
        tags: ["schema"],
        querystring: z.strictObject({ of: z.enum(["problem", "plan"]).default("problem") }),
        response: { 200: { description: "A JSON Schema document", content: { "application/schema+json": { schema: z.record(z.string(), z.unknown()) } } }, ...problemResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      return reply.type("application/schema+json").header("cache-control", "public, max-age=3600").send(documents[request.query.of]);
    },
  );
};
