import { describe, expect, it } from "vitest";
import type { BackendResult, SolverBackend } from "../../src/backends/backend.js";
import { highsBackend, highsRuntimeInfo } from "../../src/backends/highs-backend.js";
import { jslpBackend, toJslpModel } from "../../src/backends/jslp-backend.js";
import { verifySolution } from "../../src/backends/verify-solution.js";
import type { MilpModel } from "../../src/formulation/milp-model.js";
import { denseLp, hardKnapsack, intVar, marketSplit, milp, row } from "./fixtures.js";

const SLACK_SECONDS = 3;

/** Solves and measures the wall clock seen by the caller. */
async function timed(backend: SolverBackend, model: MilpModel, limit: number, signal?: AbortSignal) {
  const started = performance.now();
  const result = await backend.solve(model, { timeLimitSeconds: limit, relativeGap: 0, ...(signal ? { signal } : {}) });
  return { result, seconds: (performance.now() - started) / 1000 };
}

/** The invariant of every limited solve: a plan is only ever a verified one. */
function expectNoUnverifiedPlan(model: MilpModel, result: BackendResult): void {
  if (result.status === "optimal" || result.status === "feasible") {
    expect(verifySolution(model, result.values)).toEqual([]);
    expect(result.objective).not.toBeNull();
    if (result.bound !== null) expect(result.bound).toBeLessThanOrEqual(result.objective ?? NaN);
  } else {
    expect(result.values).toEqual([]);
    expect(result.objective).toBeNull();
  }
}

const hard = marketSplit(4, 30, 7);

async function timedWorker(limit: number) {
  const started = performance.now();
  const result = await highsBackend.solve(hard, { timeLimitSeconds: limit, relativeGap: 0, worker: true });
  return { result, seconds: (performance.now() - started) / 1000 };
}

describe("time limits", () => {
  for (const backend of [highsBackend, jslpBackend]) {
    it(`${backend.name} stops a market-split model near a 1 s limit`, async () => {
      const { result, seconds } = await timed(backend, hard, 1);
      expect(seconds).toBeLessThan(1 + SLACK_SECONDS);
      expect(["feasible", "time_limit"]).toContain(result.status);
      expectNoUnverifiedPlan(hard, result);
    }, 20_000);
  }

  it("highs reports its incumbent as feasible with a bound", async () => {
    const { result } = await timed(highsBackend, hard, 1);
    expect(result.status).toBe("feasible");
    expect(result.bound).not.toBeNull();
  }, 20_000);

  it("jslp's knapsack answers under short limits are verified, and optimal only when truly optimal", async () => {
    const model = hardKnapsack(60, 42);
    const exact = await highsBackend.solve(model, { timeLimitSeconds: 60, relativeGap: 0 });
    expect(exact.status).toBe("optimal");
    for (const limit of [0.3, 1]) {
      // Past its own timeout the solver can hand back a fractional point flagged feasible.
      const { result, seconds } = await timed(jslpBackend, model, limit);
      expect(seconds).toBeLessThan(limit + SLACK_SECONDS);
      expectNoUnverifiedPlan(model, result);
      if (result.status === "optimal") expect(result.objective).toBeCloseTo(exact.objective ?? NaN, 6);
      if (result.status === "feasible") {
        expect(result.objective ?? -Infinity).toBeGreaterThanOrEqual((exact.objective ?? NaN) - 1e-6);
        expect(result.bound).toBeNull();
      }
    }
  }, 60_000);

  it("jslp's worker is killed when the first LP outlasts the limit", async () => {
    const model = denseLp(300, 3);
    const { result, seconds } = await timed(jslpBackend, model, 0.05);
    expect(result.status).toBe("time_limit");
    expect(seconds).toBeLessThan(0.05 + SLACK_SECONDS);
  }, 20_000);

  it("an infinite limit means no limit", async () => {
    const model = milp([intVar("a", 0, 3)], [row("cap", [2], -Infinity, 5)], [-1]);
    for (const backend of [highsBackend, jslpBackend]) {
      const { result } = await timed(backend, model, Infinity);
      expect(result.status, result.message).toBe("optimal");
      expect(result.objective).toBe(-2);
    }
  });

  it("a limit that has already passed returns time_limit", async () => {
    for (const backend of [highsBackend, jslpBackend]) {
      const { result } = await timed(backend, hard, 0);
      expect(result.status).toBe("time_limit");
    }
  });
});

describe("abort", () => {
  it("an already aborted signal returns interrupted immediately on both backends", async () => {
    for (const backend of [highsBackend, jslpBackend]) {
      const { result, seconds } = await timed(backend, hard, 30, AbortSignal.abort());
      expect(result.status).toBe("interrupted");
      expect(seconds).toBeLessThan(0.5);
    }
  });

  it("highs in a worker stops mid-solve when the signal fires, and the caller's thread stays free", async () => {
    const controller = new AbortController();
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 50);
    setTimeout(() => controller.abort(), 600);
    const started = performance.now();
    const result = await highsBackend.solve(hard, { timeLimitSeconds: 30, relativeGap: 0, worker: true, signal: controller.signal });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(ticker);
    expect(result.status).toBe("interrupted");
    expect(seconds).toBeLessThan(0.6 + 1);
    // On the calling thread HiGHS would have held it: no timer could fire until the end.
    expect(ticks).toBeGreaterThanOrEqual(5);
  }, 20_000);

  it("jslp stops mid-solve when the signal fires", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const { result, seconds } = await timed(jslpBackend, hard, 30, controller.signal);
    expect(result.status).toBe("interrupted");
    expect(seconds).toBeLessThan(0.3 + 1);
  }, 20_000);
});

describe("highs runtime", () => {
  const small = milp([intVar("a", 0, 3), intVar("b", 0, 3)], [row("cap", [2, 3], -Infinity, 7)], [-3, -4]);

  it("does not grow WebAssembly memory over many solves (models are disposed)", async () => {
    await highsBackend.solve(small, { timeLimitSeconds: 10, relativeGap: 0 });
    const before = (await highsRuntimeInfo()).memoryBytes;
    for (let i = 0; i < 300; i++) {
      const result = await highsBackend.solve(small, { timeLimitSeconds: 10, relativeGap: 0 });
      expect(result.status).toBe("optimal");
    }
    const after = (await highsRuntimeInfo()).memoryBytes;
    // Undisposed models would leak ~40-75 KB each: 12-22 MB here.
    expect(after - before).toBeLessThan(2 * 1024 * 1024);
  }, 60_000);

  it("is deterministic for a fixed seed", async () => {
    const model = marketSplit(3, 16, 11);
    const run = () => highsBackend.solve(model, { timeLimitSeconds: 20, relativeGap: 0, seed: 3 });
    const [first, second] = [await run(), await run()];
    expect(first.status).toBe("optimal");
    expect(second.values).toEqual(first.values);
  }, 60_000);

  it("answers alike on the calling thread and in a worker (same seed, same solution)", async () => {
    const model = marketSplit(3, 16, 11);
    const here = await highsBackend.solve(model, { timeLimitSeconds: 20, relativeGap: 0, seed: 3 });
    const there = await highsBackend.solve(model, { timeLimitSeconds: 20, relativeGap: 0, seed: 3, worker: true });
    expect(here.status).toBe("optimal");
    expect(there.status).toBe("optimal");
    expect(there.values).toEqual(here.values);
    expect(there.bound).toBe(here.bound);
  }, 60_000);

  it("in a worker stops at its time limit with its incumbent and bound", async () => {
    const { result, seconds } = await timedWorker(1);
    expect(seconds).toBeLessThan(1 + SLACK_SECONDS);
    expect(result.status).toBe("feasible");
    expect(result.bound).not.toBeNull();
    expectNoUnverifiedPlan(hard, result);
  }, 20_000);

  it("accepts initial values, including a useless start", async () => {
    const good = new Map([
      [0, 2],
      [1, 1],
    ]);
    const bad = new Map([
      [0, 99],
      [7, 1],
    ]);
    for (const initialValues of [good, bad]) {
      for (const worker of [false, true]) {
        const result = await highsBackend.solve(small, { timeLimitSeconds: 10, relativeGap: 0, initialValues, worker });
        expect(result.status).toBe("optimal");
        expect(result.objective).toBe(-10);
      }
    }
  });
});

describe("jslp model translation", () => {
  it("uses collision-free keys and turns bounds into constraints", () => {
    const model = milp(
      [intVar("feasible", -2, 5), intVar("result", 0, 1), intVar("bounded", 3, 3)],
      [row("isIntegral", [1, 1, 1], 1, Infinity)],
      [1, 1, 1],
    );
    const jslp = toJslpModel(model, 1000, 0);
    expect(Object.keys(jslp.variables)).toEqual(["x0", "x1", "x2"]);
    expect(jslp.constraints).toEqual({ b0: { min: -2, max: 5 }, b1: { max: 1 }, b2: { equal: 3 }, r0: { min: 1 } });
    expect(jslp.unrestricted).toEqual({ x0: 1 });
    expect(jslp.ints).toEqual({ x0: 1, x1: 1, x2: 1 });
  });
});
