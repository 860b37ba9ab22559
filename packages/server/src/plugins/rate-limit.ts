import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { HttpProblem } from "../errors/http-problem.js";
import type { ApiKeys } from "./api-keys.js";

/**
 * Per-client request limit on the scope it is registered in, when `max` > 0.
 * Clients are told apart by API key when they send a valid one, else by IP, so a
 * client cycling through invalid keys is still limited by its address.
 */
export const requestRateLimit = fp(
  async (app: FastifyInstance, options: { readonly max: number; readonly windowMs: number; readonly keys: ApiKeys }) => {
    if (options.max <= 0) return;
    await app.register(rateLimit, {
      global: true,
      max: options.max,
      timeWindow: options.windowMs,
      keyGenerator: (request) => options.keys.identify(request.headers.authorization) ?? request.ip,
      errorResponseBuilder: (_request, context) =>
        new HttpProblem({
          status: 429,
          code: "SERVER_ERR_RATE_LIMITED",
          title: "Too many requests",
          detail: `At most ${context.max} requests per ${context.after}. Retry after the time in Retry-After.`,
          headers: { "retry-after": String(Math.ceil(context.ttl / 1000)) },
        }),
    });
  },
  { name: "shootplan-rate-limit", fastify: "5.x" },
);
