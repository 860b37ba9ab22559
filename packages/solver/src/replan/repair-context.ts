import type { RepairRequest } from "../domain/parse-repair-request.js";
import type { Placement } from "../model/placement.js";
import type { PlanningModel } from "../model/planning-model.js";
import type { PricedPlan } from "../search/price-plan.js";
import type { ResolvedSolveOptions } from "../solve/solve-options.js";
import type { EarlierShoot } from "./earlier-plan.js";
import { countedChanges, planChanges } from "./plan-changes.js";
import type { RepairReporter } from "./repair-progress.js";

/** Everything a repair works with, resolved once. */
export interface Repair {
  readonly request: RepairRequest;
  readonly model: PlanningModel;
  readonly earlier: readonly EarlierShoot[];
  /** Per shoot, its earlier placement if the current problem still allows it on its own, else why not (`keptPlacement`). */
  readonly kept: readonly (Placement | string)[];
  /** Change penalty in minor units. */
  readonly penalty: number;
  readonly pinned: ReadonlySet<number>;
  readonly settings: ResolvedSolveOptions;
  readonly signal: AbortSignal | undefined;
  readonly seconds: () => number;
  /** Wall-clock ms by which the solving must end (the answer's assembly follows). */
  readonly deadline: number;
  /** Where plans and bounds found along the way go (`onProgress`). */
  readonly report: RepairReporter;
}

/** The earlier placement of each shoot the current problem still allows on its own. */
export function keptPlacements(r: Repair): Map<number, Placement> {
  const kept = new Map<number, Placement>();
  for (const placement of r.kept) if (typeof placement !== "string") kept.set(placement.shoot, placement);
  return kept;
}

/** Whether a plan keeps every pinned shoot's earlier placement and crew. */
export function keepsPins(r: Repair, priced: PricedPlan): boolean {
  return [...r.pinned].every((s) => {
    const want = r.kept[s];
    const got = priced.placements.find((p) => p.shoot === s);
    return typeof want === "object" && got !== undefined && want.start.slot === got.start.slot && want.location === got.location && want.crew.length === got.crew.length && want.crew.every((c) => got.crew.some((g) => g.person === c.person && g.role === c.role));
  });
}

/** The penalised objective of a repaired plan in minor units, recounted from the plans themselves. */
export function objectiveOf(r: Repair, priced: PricedPlan): { changes: ReturnType<typeof planChanges>; objective: number } {
  const changes = planChanges(r.model.shoots.map((s) => s.id), r.request.earlierPlan, priced.plan);
  return { changes, objective: priced.cost + r.penalty * countedChanges(changes) };
}

/** Of the plans given, the first with the lowest penalised objective; null when none is given. */
export function lowestObjective(r: Repair, plans: readonly (PricedPlan | null)[]): PricedPlan | null {
  let best: { plan: PricedPlan; objective: number } | null = null;
  for (const plan of plans) {
    if (plan === null) continue;
    const { objective } = objectiveOf(r, plan);
    if (best === null || objective < best.objective) best = { plan, objective };
  }
  return best?.plan ?? null;
}
