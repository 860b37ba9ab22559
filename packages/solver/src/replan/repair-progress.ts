import { toMajor, toMinor } from "../domain/money.js";
import type { PricedPlan } from "../search/price-plan.js";
import { finishPlan } from "../solve/answers.js";
import { countedChanges } from "./plan-changes.js";
import { keepsPins, objectiveOf, type Repair } from "./repair-context.js";
import type { RepairProgress } from "./repair-options.js";
import type { RepairResult } from "./repair-result.js";

/**
 * Where a repair reports what it finds: only improvements (a lower objective, a higher
 * bound), each plan checked and keeping every pin, as `solve` reports its own.
 */
export interface RepairReporter {
  /** Whether anyone listens: work done only to report (a bound) is skipped otherwise. */
  readonly listening: boolean;
  /** A plan found along the way: reported when valid, keeping the pins, and better than every plan before. */
  plan(r: Repair, priced: PricedPlan): void;
  /** A lower bound on the objective in minor units: reported when higher than every bound before. */
  bound(r: Repair, minor: number): void;
  /** The answer: its plan and bound, where they improve on what was reported. */
  answer(r: Repair, result: RepairResult): void;
}

/** Reports to `onProgress`; without one, nothing is computed at all (no plan is assembled or checked). */
export function repairReporter(onProgress: ((progress: RepairProgress) => void) | undefined): RepairReporter {
  if (onProgress === undefined) return { listening: false, plan: () => {}, bound: () => {}, answer: () => {} };
  let bestObjective = Infinity;
  let bestBound = -Infinity;
  const bound = (r: Repair, minor: number) => {
    if (!(minor > bestBound)) return;
    bestBound = minor;
    onProgress({ kind: "bound", lowerBound: toMajor(minor, r.model.digits), seconds: r.seconds() });
  };
  return {
    listening: true,
    plan: (r, priced) => {
      if (!priced.valid || !keepsPins(r, priced)) return;
      const { changes, objective } = objectiveOf(r, priced);
      if (objective >= bestObjective) return;
      bestObjective = objective;
      const plan = finishPlan(r.model, priced.placements);
      onProgress({ kind: "plan", objective: toMajor(objective, r.model.digits), cost: toMajor(priced.cost, r.model.digits), changedAssignments: countedChanges(changes), seconds: r.seconds(), plan });
    },
    bound,
    answer: (r, result) => {
      if (result.plan !== null && result.objective !== null && result.cost !== null && result.changedAssignments !== null) {
        const objective = toMinor(result.objective, r.model.digits);
        if (objective < bestObjective) {
          bestObjective = objective;
          onProgress({ kind: "plan", objective: result.objective, cost: result.cost, changedAssignments: result.changedAssignments, seconds: result.seconds, plan: result.plan });
        }
      }
      if (result.lowerBound !== null) bound(r, toMinor(result.lowerBound, r.model.digits));
    },
  };
}
