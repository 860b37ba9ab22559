import type { CostBreakdown, Plan } from "../domain/plan-schema.js";
import type { Problem } from "../domain/problem-schema.js";
import { computeCost } from "../cost/compute-cost.js";
import { indexPlan } from "./plan-index.js";
import { budgetRules, statedCostRule } from "./rules/budget-rules.js";
import { calendarRules } from "./rules/calendar-rules.js";
import { crewCalendarRules } from "./rules/crew-calendar-rules.js";
import { equipmentRules } from "./rules/equipment-rules.js";
import { locationRules } from "./rules/location-rules.js";
import { precedenceRules } from "./rules/precedence-rules.js";
import { referenceRules, shootListRules } from "./rules/shoot-list-rules.js";
import { staffingRules } from "./rules/staffing-rules.js";
import type { Violation } from "./violation.js";

export { ruleLabels, violationCodes } from "./violation.js";
export type { Violation, ViolationCode } from "./violation.js";

/**
 * Verdict of {@link checkPlan}. `valid` is true exactly when `violations` is empty.
 * `cost` is the recomputed cost, or null when the plan names shoots, people,
 * locations or items the problem does not have (then it cannot be priced meaningfully).
 */
export interface CheckResult {
  readonly valid: boolean;
  /** Every broken hard rule, grouped by rule family, each family in plan order. */
  readonly violations: Violation[];
  readonly cost: CostBreakdown | null;
}

/**
 * The independent oracle: verifies every hard rule of the planning contract on a
 * plan, from the problem and the plan alone (nothing of the solver is used), and
 * recomputes the plan's cost. Never throws on a broken plan: it reports it.
 * The problem is assumed parsed and semantically valid (`parseProblem`).
 */
export function checkPlan(problem: Problem, plan: Plan): CheckResult {
  const index = indexPlan(problem, plan);
  const violations: Violation[] = [];
  // Messages may open with a description ("shoot ..."): every sentence starts upper-case.
  const report = (violation: Violation): void => {
    violations.push({ ...violation, message: violation.message.charAt(0).toUpperCase() + violation.message.slice(1) });
  };
  shootListRules(index, report);
  referenceRules(index, report);
  calendarRules(index, report);
  locationRules(index, report);
  staffingRules(index, report);
  crewCalendarRules(index, report);
  equipmentRules(index, report);
  precedenceRules(index, report);
  const unpriceable = violations.some((v) => v.code === "unknown_shoot" || v.code === "unknown_reference");
  const cost = unpriceable ? null : computeCost(problem, plan);
  if (cost !== null) {
    budgetRules(index, cost, report);
    statedCostRule(index, plan.cost, cost, report);
  }
  return { valid: violations.length === 0, violations, cost };
}
