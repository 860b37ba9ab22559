import { describe, expect, it } from "vitest";
import type { BackendOptions, BackendResult, BackendStatus, SolverBackend } from "../../src/backends/backend.js";
import { solveCancellably } from "../../src/backends/cancellable-solve.js";
import { intVar, milp, row } from "./fixtures.js";

const model = milp([intVar("a", 0, 3)], [row("cap", [1], -Infinity, 3)], [1]);

function result(status: BackendStatus, objective: number | null, bound: number | null): BackendResult {
  return { status, objective, bound, values: objective === null ? [] : [0], seconds: 0 };
}

/** A backend that answers each call with the next scripted result and records the options it got. */
function scripted(name: "highs" | "jslp", ...answers: BackendResult[]): SolverBackend & { calls: BackendOptions[] } {
  const calls: BackendOptions[] = [];
  return {
    name,
    calls,
    solve: (_model, options) => {
      calls.push(options);
      const next = answers[calls.length - 1];
      if (next === undefined) throw new Error(`unexpected call ${calls.length}`);
      return Promise.resolve(next);
    },
  };
}

const options: BackendOptions = { timeLimitSeconds: 10, relativeGap: 0, seed: 4, initialValues: new Map([[0, 1]]) };

describe("solveCancellably", () => {
  it("answers from the calling thread when the first quarter second decides the model", async () => {
    for (const status of ["optimal", "infeasible", "error"] as const) {
      const backend = scripted("highs", result(status, status === "optimal" ? 3 : null, null));
      const answer = await solveCancellably(backend, model, options);
      expect(answer.status).toBe(status);
      expect(backend.calls).toHaveLength(1);
      expect(backend.calls[0]?.timeLimitSeconds).toBe(0.25);
      expect(backend.calls[0]?.worker).toBeUndefined();
    }
  });

  it("solves again in a worker, from the same start and seed, with the time left", async () => {
    const backend = scripted("highs", result("feasible", 35, 10), result("optimal", 30, 30));
    const answer = await solveCancellably(backend, model, options);
    expect(answer).toMatchObject({ status: "optimal", objective: 30, bound: 30 });
    const second = backend.calls[1];
    expect(second).toMatchObject({ worker: true, seed: 4, relativeGap: 0 });
    expect(second?.initialValues).toBe(options.initialValues);
    expect(second?.timeLimitSeconds).toBeGreaterThan(9.5);
    expect(second?.timeLimitSeconds).toBeLessThanOrEqual(10);
  });

  it("keeps the better plan and the better bound when neither run proves (found by review: a worse plan won)", async () => {
    const worse = scripted("highs", result("feasible", 35, 10), result("feasible", 3948, 20));
    expect(await solveCancellably(worse, model, options)).toMatchObject({ status: "feasible", objective: 35, bound: 20 });
    const better = scripted("highs", result("feasible", 35, 10), result("feasible", 31, 20));
    expect(await solveCancellably(better, model, options)).toMatchObject({ status: "feasible", objective: 31, bound: 20 });
  });

  it("keeps the first run's plan when the worker ends without one, and never reports a bound above it", async () => {
    const interrupted = scripted("highs", result("feasible", 35, 10), result("interrupted", null, null));
    expect(await solveCancellably(interrupted, model, options)).toMatchObject({ status: "feasible", objective: 35, bound: 10 });
    const roundOff = scripted("highs", result("feasible", 35, null), result("time_limit", null, 35.0000001));
    expect(await solveCancellably(roundOff, model, options)).toMatchObject({ status: "feasible", objective: 35, bound: 35 });
    const none = scripted("highs", result("time_limit", null, 5), result("time_limit", null, 7));
    expect(await solveCancellably(none, model, options)).toMatchObject({ status: "time_limit", objective: null, bound: 7 });
  });

  it("does not start a worker with too little time left for it, nor after the signal fired", async () => {
    const short = scripted("highs", result("feasible", 35, 10));
    expect(await solveCancellably(short, model, { ...options, timeLimitSeconds: 0.4 })).toMatchObject({ status: "feasible", objective: 35 });
    expect(short.calls).toHaveLength(1);
    const controller = new AbortController();
    const aborted = scripted("highs", result("feasible", 35, 10));
    const solving = solveCancellably({ ...aborted, solve: (m, o) => (controller.abort(), aborted.solve(m, o)) }, model, { ...options, signal: controller.signal });
    expect(await solving).toMatchObject({ status: "feasible", objective: 35 });
    expect(aborted.calls).toHaveLength(1);
  });

  it("calls other backends, and node-limited runs, once as they are", async () => {
    const jslp = scripted("jslp", result("feasible", 35, null));
    await solveCancellably(jslp, model, options);
    expect(jslp.calls).toEqual([options]);
    const nodes = scripted("highs", result("feasible", 35, null));
    await solveCancellably(nodes, model, { ...options, nodeLimit: 10 });
    expect(nodes.calls).toHaveLength(1);
  });
});
