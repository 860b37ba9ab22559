import { parseProblem } from "../domain/parse-problem.js";
import { InvalidOptionsError } from "../errors.js";
import { estimateMilpVariables } from "../bounds/bounding-milp.js";
import { buildMilp } from "../formulation/build-milp.js";
import { buildPlanningModel } from "../model/build-planning-model.js";
import { sequencingRoute } from "./sequencing-route.js";
import { solveBySequencing } from "./solve-sequencing.js";
import { solveExact } from "./solve-exact.js";
import { solveLarge } from "./solve-large.js";
import { defaultSolveOptions, type ResolvedSolveOptions, type SolveOptions } from "./solve-options.js";
import type { SolveResult } from "./solve-result.js";

/** Milliseconds per shoot kept back from the time limit for finishing (see `solve`). */
const FINISH_MS_PER_SHOOT = 0.25;

/**
 * Up to this many (estimated) variables `auto` also runs the monolithic MILP,
 * warm-started from the construction, hoping for a proof; larger models rely on
 * neighbourhood search and the LP bound. S-tier models have about 1 000 variables.
 */
export const AUTO_EXACT_MAX_VARIABLES = 6000;

/**
 * Plans every shoot at minimal cost. Accepts raw JSON (validated here) or a parsed
 * Problem. Every returned plan has passed the independent checker and its cost equals
 * the checker's recomputation. Throws only for invalid input (`SCHED_ERR_PROBLEM_INVALID`),
 * invalid options, or a defect; infeasible and timeout are statuses.
 */
export async function solve(problem: unknown, options: SolveOptions = {}): Promise<SolveResult> {
  const started = performance.now();
  const startedAt = Date.now();
  const { signal, onProgress, ...chosen } = options;
  const settings: ResolvedSolveOptions = { ...defaultSolveOptions, ...chosen };
  validateOptions(settings);
  const model = buildPlanningModel(parseProblem(problem));
  const clock = { seconds: () => (performance.now() - started) / 1000 };
  // The searches stop early enough to assemble, price and check the final plan in time,
  // counted from the call (parsing 1 000 shoots takes 0.2 s): 5 % of the limit, 0.2 s,
  // and per shoot what the final check and the last step that cannot be interrupted
  // need (1 000 shoots: about 0.25 s).
  const deadline = startedAt + settings.timeLimitSeconds * 1000 * 0.95 - 200 - FINISH_MS_PER_SHOOT * model.shoots.length;
  const hooks = { ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) };
  if (settings.strategy === "auto") {
    const route = sequencingRoute(model);
    const answer = "instance" in route ? solveBySequencing(model, route, deadline, signal, clock) : null;
    if (answer !== null) {
      if (answer.cost !== null && answer.plan !== null) onProgress?.({ kind: "plan", cost: answer.cost, seconds: answer.seconds, plan: answer.plan });
      return answer;
    }
  }
  if (settings.strategy === "lns") return solveLarge(model, settings, hooks, clock, deadline, null);
  if (settings.strategy === "mip") return solveExact(model, buildMilp(model), settings, hooks, clock);
  // The monolithic MILP is only built when it is small enough to be worth a proof.
  const small = estimateMilpVariables(model) <= AUTO_EXACT_MAX_VARIABLES;
  // Project budgets are left to the checker here: the relaxation's bound is valid, and
  // its solutions that break a cap are discarded while the search goes on.
  const formulation = small ? buildMilp(model, { projectBudgets: "relaxed" }) : null;
  if (formulation !== null && formulation.unplaceable.length > 0) return solveExact(model, formulation, settings, hooks, clock);
  return solveLarge(model, settings, hooks, clock, deadline, formulation);
}

export function validateOptions(settings: ResolvedSolveOptions): void {
  if (!(settings.timeLimitSeconds > 0) || !Number.isFinite(settings.timeLimitSeconds)) {
    throw new InvalidOptionsError(`timeLimitSeconds must be a positive number of seconds, got ${settings.timeLimitSeconds}`, "timeLimitSeconds");
  }
  if (!(settings.relativeGap >= 0 && settings.relativeGap < 1)) throw new InvalidOptionsError(`relativeGap must be in [0, 1), got ${settings.relativeGap}`, "relativeGap");
  if (settings.backend !== "highs" && settings.backend !== "jslp") throw new InvalidOptionsError(`backend must be "highs" or "jslp", got ${String(settings.backend)}`, "backend");
  if (!["auto", "mip", "lns"].includes(settings.strategy)) throw new InvalidOptionsError(`strategy must be "auto", "mip" or "lns", got ${String(settings.strategy)}`, "strategy");
  const limit = settings.iterationLimit;
  if (limit !== null && !(Number.isInteger(limit) && limit >= 1)) throw new InvalidOptionsError(`iterationLimit must be a positive integer or null, got ${String(limit)}`, "iterationLimit");
  if (!Number.isInteger(settings.seed) || settings.seed < 0) throw new InvalidOptionsError(`seed must be a non-negative integer, got ${settings.seed}`, "seed");
}
