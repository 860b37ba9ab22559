import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/** How often, while closing, connections that just became idle are closed. */
const reapEveryMs = 100;

/**
 * Lets shutdown finish promptly without cutting requests short. Node closes idle
 * keep-alive connections once, when closing starts; a connection busy then (a
 * synchronous solve finishing) or one a client opened without sending a request
 * would otherwise be kept until the client's keep-alive timeout, which Fastify
 * advertises as 72 s. So while closing, idle connections are closed as soon as they
 * are idle, and whatever is still open after `forceAfterMs` is closed regardless.
 */
export const idleConnectionReaper = fp(
  async (app: FastifyInstance, options: { readonly forceAfterMs: number }) => {
    const timers: NodeJS.Timeout[] = [];
    app.addHook("preClose", async () => {
      timers.push(setInterval(() => app.server.closeIdleConnections(), reapEveryMs).unref());
      timers.push(setTimeout(() => app.server.closeAllConnections(), options.forceAfterMs).unref());
    });
    app.addHook("onClose", async () => {
      for (const timer of timers) clearTimeout(timer);
    });
  },
  { name: "shootplan-idle-connection-reaper", fastify: "5.x" },
);
