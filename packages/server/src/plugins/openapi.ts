import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { createJsonSchemaTransform } from "fastify-type-provider-zod";

/**
 * OpenAPI 3.1 generated from the routes' zod schemas (the solver's problem and plan
 * schemas included), served as JSON at `/docs/json` and browsable with Swagger UI
 * at `/docs`. Registered before the routes so it sees them all.
 */
export const openApi = fp(
  async (app: FastifyInstance, options: { readonly version: string; readonly authEnabled: boolean }) => {
    await app.register(swagger, {
      openapi: {
        openapi: "3.1.0",
        info: {
          title: "shootplan",
          version: options.version,
          description: "Plans photo and film shoots at proven minimal cost. Errors are RFC 9457 problem documents (application/problem+json) with machine-readable `code` and `issues`.",
        },
        tags: [
          { name: "solve", description: "Synchronous solving" },
          { name: "repair", description: "Synchronous re-planning of an earlier plan after a change" },
          { name: "jobs", description: "Durable solve jobs with live events" },
          { name: "check", description: "Plan verification" },
          { name: "schema", description: "JSON Schemas" },
          { name: "health", description: "Liveness and readiness" },
        ],
        components: { securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "An API key from SHOOTPLAN_API_KEYS (only when configured)." } } },
        ...(options.authEnabled ? { security: [{ bearerAuth: [] }] } : {}),
      },
      transform: createJsonSchemaTransform({ skipList: [] }),
    });
    await app.register(swaggerUi, { routePrefix: "/docs" });
  },
  { name: "shootplan-openapi", fastify: "5.x" },
);
