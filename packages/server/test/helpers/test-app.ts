import { readFileSync } from "node:fs";
import { buildApp, type BuildAppOptions, type ServerConfig, type ShootplanApp } from "../../src/app.js";

/** A 3-shoot problem that solves to optimality in well under a second. */
export const tinyProblem: Record<string, unknown> = JSON.parse(readFileSync(new URL("../fixtures/tiny-problem.json", import.meta.url), "utf8"));

/** The 12-shoot example: HiGHS does not prove it optimal quickly, so it runs to its time limit (a long solve on demand). */
export const slowProblem: Record<string, unknown> = JSON.parse(readFileSync(new URL("../../../../examples/brand-campaign-week.json", import.meta.url), "utf8"));

/** An app on an in-memory store with one worker, no logs and a 1 s shutdown grace, unless told otherwise. */
export function testApp(config: Partial<ServerConfig> = {}, options: Omit<BuildAppOptions, "config"> = {}): ShootplanApp {
  return buildApp({ config: { dbPath: ":memory:", workers: 1, shutdownGraceSeconds: 1, ...config }, logging: false, ...options });
}

/** Polls `probe` every 20 ms until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** One parsed Server-Sent Event. */
export interface SseEvent {
  readonly id: number;
  readonly event: string;
  readonly data: Record<string, unknown>;
}

/** Parses an event-stream body (ignores comments and `retry:` lines). */
export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const block of text.split("\n\n")) {
    const fields = new Map<string, string>();
    for (const line of block.split("\n")) {
      const colon = line.indexOf(":");
      if (colon <= 0) continue;
      fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
    }
    const data = fields.get("data");
    if (data !== undefined) events.push({ id: Number(fields.get("id")), event: fields.get("event") ?? "message", data: JSON.parse(data) as Record<string, unknown> });
  }
  return events;
}

/** The events that mark a job's life (everything but `progress`, whose count depends on the solver). */
export function lifecycle(events: readonly SseEvent[]): string[] {
  return events.filter((e) => e.event !== "progress").map((e) => e.event);
}
