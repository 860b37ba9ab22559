import { describe, expect, it } from "vitest";
import { interpretJslpReply, type JslpWorkerReply } from "../../src/backends/jslp-backend.js";
import { intVar, milp, row } from "./fixtures.js";

// min -x - y with x + y <= 3, x, y integer in [0, 2]: optimum -3.
const model = milp([intVar("x", 0, 2), intVar("y", 0, 2)], [row("cap", [1, 1], -Infinity, 3)], [-1, -1]);
const deadline = 1_000_000;
const before = deadline - 1;
const after = deadline + 1;

function reply(result: Record<string, unknown>, finishedAt: number, cycled = false, unfinishedLps: number | null = 0): JslpWorkerReply {
  return { ok: true, result: { bounded: true, ...result }, finishedAt, cycled, unfinishedLps };
}

function status(r: JslpWorkerReply): string {
  return interpretJslpReply(model, r, deadline, performance.now()).status;
}

describe("interpretJslpReply", () => {
  it("an integral answer from a finished search is optimal", () => {
    const result = interpretJslpReply(model, reply({ feasible: true, isIntegral: true, x0: 2, x1: 1 }, before), deadline, performance.now());
    expect(result).toMatchObject({ status: "optimal", objective: -3, bound: -3, values: [2, 1] });
  });

  it("an integral answer after the search deadline is only feasible", () => {
    expect(status(reply({ feasible: true, isIntegral: true, x0: 2, x1: 1 }, after))).toBe("feasible");
  });

  it("a fractional answer flagged feasible after the deadline is time_limit, never a plan", () => {
    const result = interpretJslpReply(model, reply({ feasible: true, x0: 1.5, x1: 1.5 }, after), deadline, performance.now());
    expect(result.status).toBe("time_limit");
    expect(result.values).toEqual([]);
  });

  it("a finished search ending on a fractional point is infeasible", () => {
    expect(status(reply({ feasible: true, x0: 1.5, x1: 1.5 }, before))).toBe("infeasible");
  });

  it("an infeasible flag is infeasible only when the search finished", () => {
    expect(status(reply({ feasible: false }, before))).toBe("infeasible");
    expect(status(reply({ feasible: false }, after))).toBe("time_limit");
  });

  it("after cycling nothing is proven", () => {
    expect(status(reply({ feasible: false }, before, true))).toBe("error");
    expect(status(reply({ feasible: true, isIntegral: true, x0: 2, x1: 1 }, before, true))).toBe("feasible");
  });

  it("after an LP stopped with an improving column left, or unwatched, the plan is only feasible", () => {
    for (const unfinished of [1, null]) {
      const result = interpretJslpReply(model, reply({ feasible: true, isIntegral: true, x0: 2, x1: 1 }, before, false, unfinished), deadline, performance.now());
      expect(result).toMatchObject({ status: "feasible", objective: -3, bound: null });
    }
    // No plan in hand means nothing was pruned against one: a fractional end is still infeasible.
    expect(status(reply({ feasible: true, x0: 1.5, x1: 1.5 }, before, false, 1))).toBe("infeasible");
  });

  it("an answer that violates a row is rejected", () => {
    const result = interpretJslpReply(model, reply({ feasible: true, isIntegral: true, x0: 2, x1: 2 }, before), deadline, performance.now());
    expect(result.status).toBe("error");
    expect(result.message).toContain("row cap");
  });

  it("unbounded and thrown replies", () => {
    expect(status(reply({ feasible: true, bounded: false }, before))).toBe("unbounded");
    expect(status({ ok: false, message: "boom" })).toBe("error");
  });
});
