import type { MilpModel } from "../formulation/milp-model.js";

/**
 * What a backend reports about one solve. Append-only union: never rename or
 * remove a member, callers switch over it.
 * - `optimal`: proven optimal within the backend's MIP gap tolerance (see `gap`).
 * - `feasible`: a verified integer solution, optimality not proven (time limit hit).
 * - `infeasible`: proven that no solution exists.
 * - `unbounded`: the objective can decrease without limit (a formulation defect for us).
 * - `time_limit`: the time limit passed before any verified integer solution was found.
 * - `interrupted`: the caller's AbortSignal fired before any verified solution.
 * - `error`: the backend failed (crash, out of memory); `message` says how.
 */
export type BackendStatus =
  | "optimal"
  | "feasible"
  | "infeasible"
  | "unbounded"
  | "time_limit"
  | "interrupted"
  | "error";

export interface BackendOptions {
  /** Wall-clock limit in seconds for the whole solve, including the first LP. Default 30. */
  readonly timeLimitSeconds: number;
  /** Relative MIP gap at which the backend may stop and call the answer optimal. Default 0 (exact). */
  readonly relativeGap: number;
  /** Optional start solution by variable index (HiGHS uses it; others may ignore it). */
  readonly initialValues?: ReadonlyMap<number, number>;
  /** Cancels the solve; the backend returns promptly with `interrupted` or its best verified solution. */
  readonly signal?: AbortSignal;
  /**
   * Seed for randomised solver heuristics (HiGHS `random_seed`, a non-negative 32-bit
   * integer). Default 0. The same model, options and seed give the same answer.
   */
  readonly seed?: number;
  /**
   * Branch-and-bound nodes after which the backend stops with its best solution
   * (HiGHS `mip_max_nodes`; javascript-lp-solver ignores it). Unlike a time limit it
   * cuts every run at the same point, so results do not depend on machine speed.
   * Default: no limit.
   */
  readonly nodeLimit?: number;
  /**
   * Run the solve in a worker thread: the calling thread stays free, and `signal` ends
   * the solve at once. Worth its start-up cost (HiGHS: 0.1-0.2 s) on solves of seconds.
   * Default false. javascript-lp-solver always runs in a worker.
   */
  readonly worker?: boolean;
}

export interface BackendResult {
  readonly status: BackendStatus;
  /**
   * Objective of `values` (including the model's constant) when status is
   * `optimal` or `feasible`; `null` otherwise.
   */
  readonly objective: number | null;
  /**
   * Best proven lower bound on the optimum, when the backend reports one; equals
   * `objective` when proven optimal; `null` when unknown.
   */
  readonly bound: number | null;
  /** Value of every variable by index (length = model.variables.length); empty when there is no solution. */
  readonly values: readonly number[];
  /** Wall-clock seconds spent in the backend. */
  readonly seconds: number;
  /** Human-readable detail for `error` (and diagnostics); never parsed. */
  readonly message?: string;
}

export interface SolverBackend {
  /** `"highs"` or `"jslp"`. */
  readonly name: BackendName;
  solve(model: MilpModel, options: BackendOptions): Promise<BackendResult>;
}

export type BackendName = "highs" | "jslp";
