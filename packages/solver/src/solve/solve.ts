import type { BackendResult } from "../backends/backend.js";
import { backendByName } from "../backends/registry.js";
import { checkPlan } from "../check/check-plan.js";
import { computeCost } from "../cost/compute-cost.js";
import { toMajor, toMinor } from "../domain/money.js";
import { parseProblem } from "../domain/parse-problem.js";
import type { Plan } from "../domain/plan-schema.js";
import type { Problem } from "../domain/problem-schema.js";
import { InternalDefectError, InvalidOptionsError, SolverError } from "../errors.js";
import { buildMilp } from "../formulation/build-milp.js";
import { buildPlanningModel } from "../model/build-planning-model.js";
import type { PlanningModel } from "../model/planning-model.js";
import { solveSequencing } from "../talent/sequencing.js";
import { assemblePlan, type Placement } from "./assemble-plan.js";
import { decodeMilp } from "./decode-milp.js";
import { sequencingRoute } from "./sequencing-route.js";
import { defaultSolveOptions, type ResolvedSolveOptions, type SolveOptions } from "./solve-options.js";
import type { SolveResult } from "./solve-result.js";

/**
 * Plans every shoot at minimal cost. Accepts raw JSON (validated here) or a parsed
 * Problem. Every returned plan has passed the independent checker and its cost equals
 * the checker's recomputation. Throws only for invalid input (`SCHED_ERR_PROBLEM_INVALID`),
 * invalid options, or a defect; infeasible and timeout are statuses.
 */
export async function solve(problem: unknown, options: SolveOptions = {}): Promise<SolveResult> {
  const started = performance.now();
  const { signal, ...chosen } = options;
  const settings: Settings = { ...defaultSolveOptions, ...chosen };
  validateOptions(settings);
  const parsed = parseProblem(problem);
  const model = buildPlanningModel(parsed);
  const seconds = () => (performance.now() - started) / 1000;
  if (settings.method === "auto") {
    const route = sequencingRoute(model);
    if ("instance" in route) {
      const deadline = Date.now() + settings.timeLimitSeconds * 1000;
      const result = solveSequencing(route.instance, { deadline, ...(signal ? { signal } : {}) });
      if (result.status === "optimal") {
        const plan = finishPlan(parsed, model, route.placements(result.order));
        const costMinor = toMinor(plan.cost?.total ?? NaN, model.digits);
        if (costMinor !== result.cost + route.constantCost) throw new InternalDefectError(`sequencing cost ${result.cost + route.constantCost} differs from the plan's ${costMinor}`);
        if (model.budgetTotal !== null && costMinor > model.budgetTotal) return noPlan("infeasible", "sequencing", seconds(), "The cheapest shooting order costs more than the total budget.");
        return withPlan("optimal", plan, costMinor, model, { method: "sequencing", seconds: seconds() });
      }
      if (result.status === "infeasible") return noPlan("infeasible", "sequencing", seconds(), "No shooting order lets every shoot start on a day its people, location and window allow.");
      if (result.status === "interrupted") return noPlan("timeout", "sequencing", seconds(), "The time limit passed before the best shooting order was proven.");
      // too_large: fall through to the MILP.
    }
  }
  return solveMilp(parsed, model, settings, signal, started);
}

type Settings = ResolvedSolveOptions;

async function solveMilp(problem: Problem, model: PlanningModel, settings: Settings, signal: AbortSignal | undefined, started: number): Promise<SolveResult> {
  const formulation = buildMilp(model);
  const seconds = () => (performance.now() - started) / 1000;
  const size = { variables: formulation.milp.variables.length, rows: formulation.milp.rows.length };
  if (formulation.unplaceable.length > 0) {
    const ids = formulation.unplaceable.map((s) => `"${model.shoots[s]?.id}"`).join(", ");
    return { ...noPlan("infeasible", "mip", seconds(), `Shoot ${ids} has no day and location on which its window, its location and its required people are all available.`), backend: settings.backend, model: size };
  }
  const remaining = Math.max(0.05, settings.timeLimitSeconds - seconds());
  const backend = backendByName(settings.backend);
  const result = await backend.solve(formulation.milp, { timeLimitSeconds: remaining, relativeGap: settings.relativeGap, seed: settings.seed, ...(signal ? { signal } : {}) });
  const common = { method: "mip" as const, backend: settings.backend, model: size };
  switch (result.status) {
    case "optimal":
    case "feasible": {
      const plan = finishPlan(problem, model, decodeMilp(model, formulation, result.values));
      const costMinor = toMinor(plan.cost?.total ?? NaN, model.digits);
      assertObjective(result, costMinor);
      const status = result.status === "optimal" && settings.relativeGap === 0 ? "optimal" : result.status === "optimal" && result.bound !== null && result.bound >= costMinor - 0.5 ? "optimal" : "feasible";
      return { ...withPlan(status, plan, costMinor, model, { method: "mip", seconds: seconds(), bound: result.bound }), ...common };
    }
    case "infeasible":
      return { ...noPlan("infeasible", "mip", seconds(), "No plan satisfies every hard rule (availability, capacity, deadlines, budgets)."), ...common };
    case "time_limit":
    case "interrupted":
      return { ...noPlan("timeout", "mip", seconds(), "The time limit passed before any valid plan was found."), ...common, lowerBound: result.bound === null ? null : toMajor(Math.ceil(result.bound - 1e-6), model.digits) };
    case "unbounded":
    case "error":
      throw new SolverError("SCHED_ERR_BACKEND_FAILED", `The ${settings.backend} backend failed: ${result.message ?? result.status}`);
    default:
      throw new InternalDefectError(`unknown backend status ${String(result.status satisfies never)}`);
  }
}

/** An optimal answer's objective must equal the plan's recomputed cost; a feasible one may only overstate it. */
function assertObjective(result: BackendResult, costMinor: number): void {
  const objective = result.objective ?? NaN;
  const off = result.status === "optimal" ? Math.abs(objective - costMinor) > 0.5 : costMinor > objective + 0.5;
  if (off) throw new InternalDefectError(`MILP objective ${objective} does not match the plan's recomputed cost ${costMinor} (minor units)`);
}

/** Assembles the plan, prices it, and runs the independent checker: a plan that fails it is a defect. */
function finishPlan(problem: Problem, model: PlanningModel, placements: readonly Placement[]): Plan {
  const draft = assemblePlan(model, placements);
  const plan: Plan = { ...draft, cost: computeCost(problem, { ...draft }) };
  const verdict = checkPlan(problem, plan);
  if (!verdict.valid) {
    throw new InternalDefectError(`The solver produced a plan the checker rejects: ${verdict.violations.map((v) => v.message).join(" ")}`);
  }
  return plan;
}

function withPlan(status: "optimal" | "feasible", plan: Plan, costMinor: number, model: PlanningModel, extra: { method: "mip" | "sequencing"; seconds: number; bound?: number | null }): SolveResult {
  const boundMinor = status === "optimal" ? costMinor : extra.bound === undefined || extra.bound === null ? null : Math.min(costMinor, Math.ceil(extra.bound - 1e-6));
  const gap = boundMinor === null ? null : costMinor === 0 ? 0 : (costMinor - boundMinor) / costMinor;
  return {
    status,
    plan,
    cost: toMajor(costMinor, model.digits),
    lowerBound: boundMinor === null ? null : toMajor(boundMinor, model.digits),
    gap,
    method: extra.method,
    backend: null,
    seconds: extra.seconds,
    explanation: null,
    model: null,
  };
}

function noPlan(status: "infeasible" | "timeout", method: "mip" | "sequencing", seconds: number, explanation: string): SolveResult {
  return { status, plan: null, cost: null, lowerBound: null, gap: null, method, backend: null, seconds, explanation, model: null };
}

function validateOptions(settings: Settings): void {
  if (!(settings.timeLimitSeconds > 0) || !Number.isFinite(settings.timeLimitSeconds)) throw new InvalidOptionsError(`timeLimitSeconds must be a positive number of seconds, got ${settings.timeLimitSeconds}`);
  if (!(settings.relativeGap >= 0 && settings.relativeGap < 1)) throw new InvalidOptionsError(`relativeGap must be in [0, 1), got ${settings.relativeGap}`);
  if (settings.backend !== "highs" && settings.backend !== "jslp") throw new InvalidOptionsError(`backend must be "highs" or "jslp", got ${String(settings.backend)}`);
  if (settings.method !== "auto" && settings.method !== "mip") throw new InvalidOptionsError(`method must be "auto" or "mip", got ${String(settings.method)}`);
  if (!Number.isInteger(settings.seed) || settings.seed < 0) throw new InvalidOptionsError(`seed must be a non-negative integer, got ${settings.seed}`);
}
