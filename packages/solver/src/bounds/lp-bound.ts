/**
 * Bounds from the MILP: its LP relaxation, and HiGHS' branch-and-bound dual bound after
 * a short run. Both work on `boundingMilp` (the MILP without the conservative project
 * budget rows, see bounding-milp.ts), so they bound the cost of every valid plan.
 *
 * Size: building the MILP takes about 12 s at tier L (460 000 columns) and runs out of
 * memory at XL, and HiGHS' interior-point LP takes about 0.5 s per 1 000 columns on
 * the reference 2-core machine (1 000 columns: 0.5-0.9 s; 27 000: 13 s). Both are
 * therefore skipped (`too_large`, value null) when the estimated column count exceeds
 * what the time limit allows, before anything is built. The LP relaxation can also run
 * in a worker thread ({@link lpRelaxationBoundInBackground}), where only memory limits it.
 */
import { buildMilp, type Formulation } from "../formulation/build-milp.js";
import type { MilpModel } from "../formulation/milp-model.js";
import type { PlanningModel } from "../model/planning-model.js";
import { boundingMilp, estimateMilpVariables, linearRelaxation } from "./bounding-milp.js";
import { solveRelaxation, type RelaxationResult } from "./highs-relaxation.js";
import { solveRelaxationInWorker } from "./highs-worker.js";

export interface MilpBoundOptions {
  /** Wall-clock limit, building the MILP included. */
  readonly timeLimitSeconds: number;
  /** Checked before building and before solving (HiGHS holds the thread while it runs). */
  readonly signal?: AbortSignal;
  /**
   * Skip when the MILP has (an estimated) more columns than this. Default: what the
   * time limit allows by measurement ({@link LP_COLUMNS_PER_SECOND} or
   * {@link MIP_COLUMNS_PER_SECOND} times the limit), at most {@link MAX_BOUND_COLUMNS}.
   */
  readonly maxVariables?: number;
  /** `buildMilp(model)` if the caller already built it; must be unmodified (no fixed variables). */
  readonly formulation?: Formulation;
}

export type MilpBoundStatus = "bound" | "infeasible" | "too_large" | "time_limit" | "interrupted" | "error";

export interface MilpBoundDetails {
  /** Lower bound in minor units (an integer), or null when there is none. */
  readonly value: number | null;
  /**
   * `bound`: value is set. `infeasible`: the relaxation is infeasible, so no plan exists.
   * `too_large`: skipped by size. `time_limit`, `interrupted`, `error`: no bound.
   */
  readonly status: MilpBoundStatus;
  /** Columns of the MILP (estimated when it was not built). */
  readonly variables: number;
  readonly seconds: number;
  readonly message?: string;
}

/** Columns per second of limit the LP relaxation can afford (measured: ~2 000/s unloaded, ~1 500 per CPU second under load, build included). */
export const LP_COLUMNS_PER_SECOND = 1_000;
/** Columns per second of limit for a useful branch-and-bound bound (S, 1 000 columns: ~3 s to 92 % of the optimum). */
export const MIP_COLUMNS_PER_SECOND = 300;
/** Never build a larger MILP for a bound (memory). */
export const MAX_BOUND_COLUMNS = 150_000;

/** Branch-and-bound dual bound after at most `timeLimitSeconds`, in minor units, or null. */
export async function mipRootBound(model: PlanningModel, options: MilpBoundOptions): Promise<number | null> {
  return (await mipRootBoundDetails(model, options)).value;
}

export function lpRelaxationBoundDetails(model: PlanningModel, options: MilpBoundOptions): Promise<MilpBoundDetails> {
  return milpBound(model, options, "lp");
}

export function mipRootBoundDetails(model: PlanningModel, options: MilpBoundOptions): Promise<MilpBoundDetails> {
  return milpBound(model, options, "mip");
}

async function milpBound(model: PlanningModel, options: MilpBoundOptions, kind: "lp" | "mip"): Promise<MilpBoundDetails> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const prepared = prepareRelaxation(model, options, kind, kind === "lp" ? LP_COLUMNS_PER_SECOND : MIP_COLUMNS_PER_SECOND);
  const none = (status: MilpBoundStatus, variables: number, message?: string): MilpBoundDetails =>
    message === undefined ? { value: null, status, variables, seconds: seconds() } : { value: null, status, variables, seconds: seconds(), message };
  if ("skipped" in prepared) return none(prepared.skipped, prepared.variables, prepared.message);
  const result: RelaxationResult = await solveRelaxation(prepared.relaxation, {
    kind,
    timeLimitSeconds: options.timeLimitSeconds - seconds(),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (result.status !== "bound" || result.bound === null) return none(result.status, prepared.relaxation.variables.length, result.message);
  // Costs are never negative, so 0 is a bound too (HiGHS' early dual bounds can be below it).
  return { value: Math.max(0, roundUp(result.bound)), status: "bound", variables: prepared.relaxation.variables.length, seconds: seconds() };
}

/**
 * The model a bound run solves: `boundingMilp` of the formulation, all columns
 * continuous for `lp`; or why there is none, before anything is built when the
 * estimated size is past `options.maxVariables` (default: `perSecond` columns per
 * second of the time limit, at most {@link MAX_BOUND_COLUMNS}).
 */
function prepareRelaxation(
  model: PlanningModel,
  options: MilpBoundOptions,
  kind: "lp" | "mip",
  perSecond: number,
): { readonly relaxation: MilpModel } | { readonly skipped: "interrupted" | "too_large" | "infeasible"; readonly variables: number; readonly message?: string } {
  const limit = options.maxVariables ?? Math.min(MAX_BOUND_COLUMNS, Math.floor(perSecond * options.timeLimitSeconds));
  const estimated = options.formulation?.milp.variables.length ?? estimateMilpVariables(model);
  if (options.signal?.aborted === true) return { skipped: "interrupted", variables: estimated };
  if (estimated > limit) return { skipped: "too_large", variables: estimated, message: `about ${estimated} columns, more than ${limit}` };
  const formulation = options.formulation ?? buildMilp(model);
  const milp = boundingMilp(formulation.milp);
  if (formulation.unplaceable.length > 0) return { skipped: "infeasible", variables: milp.variables.length, message: "a mandatory shoot has no usable placement" };
  return { relaxation: kind === "lp" ? linearRelaxation(milp) : milp };
}

/** The LP relaxation bound being computed in a worker thread (see highs-worker.ts). */
export interface BackgroundBound {
  /** Settles once: the bound in minor units, or null (skipped, not finished, stopped). */
  readonly value: Promise<number | null>;
  /** Stops the worker; `value` then settles as null. */
  stop(): void;
}

/**
 * Estimated columns per second of time left for the LP in a worker, about the fastest
 * measured, so that only what cannot finish is skipped. Tier M, building the MILP here
 * plus the worker's interior point at LP_OPTIONS' tolerance: an estimated 29 200
 * columns (M-2) in 6.3 s, 34 600 (M-1) in 10.5 s. M-2 at a 10 s limit starts it at its
 * first plan (1.3 s) and has its bound at 9.2 s; M-1 and M-3 are skipped at 10 s.
 * (In the estimate's units since it counts seat and budget-cap columns, 2026-11-28:
 * 3 000 before, for estimates 22-28 % lower on these instances.)
 */
export const LP_WORKER_COLUMNS_PER_SECOND = 3_850;

/**
 * Starts the LP relaxation bound in a worker thread and returns at once, after building
 * the MILP here (tier M: about a second). Skipped (null at once) past `maxVariables`
 * (default: what {@link LP_WORKER_COLUMNS_PER_SECOND} allows in the time limit, at most
 * {@link MAX_BOUND_COLUMNS}, for memory).
 */
export function lpRelaxationBoundInBackground(model: PlanningModel, options: MilpBoundOptions): BackgroundBound {
  const started = performance.now();
  const prepared = prepareRelaxation(model, options, "lp", LP_WORKER_COLUMNS_PER_SECOND);
  if ("skipped" in prepared) return { value: Promise.resolve(null), stop: () => {} };
  const timeLimitSeconds = options.timeLimitSeconds - (performance.now() - started) / 1000;
  const running = solveRelaxationInWorker(prepared.relaxation, { timeLimitSeconds, ...(options.signal ? { signal: options.signal } : {}) });
  // Costs are never negative, so 0 is a bound too.
  const value = running.result.then((r) => (r.status === "bound" && r.bound !== null ? Math.max(0, roundUp(r.bound)) : null));
  return { value, stop: running.stop };
}

/**
 * Costs are integers in minor units, so a bound b proves cost >= ceil(b). A relative
 * 1e-7 is given away first for the solver's tolerances (the LP bound is already
 * rigorous; the MIP dual bound is HiGHS' own), never more than that.
 */
export function roundUp(bound: number): number {
  return Math.ceil(bound - 1e-7 * Math.max(1, Math.abs(bound)));
}
