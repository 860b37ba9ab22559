import type { PlanningModel } from "../model/planning-model.js";
import type { Placement } from "../model/placement.js";
import { budgetShortages, capsReason, type KnownBounds } from "./budget-shortages.js";
import type { InfeasibilityReason } from "./infeasibility-reason.js";
import { intervalShortages } from "./interval-shortages.js";
import { precedenceShortages } from "./precedence-shortages.js";
import { shootShortages } from "./shoot-shortages.js";

/** Reasons shown in an explanation; the rest are counted. */
const SHOWN = 3;

/**
 * Every reason found why no plan exists, most specific first: a shoot short on its own,
 * a precedence chain, a run of days short of a role, person or item, a budget. Each
 * holds on its own; an empty list means the shortage is a combination (shoots competing
 * for the same people, locations or equipment) that these counts do not isolate.
 */
export function infeasibilityReasons(model: PlanningModel, known: KnownBounds = {}): InfeasibilityReason[] {
  const own = shootShortages(model);
  // A run of days short only for shoots already short on their own says nothing new.
  const named = new Set(own.flatMap((r) => r.shoots));
  const runs = intervalShortages(model).filter((r) => !r.shoots.every((s) => named.has(s)));
  return [...own, ...precedenceShortages(model), ...runs, ...budgetShortages(model, known)];
}

/**
 * The explanation of an infeasible answer: the first reasons in words, or what is known
 * when none is isolated. `uncapped`: when the capped proof ruled the caps out, the plan
 * it cut off first (it meets every rule but the caps): the caps it breaks come last.
 */
export function explainInfeasibility(model: PlanningModel, uncapped: readonly Placement[] | null = null): string {
  return explainReasons([...infeasibilityReasons(model), ...(uncapped === null ? [] : [capsReason(model, uncapped)])]);
}

/** The explanation of an infeasible answer from reasons already found. */
export function explainReasons(reasons: readonly InfeasibilityReason[]): string {
  if (reasons.length === 0) {
    return "No plan satisfies every hard rule. None of the counts that isolate one cause (a shoot's location, people or equipment; a precedence chain; a run of days short of a role, a person or an item; a budget) finds it, so the cause is most likely a combination: the shoots need more of the same people, locations or equipment at the same times, or more money, than any plan can give.";
  }
  const shown = reasons.slice(0, SHOWN).map((r) => r.message);
  const more = reasons.length - SHOWN;
  return `${shown.join(" ")}${more > 0 ? ` (And ${more} more.)` : ""}`;
}
