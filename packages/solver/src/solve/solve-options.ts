import type { BackendName } from "../backends/backend.js";
import type { Plan } from "../domain/plan-schema.js";

/** How to solve. Every field is optional; {@link defaultSolveOptions} holds the defaults. */
export interface SolveOptions {
  /**
   * Backend of the monolithic MILP (`strategy: "mip"`, and `auto` on small problems):
   * `highs` (HiGHS compiled to WebAssembly, default) or `jslp` (javascript-lp-solver).
   * Neighbourhood search solves its sub-problems on HiGHS whatever this says: it needs
   * a warm start, a node limit and a bound, which only HiGHS gives.
   */
  readonly backend?: BackendName;
  /**
   * Wall-clock limit in seconds for the whole solve, from the call to the answer
   * (parsing and the final check included). Default 30. Below what a first plan needs
   * (about 0.5 s at 60 shoots, 2-3 s at 1 000) the answer is `timeout` without a plan;
   * `npm run bench:time-limits` measures it. With `strategy: "mip"` the monolithic MILP
   * is built first and that cannot be interrupted (seconds at 250 shoots): the backend
   * gets what is left, and none when the building used it all (`timeout`).
   */
  readonly timeLimitSeconds?: number;
  /** Relative gap at which a plan counts as good enough; 0 (default) asks for a proof of optimality. */
  readonly relativeGap?: number;
  /** Seed for randomised choices inside backends; same input and seed, same plan. Default 0. */
  readonly seed?: number;
  /**
   * `auto` (default): exact sequencing by dynamic programming when the problem is pure
   * hold-billed sequencing; else the monolithic MILP when it is small enough to prove;
   * else a construction followed by large-neighbourhood search with a lower bound.
   * `mip`: always the monolithic MILP. `lns`: always construction + neighbourhood search.
   */
  readonly strategy?: "auto" | "mip" | "lns";
  /**
   * Neighbourhood-search iterations (one ruin-and-recreate round and one MILP
   * sub-problem each) after which `auto` and `lns` stop; null (default): no limit, the
   * search runs to the time limit or the gap target. Every step of the search is
   * deterministic for a seed; what a time limit cuts off is not, so set this when the
   * same input and seed must give the same plan on every machine, with a time limit
   * generous enough that no phase runs out of its share of it (the construction may
   * take 30 %, the MILP of a small problem 90 %). The LP-relaxation bound of a large
   * problem, computed in a worker thread, is then reported but never stops the search.
   */
  readonly iterationLimit?: number | null;
  /**
   * Cancels the solve; the answer is then `timeout` or the best verified plan. The long
   * MILPs (`mip`, the exact phase of `auto` on small problems) run in a worker thread
   * after their first quarter second, which the abort ends at once; the construction,
   * the Lagrangian bounds and the searches read `signal.aborted` at every step and let
   * the event loop run about every 50 ms. Parsing, model building and a neighbourhood's
   * sub-MILP cannot be interrupted (up to about a second at 60 shoots).
   */
  readonly signal?: AbortSignal;
  /**
   * Called with each improved plan (its cost and the plan) and each improved lower bound, as the
   * search finds them; amounts in the problem's currency, `seconds` since the start.
   * Must not throw. Default: none.
   */
  readonly onProgress?: (progress: SolveProgress) => void;
}

/** An improvement found during a solve. */
export type SolveProgress =
  | { readonly kind: "plan"; readonly cost: number; readonly seconds: number; /** The improved plan itself (checked). */ readonly plan: Plan }
  | { readonly kind: "bound"; readonly lowerBound: number; readonly seconds: number };

/** Every option but the callbacks and signal, resolved. */
export type ResolvedSolveOptions = Required<Omit<SolveOptions, "signal" | "onProgress">>;

/** The defaults, in one place; docs and tests read them from here. */
export const defaultSolveOptions: Readonly<ResolvedSolveOptions> = {
  backend: "highs",
  timeLimitSeconds: 30,
  relativeGap: 0,
  seed: 0,
  strategy: "auto",
  iterationLimit: null,
};
