import { createRequire } from "node:module";
import type { MilpModel } from "../formulation/milp-model.js";
import type { BackendOptions, BackendResult, SolverBackend } from "./backend.js";
import { gateSolution, noSolution, presolveTrivial, remainingSeconds } from "./backend-support.js";
import { MAX_TIMER_MS, runWorker } from "./eval-worker.js";

/**
 * javascript-lp-solver (npm `javascript-lp-solver` 1.x) adapter.
 *
 * Its own `timeout` only bounds branch and bound (not the first LP), and a search
 * cut off by it can return a fractional answer flagged feasible. So the solver runs
 * in a `worker_threads` Worker that is terminated at the wall-clock limit or on
 * abort, and every answer passes the verification gate before it becomes a plan.
 * A fresh Worker per solve (so a killed one never leaks into the next solve) costs
 * about 30-50 ms of start-up, even for a tiny model.
 */

/** Solver model in javascript-lp-solver's JSON format (only the parts we use). */
export interface JslpModel {
  optimize: string;
  opType: "min";
  constraints: Record<string, { min?: number; max?: number; equal?: number }>;
  variables: Record<string, Record<string, number>>;
  ints: Record<string, 1>;
  unrestricted: Record<string, 1>;
  options: { timeout: number; tolerance: number };
}

/** What the worker posts back. */
export type JslpWorkerReply =
  | {
      readonly ok: true;
      /** The solver's flat result: `feasible`, `bounded`, `isIntegral`, `result`, `x<i>` (zeros omitted). */
      readonly result: Record<string, unknown>;
      /** Epoch ms when `Solve` returned. */
      readonly finishedAt: number;
      /** The simplex detected cycling somewhere; it then marks that (sub)problem infeasible. */
      readonly cycled: boolean;
      /**
       * LP solves (of any branch-and-bound node) that stopped with an improving column
       * left, or null when that could not be watched (see WORKER_SOURCE).
       */
      readonly unfinishedLps: number | null;
    }
  | { readonly ok: false; readonly message: string };

/** Key of the objective in every variable's coefficient object; rows are `r<i>`, bounds `b<i>`. */
const OBJECTIVE_KEY = "obj";

/**
 * CommonJS source of the worker, evaluated as a script so that neither the TypeScript
 * sources (tests) nor the compiled package need a separate worker file.
 *
 * Why it wraps the solver's phase 2: javascript-lp-solver 1.0.3, once Bland's rule has
 * made no progress for as many pivots as the tableau has rows, accepts the vertex it is
 * on as optimal, even with a column that would still lower the objective. Measured on a
 * 4-shoot problem: an LP relaxation "solved" at 107 000 whose optimum is 79 000, and a
 * MILP "optimal" at 1 070 where 810 exists (a node's overstated LP value prunes better
 * plans). The wrapper counts the LP solves that end with an improving column left; any
 * such solve means nothing is proven. The tableau class is not exported, so its
 * prototype is reached through a one-variable probe; if that shape ever changes, the
 * count is null and no answer is claimed proven.
 */
const WORKER_SOURCE = `
"use strict";
const { parentPort, workerData } = require("node:worker_threads");
function watchPhase2(solver) {
  const watch = { unfinished: 0 };
  solver.Solve({ optimize: "x", opType: "min", constraints: {}, variables: { x: { x: 1 } } });
  const tableau = solver.lastSolvedModel && solver.lastSolvedModel.tableau;
  const proto = tableau ? Object.getPrototypeOf(tableau) : null;
  if (!proto || typeof proto.phase2 !== "function" || !(tableau.matrix instanceof Float64Array)) return null;
  const phase2 = proto.phase2;
  proto.phase2 = function () {
    const iterations = phase2.apply(this, arguments);
    if (this.bounded !== false && improvingColumnLeft(this)) watch.unfinished += 1;
    return iterations;
  };
  return watch;
}
// The exit test of phase 2 itself: a reduced cost above precision (or below -precision
// for a free variable) in the cost row, row 0 of the dense tableau.
function improvingColumnLeft(t) {
  for (let c = 1; c < t.width; c++) {
    if (c === t.rhsColumn) continue;
    const reducedCost = t.matrix[c];
    const free = t.unrestrictedVars[t.varIndexByCol[c]] === true;
    if (reducedCost > t.precision || (free && -reducedCost > t.precision)) return true;
  }
  return false;
}
let reply;
try {
  const loaded = require(workerData.solverPath);
  const solver = loaded && loaded.default ? loaded.default : loaded;
  let watch = null;
  try {
    watch = watchPhase2(solver);
  } catch (error) {
    watch = null;
  }
  const model = workerData.model;
  // Measure branch and bound's timeout from now, so worker start-up and module loading
  // cannot push its end past the deadline the main thread planned for.
  model.options.timeout = Math.max(1, workerData.searchDeadline - Date.now());
  const result = solver.Solve(model);
  const solved = solver.lastSolvedModel;
  const messages = (solved && solved.messages) || [];
  const cycled = messages.some((m) => /cycle/i.test(String(m)));
  reply = { ok: true, result: Object.assign({}, result), finishedAt: Date.now(), cycled, unfinishedLps: watch === null ? null : watch.unfinished };
} catch (error) {
  reply = { ok: false, message: String((error && error.stack) || error) };
}
parentPort.postMessage(reply);
`;

let solverPath: string | null = null;

/** Absolute path of javascript-lp-solver's CommonJS entry, resolved from this package. */
function resolveSolverPath(): string {
  solverPath ??= createRequire(import.meta.url).resolve("javascript-lp-solver");
  return solverPath;
}

/**
 * Largest dense tableau (rows x columns, slack columns included) attempted: 3e7 cells
 * is about 240 MB of doubles. javascript-lp-solver allocates the whole tableau up
 * front; a medium-tier model asked for 17 GB here and would take the machine down.
 */
const MAX_TABLEAU_CELLS = 30_000_000;

/**
 * javascript-lp-solver backend. Options: `timeLimitSeconds` (hard wall clock: the worker
 * is terminated), `relativeGap` (the solver's `tolerance`), `signal` (terminates the
 * worker; result `interrupted`). `initialValues` and `seed` are ignored: the solver has
 * no start solutions and is deterministic. `bound` is null unless optimality is proven
 * (then it equals `objective`): a search that finished in time, without cycling, and
 * with no LP stopped early (see WORKER_SOURCE).
 */
export const jslpBackend: SolverBackend = {
  name: "jslp",
  solve: solveWithJslp,
};

async function solveWithJslp(model: MilpModel, options: BackendOptions): Promise<BackendResult> {
  const start = performance.now();
  if (options.signal?.aborted === true) return noSolution("interrupted", start);
  const trivial = presolveTrivial(model, start);
  if (trivial !== null) return trivial;
  const cells = (model.rows.length + 1) * (model.variables.length + model.rows.length + 1);
  if (cells > MAX_TABLEAU_CELLS) {
    return noSolution("error", start, `model too large for javascript-lp-solver's dense tableau: ${model.rows.length} rows x ${model.variables.length} variables would need about ${Math.round((cells * 8) / 2 ** 20)} MB`);
  }
  // setTimeout treats delays beyond 2^31-1 ms (including Infinity) as 1 ms: clamp.
  const limitMs = Math.min(MAX_TIMER_MS, remainingSeconds(options.timeLimitSeconds, start) * 1000);
  if (!(limitMs > 0)) return noSolution("time_limit", start);
  // Leave the solver time to hand back its incumbent before the worker is killed.
  const searchMs = Math.max(1, Math.floor(limitMs - Math.max(100, 0.1 * limitMs)));
  const searchDeadline = Date.now() + searchMs; // epoch ms: the worker's Date.now() is the same clock
  const jslpModel = toJslpModel(model, searchMs, options.relativeGap);
  const workerData: WorkerInput = { solverPath: resolveSolverPath(), model: jslpModel, searchDeadline };
  const run = runWorker<JslpWorkerReply>(WORKER_SOURCE, workerData, { label: "javascript-lp-solver worker", limitMs, ...(options.signal ? { signal: options.signal } : {}) });
  const outcome = await run.outcome;
  switch (outcome.kind) {
    case "stopped":
      return noSolution("interrupted", start);
    case "timeout":
      return noSolution("time_limit", start);
    case "failed":
      return noSolution("error", start, outcome.message);
    case "reply":
      return interpretJslpReply(model, outcome.reply, searchDeadline, start);
  }
}

/** Translates to javascript-lp-solver's format with collision-free keys `x<i>`, `r<i>`, `b<i>`. */
export function toJslpModel(model: MilpModel, timeoutMs: number, relativeGap: number): JslpModel {
  const variables: JslpModel["variables"] = {};
  const constraints: JslpModel["constraints"] = {};
  const ints: JslpModel["ints"] = {};
  const unrestricted: JslpModel["unrestricted"] = {};
  model.variables.forEach((v, i) => {
    const key = `x${i}`;
    variables[key] = { [OBJECTIVE_KEY]: 0 };
    if (v.integer) ints[key] = 1;
    // The solver's variables are >= 0; other bounds become constraints on the variable.
    if (v.lower < 0) unrestricted[key] = 1;
    const side = sides(v.lower === 0 ? -Infinity : v.lower, v.upper);
    if (side !== null) {
      constraints[`b${i}`] = side;
      addCoefficient(variables, key, `b${i}`, 1);
    }
  });
  for (const term of model.objective.terms) addCoefficient(variables, `x${term.variable}`, OBJECTIVE_KEY, term.coefficient);
  model.rows.forEach((row, r) => {
    const side = sides(row.lower, row.upper);
    if (side === null) return; // a row without finite sides constrains nothing
    constraints[`r${r}`] = side;
    for (const term of row.terms) addCoefficient(variables, `x${term.variable}`, `r${r}`, term.coefficient);
  });
  const options = { timeout: timeoutMs, tolerance: relativeGap };
  return { optimize: OBJECTIVE_KEY, opType: "min", constraints, variables, ints, unrestricted, options };
}

function sides(lower: number, upper: number): { min?: number; max?: number; equal?: number } | null {
  if (lower === upper) return { equal: lower };
  const side: { min?: number; max?: number } = {};
  if (Number.isFinite(lower)) side.min = lower;
  if (Number.isFinite(upper)) side.max = upper;
  return side.min === undefined && side.max === undefined ? null : side;
}

/** Adds (sums, for repeated variables) a coefficient into the solver's per-variable object. */
function addCoefficient(variables: JslpModel["variables"], key: string, constraint: string, coefficient: number): void {
  const coefficients = variables[key];
  if (coefficients !== undefined) coefficients[constraint] = (coefficients[constraint] ?? 0) + coefficient;
}

interface WorkerInput {
  readonly solverPath: string;
  readonly model: JslpModel;
  /** Epoch ms at which branch and bound must stop (the worker converts it to `timeout`). */
  readonly searchDeadline: number;
}

/**
 * Maps the solver's flags to a status (exported for tests). Its branch-and-bound clock
 * starts no earlier than `searchDeadline - timeout`, so an answer finished before
 * `searchDeadline` came from a completed search; a later one may be cut off and is
 * never `optimal`. The solver calls a cycling (sub)problem infeasible, so after cycling
 * neither infeasibility nor optimality is proven.
 * @param searchDeadline epoch ms; `start` is a `performance.now()` reading.
 */
export function interpretJslpReply(
  model: MilpModel,
  reply: JslpWorkerReply,
  searchDeadline: number,
  start: number,
): BackendResult {
  if (!reply.ok) return noSolution("error", start, `javascript-lp-solver threw: ${reply.message}`);
  const result = reply.result;
  const hasIntegers = model.variables.some((v) => v.integer);
  const complete = !hasIntegers || reply.finishedAt < searchDeadline;
  const proven = complete && !reply.cycled;
  const noAnswer = reply.cycled ? noSolution("error", start, "javascript-lp-solver cycled; nothing proven") : null;
  if (result["feasible"] !== true) return noAnswer ?? noSolution(complete ? "infeasible" : "time_limit", start);
  if (result["bounded"] === false) return noSolution("unbounded", start);
  const raw = model.variables.map((_, i) => {
    const value = result[`x${i}`];
    return typeof value === "number" ? value : 0; // the solver omits zero values
  });
  if (!proven) return gateSolution(model, raw, { proven: false, bound: null, onReject: complete ? "error" : "time_limit" }, start);
  // A finished search that ends on a fractional point found no integer solution at all
  // (an overstated LP value prunes only against a plan in hand, so this holds even then).
  if (hasIntegers && result["isIntegral"] !== true) return noSolution("infeasible", start);
  // An LP left unfinished may have pruned better plans (see WORKER_SOURCE): a plan, not a proof.
  return gateSolution(model, raw, { proven: reply.unfinishedLps === 0, bound: null, onReject: "error" }, start);
}
