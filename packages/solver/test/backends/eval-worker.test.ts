import { describe, expect, it } from "vitest";
import { runWorker } from "../../src/backends/eval-worker.js";

const ECHO = `const { parentPort, workerData } = require("node:worker_threads"); parentPort.postMessage(workerData * 2);`;
// Never replies and keeps its thread alive: only a limit, a stop or the signal ends it.
const SILENT = `setInterval(() => {}, 1000);`;

describe("runWorker (evaluated worker source)", () => {
  it("settles with the worker's first message", async () => {
    expect(await runWorker<number>(ECHO, 21, { label: "echo worker" }).outcome).toEqual({ kind: "reply", reply: 42 });
  });

  it("times out a worker that does not answer within its limit", async () => {
    expect(await runWorker(SILENT, null, { label: "silent worker", limitMs: 50 }).outcome).toEqual({ kind: "timeout" });
  });

  it("settles as stopped on stop() and when the signal fires, before or during the run", async () => {
    const run = runWorker(SILENT, null, { label: "silent worker" });
    run.stop();
    run.stop();
    expect(await run.outcome).toEqual({ kind: "stopped" });
    const controller = new AbortController();
    const during = runWorker(SILENT, null, { label: "silent worker", signal: controller.signal });
    controller.abort();
    expect(await during.outcome).toEqual({ kind: "stopped" });
    expect(await runWorker(SILENT, null, { label: "silent worker", signal: controller.signal }).outcome).toEqual({ kind: "stopped" });
  });

  it("settles as stopped when a signal turns aborted without dispatching its event (read every 0.1 s)", async () => {
    let aborted = false;
    // Like the server's: `aborted` reads state another thread sets; no abort event is dispatched.
    const polled = { aborted: false, addEventListener: () => {}, removeEventListener: () => {} };
    Object.defineProperty(polled, "aborted", { get: () => aborted });
    const run = runWorker(SILENT, null, { label: "silent worker", signal: polled as unknown as AbortSignal });
    setTimeout(() => (aborted = true), 150);
    expect(await run.outcome).toEqual({ kind: "stopped" });
  });

  it("reports a worker that throws or exits without answering as failed, naming it", async () => {
    const thrown = await runWorker(`throw new Error("boom");`, null, { label: "broken worker" }).outcome;
    expect(thrown).toEqual({ kind: "failed", message: expect.stringContaining("broken worker: boom") });
    const exited = await runWorker(`process.exit(3);`, null, { label: "quitting worker" }).outcome;
    expect(exited).toEqual({ kind: "failed", message: "quitting worker exited (3)" });
  });
});
