import { describe, expect, it } from "vitest";
import { checkPlan } from "../../packages/solver/src/check/check-plan.js";
import { parseProblem } from "../../packages/solver/src/domain/parse-problem.js";
import { solve } from "../../packages/solver/src/solve/solve.js";
import type { SolveOptions } from "../../packages/solver/src/solve/solve-options.js";
import { generateInstance } from "../src/generate-instance.js";

/**
 * A cancellation signal stops a solve while the monolithic MILP runs (S-1's takes about
 * 20 s to prove), and the caller's thread stays free meanwhile: HiGHS holds the thread it
 * runs on, so the long run goes to a worker thread. Latencies here are generous bounds
 * on "at once", not speed measurements.
 */
describe("cancellation during the exact MILP", () => {
  const cases: readonly (readonly [string, SolveOptions])[] = [
    ["auto", { strategy: "auto" }],
    ["mip", { strategy: "mip" }],
  ];
  let ran = 0;

  it.each(cases)("strategy %s stops within a second of the signal and answers with its best plan", async (_name, options) => {
    const problem = parseProblem(generateInstance({ tier: "S", seed: 1 }));
    const controller = new AbortController();
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 100);
    const abortAt = 3;
    setTimeout(() => controller.abort(), abortAt * 1000);
    const started = performance.now();
    const answer = await solve(problem, { ...options, timeLimitSeconds: 60, signal: controller.signal });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(ticker);
    ran += 1;
    expect(seconds).toBeGreaterThanOrEqual(abortAt - 0.1);
    expect(seconds).toBeLessThan(abortAt + 1);
    // A timer every 0.1 s kept firing while the solve ran (not only after it).
    expect(ticks).toBeGreaterThanOrEqual(abortAt * 10 * 0.5);
    if (options.strategy === "auto") {
      expect(answer.status).toBe("feasible");
      expect(answer.plan).not.toBeNull();
    }
    if (answer.plan !== null) expect(checkPlan(problem, answer.plan).violations).toEqual([]);
  }, 60_000);

  it("ran every case", () => {
    expect(ran).toBe(cases.length);
  });
});
