import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, onRequestAsyncHookHandler } from "fastify";
import fp from "fastify-plugin";
import { HttpProblem } from "../errors/http-problem.js";

declare module "fastify" {
  interface FastifyRequest {
    /** Fingerprint of the caller's API key (jobs are scoped to it); null when authentication is off. */
    owner: string | null;
  }
}

const digest = (key: string): Buffer => createHash("sha256").update(key).digest();

/**
 * Recognises bearer API keys. Keys are compared as SHA-256 digests with a
 * constant-time comparison, and only a 16-hex-digit fingerprint of a key is ever
 * stored (as a job's owner) or logged.
 */
export class ApiKeys {
  readonly #digests: readonly Buffer[];

  constructor(keys: readonly string[]) {
    this.#digests = keys.map(digest);
  }

  get enabled(): boolean {
    return this.#digests.length > 0;
  }

  /** The key's fingerprint when `authorization` carries a known bearer key, else null. */
  identify(authorization: string | undefined): string | null {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
    if (match?.[1] === undefined) return null;
    const presented = digest(match[1]);
    // Compare with every key so timing does not reveal which one matched.
    const known = this.#digests.reduce((found, d) => timingSafeEqual(d, presented) || found, false);
    return known ? presented.toString("hex").slice(0, 16) : null;
  }
}

/**
 * When keys are configured, every route in the scope it is registered in (the
 * `/v1` routes) needs `Authorization: Bearer <key>`; otherwise 401 with
 * `WWW-Authenticate`. Health checks and docs live outside that scope.
 *
 * The check is a route-level hook appended to each route as it is declared, so it
 * runs after hooks that plugins registered earlier added the same way: the rate
 * limiter counts a request before it can be refused here, and guessing keys is
 * rate-limited too.
 */
export const apiKeyAuth = fp(
  async (app: FastifyInstance, options: { readonly keys: ApiKeys }) => {
    app.decorateRequest("owner", null);
    if (!options.keys.enabled) return;
    const authenticate: onRequestAsyncHookHandler = async (request) => {
      const owner = options.keys.identify(request.headers.authorization);
      if (owner === null) {
        throw new HttpProblem({
          status: 401,
          code: "SERVER_ERR_UNAUTHORIZED",
          title: "Unauthorized",
          detail: "Send a valid API key as 'Authorization: Bearer <key>'.",
          headers: { "www-authenticate": 'Bearer realm="shootplan"' },
        });
      }
      request.owner = owner;
    };
    app.addHook("onRoute", (route) => {
      const existing = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
      route.onRequest = [...existing, authenticate];
    });
  },
  { name: "shootplan-api-keys", fastify: "5.x" },
);
