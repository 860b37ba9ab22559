/**
 * The best lower bound available in a time budget: every method gives a bound valid
 * for every plan, so their maximum is one too.
 *
 * 1. combinatorial (milliseconds at any size, always run);
 * 2. the LP relaxation, when its estimated size fits half of the budget;
 * 3. HiGHS' branch-and-bound dual bound with the time left, when the size fits it
 *    (stronger than the LP once the root is done: cuts; useless before).
 */
import type { Formulation } from "../formulation/build-milp.js";
import type { PlanningModel } from "../model/planning-model.js";
import { combinatorialBoundDetails } from "./combinatorial-bound.js";
import { lpRelaxationBoundDetails, mipRootBoundDetails, type MilpBoundStatus } from "./lp-bound.js";

export type BoundMethod = "combinatorial" | "lp" | "mip";

export interface LowerBoundOptions {
  /** Wall-clock budget for all methods together. */
  readonly timeLimitSeconds: number;
  readonly signal?: AbortSignal;
  /** Methods to try, in this order. Default all three. */
  readonly methods?: readonly BoundMethod[];
  /** `buildMilp(model)` if already built (unmodified), saves building it again. */
  readonly formulation?: Formulation;
}

export interface BoundAttempt {
  readonly method: BoundMethod;
  /** Minor units, or null when the method gave none. */
  readonly value: number | null;
  readonly status: MilpBoundStatus;
  readonly seconds: number;
}

export interface LowerBound {
  /** The largest bound found, in minor units (an integer, >= 0). */
  readonly value: number;
  /** The method that found it. */
  readonly method: BoundMethod;
  /** A method proved that no plan exists (then `value` is vacuous). */
  readonly provesInfeasible: boolean;
  /** Every method tried, in order. */
  readonly attempts: readonly BoundAttempt[];
}

export async function lowerBound(model: PlanningModel, options: LowerBoundOptions): Promise<LowerBound> {
  const started = performance.now();
  const left = () => options.timeLimitSeconds - (performance.now() - started) / 1000;
  const methods = options.methods ?? ["combinatorial", "lp", "mip"];
  const attempts: BoundAttempt[] = [];
  let infeasible = false;
  const common = { ...(options.signal ? { signal: options.signal } : {}), ...(options.formulation ? { formulation: options.formulation } : {}) };
  for (const method of methods) {
    if (method === "combinatorial") {
      const t = performance.now();
      const details = combinatorialBoundDetails(model);
      infeasible ||= details.provesInfeasible;
      attempts.push({ method, value: details.value, status: details.provesInfeasible ? "infeasible" : "bound", seconds: (performance.now() - t) / 1000 });
      continue;
    }
    if (left() <= 0 || options.signal?.aborted === true) {
      attempts.push({ method, value: null, status: options.signal?.aborted === true ? "interrupted" : "time_limit", seconds: 0 });
      continue;
    }
    // The LP gets half of what is left when the MIP bound still follows, the MIP all of it.
    const later = methods.slice(methods.indexOf(method) + 1).some((m) => m !== "combinatorial");
    const budget = method === "lp" && later ? left() / 2 : left();
    const details = method === "lp" ? await lpRelaxationBoundDetails(model, { timeLimitSeconds: budget, ...common }) : await mipRootBoundDetails(model, { timeLimitSeconds: budget, ...common });
    infeasible ||= details.status === "infeasible";
    attempts.push({ method, value: details.value, status: details.status, seconds: details.seconds });
  }
  let best: BoundAttempt | null = null;
  for (const attempt of attempts) {
    if (attempt.value !== null && (best === null || best.value === null || attempt.value > best.value)) best = attempt;
  }
  return { value: Math.max(0, best?.value ?? 0), method: best?.method ?? "combinatorial", provesInfeasible: infeasible, attempts };
}
