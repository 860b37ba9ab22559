import { describe, expect, it } from "vitest";
import { ascentBound, subgradientAscent, type AscentProblem } from "../../src/bounds/subgradient-ascent.js";

/** L(x) = min(x, 10 - x) over x >= 0: a concave piecewise-linear toy Lagrangian, maximum 5 at x = 5. */
function tent(start: number, margin: (value: number) => number = () => 0): AscentProblem<number> & { x: number; evaluations: number } {
  const problem = {
    x: start,
    evaluations: 0,
    evaluate: () => {
      problem.evaluations += 1;
      const value = Math.min(problem.x, 10 - problem.x);
      const slope = problem.x < 5 ? 1 : -1;
      return { value, gradient: problem.x <= 0 && slope < 0 ? 0 : slope, scale: value };
    },
    margin: (e: { value: number }) => margin(e.value),
    normSquared: (g: number) => g * g,
    move: (size: number, g: number) => {
      problem.x = Math.max(0, problem.x + size * g);
    },
  };
  return problem;
}

describe("subgradientAscent", () => {
  it("climbs to the maximum with Polyak steps towards a known target", () => {
    const result = subgradientAscent(tent(0), { iterations: 50, upperBound: 5, patience: 3, firstFactor: 0.5 });
    expect(result.failed).toBe(false);
    expect(result.best).toBeGreaterThan(4.99);
    expect(result.best).toBeLessThanOrEqual(5);
    expect(ascentBound(result)).toBe(5);
  });

  it("evaluates once and stops when its signal is aborted, as past its deadline", () => {
    for (const stop of [{ signal: AbortSignal.abort() }, { deadline: Date.now() - 1 }]) {
      const problem = tent(0);
      const result = subgradientAscent(problem, { iterations: 50, upperBound: 5, patience: 3, firstFactor: 0.5, ...stop });
      expect(problem.evaluations).toBe(1);
      expect(result.best).toBe(0);
    }
  });

  it("stops at the iteration limit, and at a zero subgradient", () => {
    const limited = tent(0);
    expect(subgradientAscent(limited, { iterations: 3, upperBound: 100, patience: 3, firstFactor: 0.01 }).iterations).toBe(3);
    expect(limited.evaluations).toBe(3);
    const flat: AscentProblem<number> = { evaluate: () => ({ value: 7, gradient: 0, scale: 7 }), margin: () => 0, normSquared: (g) => g * g, move: () => {} };
    const result = subgradientAscent(flat, { iterations: 50, patience: 3, firstFactor: 1 });
    expect(result.iterations).toBe(0);
    expect(result.best).toBe(7);
  });

  it("reports a first evaluation that fails, and keeps what it found when a later one does", () => {
    const none: AscentProblem<number> = { evaluate: () => null, margin: () => 0, normSquared: () => 1, move: () => {} };
    expect(subgradientAscent(none, { iterations: 10, patience: 3, firstFactor: 1 }).failed).toBe(true);
    let calls = 0;
    const later: AscentProblem<number> = { evaluate: () => (++calls > 2 ? null : { value: calls, gradient: 1, scale: calls }), margin: () => 0, normSquared: () => 1, move: () => {} };
    const result = subgradientAscent(later, { iterations: 10, upperBound: 100, patience: 3, firstFactor: 1 });
    expect(result).toMatchObject({ failed: false, best: 2, iterations: 2 });
  });

  it("counts a higher value as better only net of its round-off margin", () => {
    // Above 4 the margin is 3: 4.5 - 3 is worse than 2 (at 2) - 0.
    const problem = tent(2, (value) => (value > 4 ? 3 : 0));
    const result = subgradientAscent(problem, { iterations: 40, upperBound: 5, patience: 3, firstFactor: 0.5 });
    expect(result.best - result.margin).toBeGreaterThanOrEqual(2);
    expect(result.best).toBeLessThanOrEqual(4);
  });
});
