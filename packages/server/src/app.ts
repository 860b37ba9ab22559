import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import Fastify, { LogController, type FastifyInstance, type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault, type FastifyBaseLogger } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { DestinationStream } from "pino";
import { resolveConfig, type ServerConfig } from "./config.js";
import { ApiKeys, apiKeyAuth } from "./plugins/api-keys.js";
import { answerFrameworkError, errorHandler } from "./plugins/error-handler.js";
import { idleConnectionReaper } from "./plugins/idle-connection-reaper.js";
import { jobRuntime } from "./plugins/job-runtime.js";
import { openApi } from "./plugins/openapi.js";
import { requestRateLimit } from "./plugins/rate-limit.js";
import { jsonBody } from "./plugins/json-body.js";
import { zodCompilers } from "./plugins/zod-compilers.js";
import { checkRoutes } from "./routes/check.js";
import { healthRoutes } from "./routes/health.js";
import { jobEventRoutes } from "./routes/job-events.js";
import { jobReadoutRoutes } from "./routes/job-readouts.js";
import { jobRoutes } from "./routes/jobs.js";
import { repairJobRoutes } from "./routes/repair-jobs.js";
import { repairRoutes } from "./routes/repair.js";
import { schemaRoutes } from "./routes/schema.js";
import { solveRoutes } from "./routes/solve.js";

export { configFromEnv, defaultConfig, envVarNames, resolveConfig, type ServerConfig } from "./config.js";

/** How to build the app. Everything is optional: the defaults serve `npm start`. */
export interface BuildAppOptions {
  /** Settings over `defaultConfig` (the server passes `configFromEnv()`). */
  readonly config?: Partial<ServerConfig>;
  /** Log destination (default stdout); tests pass a stream to read the JSON lines. */
  readonly logStream?: DestinationStream;
  /** `false` turns logging off whatever `config.logLevel` says. Default true. */
  readonly logging?: boolean;
}

/** The Fastify instance `buildApp` returns, typed with the zod type provider. */
export type ShootplanApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

const version = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

/** Request ids: the caller's `x-request-id` when it is a sane token (to join logs across services), else a UUID. */
function requestId(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers["x-request-id"];
  return typeof given === "string" && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
}

/**
 * Builds the HTTP app without listening (tests use `inject`; `server.ts` listens).
 * Await `app.ready()` (or the first `inject`) before use, and `app.close()` to stop
 * its workers and close its store.
 */
export function buildApp(options: BuildAppOptions = {}): ShootplanApp {
  const config = resolveConfig(options.config);
  const keys = new ApiKeys(config.apiKeys);
  const app = Fastify({
    logger:
      options.logging === false
        ? false
        : {
            level: config.logLevel,
            // Fastify's request serializer logs method, url and addresses only: never bodies or headers.
            redact: ["req.headers.authorization"],
            ...(options.logStream === undefined ? {} : { stream: options.logStream }),
          },
    genReqId: requestId,
    // Log lines carry `requestId`, the same name as the member of problem documents.
    logController: new LogController({ requestIdLogLabel: "requestId" }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // During shutdown the routes answer 503 as problem documents themselves.
    return503OnClosing: false,
    // A URL the router cannot decode (400) or a path parameter past its length (414) is
    // answered before any route or error handler: as a problem document here too.
    frameworkErrors: answerFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();

  // Only JSON bodies: anything else is 415, not a string that fails validation with 400.
  app.removeContentTypeParser("text/plain");
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  void app.register(jsonBody);
  void app.register(zodCompilers);
  void app.register(errorHandler);
  void app.register(idleConnectionReaper, { forceAfterMs: config.shutdownGraceSeconds * 1000 });
  void app.register(openApi, { version, authEnabled: keys.enabled });
  void app.register(jobRuntime, { config });
  void app.register(healthRoutes);
  void app.register(
    async (v1) => {
      await v1.register(requestRateLimit, { max: config.rateLimitMax, windowMs: config.rateLimitWindowMs, keys });
      await v1.register(apiKeyAuth, { keys });
      await v1.register(solveRoutes, { config });
      await v1.register(repairRoutes, { config });
      await v1.register(repairJobRoutes, { config });
      await v1.register(jobRoutes, { config });
      await v1.register(jobEventRoutes, { config });
      await v1.register(jobReadoutRoutes, { config });
      await v1.register(checkRoutes, { config });
      await v1.register(schemaRoutes);
    },
    { prefix: "/v1" },
  );
  return app;
}
