import type { JobEvent } from "./job-record.js";

export type JobEventListener = (event: JobEvent) => void;

/**
 * Live fan-out of job events to open SSE streams, in this process. The store keeps
 * the history; the hub only pushes what happens while someone listens.
 */
export class JobEventHub {
  readonly #listeners = new Map<string, Set<JobEventListener>>();

  /** Calls `listener` for every event of `jobId` from now on; returns the unsubscribe function. */
  subscribe(jobId: string, listener: JobEventListener): () => void {
    let set = this.#listeners.get(jobId);
    if (set === undefined) this.#listeners.set(jobId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(jobId);
    };
  }

  publish(jobId: string, event: JobEvent): void {
    // Copy: a listener may unsubscribe itself (on `finished`) while we iterate.
    for (const listener of [...(this.#listeners.get(jobId) ?? [])]) listener(event);
  }

  /** Open subscriptions across all jobs (diagnostics and tests). */
  get size(): number {
    let n = 0;
    for (const set of this.#listeners.values()) n += set.size;
    return n;
  }
}
