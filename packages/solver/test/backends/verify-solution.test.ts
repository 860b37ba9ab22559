import { describe, expect, it } from "vitest";
import { checkSolution, describeProblems, objectiveValue, roundIntegers, verifySolution } from "../../src/backends/verify-solution.js";
import { intVar, milp, realVar, row } from "./fixtures.js";

// x integer in [0, 3], y real in [-1, 2]; 1 <= x + y <= 4; x - y = 1.
const model = milp(
  [intVar("x", 0, 3), realVar("y", -1, 2)],
  [row("range", [1, 1], 1, 4), row("link", [1, -1], 1, 1)],
  [2, -1],
  10,
);

describe("verifySolution", () => {
  it("accepts a feasible point, and values within the tolerance", () => {
    expect(verifySolution(model, [2, 1])).toEqual([]);
    expect(verifySolution(model, [2, 1 + 5e-7])).toEqual([]);
    expect(verifySolution(model, [2 + 5e-7, 1 + 5e-7])).toEqual([]);
  });

  it("reports a violated row with its amount", () => {
    const problems = verifySolution(model, [3, 1]);
    expect(problems).toEqual([{ kind: "row", row: 1, name: "link", activity: 2, lower: 1, upper: 1, violation: 1 }]);
  });

  it("reports both sides of a ranged row", () => {
    expect(verifySolution(model, [0, -1]).map((p) => p.kind === "row" && p.name)).toContain("range");
    const tooHigh = milp([realVar("a", 0, 10)], [row("range", [1], 1, 4)], [0]);
    expect(verifySolution(tooHigh, [4.5])).toMatchObject([{ kind: "row", violation: 0.5 }]);
  });

  it("reports a violated bound", () => {
    expect(verifySolution(model, [2, 2.5])).toMatchObject([{ kind: "bound", variable: 1, name: "y", violation: 0.5 }]);
    expect(verifySolution(model, [-1, 0])).toMatchObject([{ kind: "bound", variable: 0, violation: 1 }]);
  });

  it("reports a non-integral integer variable", () => {
    const problems = verifySolution(model, [1.5, 0.5]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: "integrality", variable: 0, name: "x" });
    expect(problems[0]?.kind === "integrality" ? problems[0].violation : 0).toBeCloseTo(0.5);
  });

  it("reports NaN values and a wrong length", () => {
    expect(verifySolution(model, [Number.NaN, 1])).toMatchObject([{ kind: "not-finite", variable: 0 }]);
    expect(verifySolution(model, [1])).toEqual([{ kind: "length", expected: 2, actual: 1 }]);
  });

  it("scales the tolerance with large right-hand sides", () => {
    const big = milp([realVar("a")], [row("big", [1], 1e7, Infinity)], [1]);
    expect(verifySolution(big, [1e7 - 1])).toEqual([]); // within 1e-6 relative
    expect(verifySolution(big, [1e7 - 100])).toHaveLength(1);
  });

  it("honours an explicit tolerance", () => {
    expect(verifySolution(model, [2, 1.01], 0.1)).toEqual([]);
    expect(verifySolution(model, [2, 1.01], 1e-9)).not.toEqual([]);
  });
});

describe("checkSolution", () => {
  it("rounds integer variables and recomputes the objective with the constant", () => {
    const checked = checkSolution(model, [2 + 1e-9, 1]);
    expect(checked.problems).toEqual([]);
    expect(checked.values).toEqual([2, 1]);
    expect(checked.objective).toBe(10 + 4 - 1);
  });

  it("never rounds a fractional answer into a plan", () => {
    // 1.6 would round to 2, and (2, 1) is feasible: the raw answer must still be rejected.
    const checked = checkSolution(model, [1.6, 1]);
    expect(checked.problems.map((p) => p.kind)).toEqual(["integrality"]);
  });

  it("turns -0 into 0 when rounding", () => {
    expect(Object.is(roundIntegers(model, [-1e-9, 0])[0], 0)).toBe(true);
  });
});

describe("helpers", () => {
  it("objectiveValue includes the constant", () => {
    expect(objectiveValue(model, [1, 0])).toBe(12);
  });

  it("describeProblems summarises", () => {
    const text = describeProblems(verifySolution(model, [3, 1]));
    expect(text).toContain("row link = 2 outside [1, 1]");
  });
});
