import type { FastifyReply } from "fastify";

/** Seconds between keep-alive comments, so proxies do not time out a quiet stream. */
const heartbeatMs = 15_000;

/** A Server-Sent Events response (WHATWG HTML, "Server-sent events"). */
export interface EventStream {
  /** Writes one event; `id` lets a reconnecting client resume with `Last-Event-ID`. */
  send(id: number, event: string, data: unknown): void;
  /** Ends the response (the client's EventSource will reconnect unless told otherwise). */
  end(): void;
  /** Runs `listener` once when the stream ends, whoever ends it. */
  onClose(listener: () => void): void;
}

/**
 * Takes the response over from Fastify (`hijack`) and starts an event stream on it.
 * Headers disable caching and proxy buffering so each event leaves at once.
 */
export function openEventStream(reply: FastifyReply, headers: Record<string, string>): EventStream {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    ...headers,
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  });
  // Tell browsers to wait 2 s before reconnecting after a drop.
  raw.write("retry: 2000\n\n");
  const heartbeat = setInterval(() => raw.write(": keep-alive\n\n"), heartbeatMs);
  heartbeat.unref();
  const listeners: (() => void)[] = [];
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    for (const listener of listeners) listener();
  };
  raw.once("close", close);
  return {
    send(id, event, data) {
      if (!closed) raw.write(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      if (!raw.writableEnded) raw.end();
      close();
    },
    onClose(listener) {
      listeners.push(listener);
    },
  };
}
