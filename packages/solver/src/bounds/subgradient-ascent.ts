/**
 * Subgradient ascent with Polyak steps, shared by the two Lagrangian bounds
 * (capacity-bound.ts, slot-lagrangian-bound.ts). Every multiplier vector gives a valid
 * bound, so the ascent only has to remember the best value it met; what a bound does
 * know is how to evaluate its Lagrangian at the current multipliers and how to move
 * them.
 *
 * Step: factor x (target - value) / ||g||^2 along the (projected) subgradient g, where
 * the target is a known plan's cost (default 10 % above the best value). The factor
 * halves after `patience` evaluations without a better value; the ascent ends at the
 * iteration limit, the deadline, a factor below `lastFactor`, a zero subgradient (the
 * relaxed rows hold: nothing to gain) or a value at the target.
 *
 * Round-off: a Lagrangian cancels large multiplier sums, so each value carries a margin
 * that grows with the multipliers. A value counts as better only net of its margin, so
 * that a step towards an absurd target cannot trade a hair of bound for a huge margin.
 */

import { drain } from "../slices.js";

export interface AscentEvaluation<Gradient> {
  /** The Lagrangian's value at the current multipliers (not yet net of round-off). */
  readonly value: number;
  /** Projected subgradient (a multiplier at 0 does not go lower). */
  readonly gradient: Gradient;
  /** Magnitude of the terms summed into `value`, as far as known at evaluation (for `margin`). */
  readonly scale: number;
}

export interface AscentProblem<Gradient> {
  /** The Lagrangian at the current multipliers; null when it cannot be evaluated (then the ascent stops). */
  evaluate(): AscentEvaluation<Gradient> | null;
  /** Round-off the value just evaluated may carry (asked only when it looks better). */
  margin(evaluation: AscentEvaluation<Gradient>): number;
  /** The step direction from the subgradient, e.g. deflected by the previous one (in place allowed). */
  direction?(gradient: Gradient, previous: Gradient | null): Gradient;
  normSquared(direction: Gradient): number;
  /** Moves every multiplier by `size` x direction, keeping them >= 0. */
  move(size: number, direction: Gradient): void;
  /** Called when the current multipliers gave the best value so far (before they move). */
  onBest?(): void;
}

export interface AscentOptions {
  readonly iterations: number;
  /** Epoch milliseconds after which no more evaluations start (the first always runs). */
  readonly deadline?: number;
  /** Like the deadline once aborted (read before every evaluation but the first). */
  readonly signal?: AbortSignal;
  /** Known plan's cost: the Polyak target. Default: 10 % above the best value. */
  readonly upperBound?: number | null;
  readonly patience: number;
  readonly firstFactor: number;
  /** Ends the ascent when the factor falls below it. Default 0 (never). */
  readonly lastFactor?: number;
}

export interface AscentResult {
  /** Best value met, and its margin: the bound is best - margin. -Infinity when nothing was evaluated. */
  readonly best: number;
  readonly margin: number;
  readonly iterations: number;
  /** The first evaluation failed (the Lagrangian cannot be evaluated at all). */
  readonly failed: boolean;
}

export function subgradientAscent<Gradient>(problem: AscentProblem<Gradient>, options: AscentOptions): AscentResult {
  return drain(subgradientAscentInSlices(problem, options));
}

/** {@link subgradientAscent}, pausing (`yield`, slices.ts) before every evaluation but the first. */
export function* subgradientAscentInSlices<Gradient>(problem: AscentProblem<Gradient>, options: AscentOptions): Generator<void, AscentResult> {
  let best = -Infinity;
  let margin = 0;
  let factor = options.firstFactor;
  let stale = 0;
  let iterations = 0;
  let previous: Gradient | null = null;
  for (; iterations < options.iterations; iterations += 1) {
    if (iterations > 0) yield;
    if (iterations > 0 && ((options.deadline !== undefined && Date.now() > options.deadline) || options.signal?.aborted === true)) break;
    const evaluation = problem.evaluate();
    if (evaluation === null) return { best, margin, iterations, failed: iterations === 0 };
    const off = evaluation.value > best + 1e-9 ? problem.margin(evaluation) : null;
    if (off !== null && evaluation.value - off > best - margin) {
      best = evaluation.value;
      margin = off;
      stale = 0;
      problem.onBest?.();
    } else if ((stale += 1) >= options.patience) {
      factor /= 2;
      stale = 0;
    }
    if (factor < (options.lastFactor ?? 0)) break;
    const target = options.upperBound ?? 1.1 * Math.max(best, 1);
    const direction: Gradient = problem.direction ? problem.direction(evaluation.gradient, previous) : evaluation.gradient;
    previous = direction;
    const norm = problem.normSquared(direction);
    if (norm === 0 || target <= evaluation.value) break;
    problem.move((factor * (target - evaluation.value)) / norm, direction);
  }
  return { best, margin, iterations, failed: false };
}

/** The bound from an ascent: best net of its margin and a relative 1e-9, rounded up to a whole minor unit, at least 0. */
export function ascentBound(result: AscentResult): number {
  return Math.max(0, Math.ceil(result.best - result.margin - 1e-9 * Math.max(1, Math.abs(result.best))));
}
