import { expect, test } from "vitest";
import { JobStore } from "../src/jobs/job-store.js";

// From the HTTP audit: past 1 000 stored events, progress events were numbered
// MAX(seq) + 1 without being stored, so later events (finished too) repeated an id a
// live client had already seen, and it dropped them: its stream never ended.
test("past the stored-event cap ids keep rising, the log stops growing, and a replay ends with the latest progress and finished", () => {
  const store = new JobStore(":memory:");
  try {
    const job = store.insert({ id: "job-1", owner: null, problem: {}, options: { timeLimitSeconds: 30 } as never, createdAt: 0 });
    const ids: number[] = [];
    for (let i = 0; i < 1_200; i += 1) ids.push(store.appendEvent(job.id, "progress", { cost: 2_000 - i }, i).seq);
    ids.push(store.appendEvent(job.id, "finished", { status: "completed" }, 1_200).seq);
    expect(ids).toEqual(ids.map((_, i) => i + 1));
    const stored = store.events(job.id);
    expect(stored.length).toBe(1_001);
    expect(stored.slice(-2).map((e) => [e.seq, e.type, e.data])).toEqual([
      [1_200, "progress", { cost: 801 }],
      [1_201, "finished", { status: "completed" }],
    ]);
    expect(store.lastEventSeq(job.id)).toBe(1_201);
  } finally {
    store.close();
  }
});
