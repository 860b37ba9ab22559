import { combinatorialBound } from "../bounds/combinatorial-bound.js";
import { computeCost } from "../cost/compute-cost.js";
import { toMinor } from "../domain/money.js";
import { assemblePlan } from "../model/assemble-plan.js";
import type { Placement } from "../model/placement.js";
import { leastShare } from "../formulation/constraints/budget-caps.js";
import type { ModelShoot, PlanningModel, StartOption } from "../model/planning-model.js";
import { holdersByRole } from "../model/role-holders.js";
import { list, money, type InfeasibilityReason } from "./infeasibility-reason.js";

/** Bounds a caller already holds, so that they are not computed again (XL: a fraction of a second each). */
export interface KnownBounds {
  /** `combinatorialBound(model)`, in minor units. */
  readonly combinatorial?: number;
}

/**
 * Budgets no plan can meet. The total: the combinatorial lower bound (every shoot at
 * its cheapest) is above it. A project: its shoots' least shares are above its cap,
 * where a placed shoot pays at least, per day, rate x its slots / slotsPerDay of each
 * person on it and fee x its slots / (slotsPerDay x capacity) of its location, rounded
 * down to the cent (the contract's split can give no shoot less), and an optional shoot
 * at least the lesser of that and its drop penalty.
 */
export function budgetShortages(model: PlanningModel, known: KnownBounds = {}): InfeasibilityReason[] {
  const reasons: InfeasibilityReason[] = [];
  if (model.budgetTotal !== null) {
    const least = known.combinatorial ?? combinatorialBound(model);
    if (least > model.budgetTotal) {
      reasons.push({
        cause: "total_budget",
        shoots: [],
        message: `Every plan costs at least ${money(model, least)} (each shoot at its cheapest crew, location and rentals), over the total budget of ${money(model, model.budgetTotal)} by ${money(model, least - model.budgetTotal)}.`,
      });
    }
  }
  if (model.budgetProjects.size === 0) return reasons;
  const holders = holdersByRole(model.people);
  for (const [project, cap] of model.budgetProjects) {
    const shoots = model.shoots.filter((s) => s.project === project);
    let least = 0;
    for (const shoot of shoots) {
      const placed = Math.min(...shoot.starts.map((start) => leastAt(model, shoot, start, holders)));
      least += shoot.optional ? Math.min(shoot.dropPenalty, placed) : placed;
    }
    if (Number.isFinite(least) && least > cap) {
      reasons.push({
        cause: "project_budget",
        shoots: shoots.map((s) => s.id),
        message: `Project ${project}'s shoots (${list(shoots.map((s) => s.id))}) cost it at least ${money(model, least)} (their shares of crew days and location days at the cheapest, or an optional shoot's drop penalty where lower), over its budget of ${money(model, cap)} by ${money(model, least - cap)}.`,
      });
    }
  }
  return reasons;
}

/** The least share a shoot placed at `start` pays (Infinity when it cannot be staffed or housed there). */
function leastAt(model: PlanningModel, shoot: ModelShoot, start: StartOption, holders: ReadonlyMap<string, readonly number[]>): number {
  const spd = model.slotsPerDay;
  const free = (available: Uint8Array): boolean => start.slots.every((t) => available[t] === 1);
  const person = (p: number): number => leastShare(spd, start.slots, model.people[p]?.dayRate ?? 0, spd);
  let location = Number.POSITIVE_INFINITY;
  for (const l of shoot.locations) {
    const place = model.locations[l];
    if (place !== undefined && free(place.available)) location = Math.min(location, leastShare(spd, start.slots, place.dayFee, spd * place.capacity));
  }
  let crew = 0;
  for (const { role, count } of shoot.roles) {
    // The `count` cheapest available holders (one person counted for two roles keeps it a lower bound).
    const shares = (holders.get(role) ?? []).filter((p) => free(model.people[p]?.available ?? new Uint8Array())).map(person).sort((a, b) => a - b);
    if (shares.length < count) return Number.POSITIVE_INFINITY;
    crew += shares.slice(0, count).reduce((sum, x) => sum + x, 0);
  }
  const seated = new Set(shoot.roles.map((r) => r.role));
  for (const p of shoot.required) if (![...(model.people[p]?.roles ?? [])].some((r) => seated.has(r))) crew += person(p);
  return location + crew;
}

/**
 * The budget reason when the caps are what stands in the way: no plan meets them (the
 * caller has proven it), and `uncapped` meets every other rule (a plan of the MILP with
 * the caps relaxed). Names the caps it breaks, with its shares, as an example.
 */
export function capsReason(model: PlanningModel, uncapped: readonly Placement[]): InfeasibilityReason {
  const cost = computeCost(model.problem, assemblePlan(model, uncapped));
  const over = [...model.budgetProjects].map(([project, cap]) => ({ project, cap, share: toMinor(cost.byProject[project] ?? 0, model.digits) })).filter((b) => b.share > b.cap);
  const broken = over.map((b) => `project ${b.project} ${money(model, b.share)} against its cap of ${money(model, b.cap)}`);
  const total = toMinor(cost.total, model.digits);
  if (model.budgetTotal !== null && total > model.budgetTotal) broken.push(`the total ${money(model, total)} against its cap of ${money(model, model.budgetTotal)}`);
  const example = broken.length === 0 ? "" : `: for instance one at ${money(model, total)} gives ${list(broken)}`;
  const shoots = model.shoots.filter((s) => over.some((b) => b.project === s.project)).map((s) => s.id);
  return { cause: "project_budget", shoots, message: `No plan stays within the budget caps, though plans that meet every other rule exist${example}.` };
}
