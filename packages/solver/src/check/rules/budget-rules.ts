import { toMinor } from "../../domain/money.js";
import type { CostBreakdown } from "../../domain/plan-schema.js";
import { byCodeUnit, describeMoney, type PlanIndex } from "../plan-index.js";
import type { Report } from "../violation.js";

/**
 * Rules "the budget caps are hard": the recomputed total and each capped project's
 * recomputed cost stay at or under their caps, compared in integer minor units.
 */
export function budgetRules(index: PlanIndex, cost: CostBreakdown, report: Report): void {
  const budget = index.problem.budget;
  if (budget === undefined) return;
  const minor = (amount: number): number => toMinor(amount, index.digits);
  if (budget.total !== undefined && minor(cost.total) > minor(budget.total)) {
    const over = minor(cost.total) - minor(budget.total);
    report({
      code: "budget_total_exceeded",
      message: `The plan costs ${describeMoney(index, minor(cost.total))}, ${describeMoney(index, over)} over the total budget of ${describeMoney(index, minor(budget.total))}.`,
    });
  }
  for (const project of Object.keys(budget.projects).sort(byCodeUnit)) {
    const cap = minor(budget.projects[project] ?? 0);
    const spent = minor(cost.byProject[project] ?? 0);
    if (spent <= cap) continue;
    report({
      code: "budget_project_exceeded",
      project,
      message: `Project "${project}" costs ${describeMoney(index, spent)}, ${describeMoney(index, spent - cap)} over its budget of ${describeMoney(index, cap)}.`,
    });
  }
}

/**
 * Rule "the plan's stated cost is its cost": when the plan states a cost, every figure
 * (currency, total, each category, each key of each breakdown) equals the recomputed
 * one to the minor unit. A key absent on one side counts as 0, so producers may omit
 * zero entries.
 */
export function statedCostRule(index: PlanIndex, stated: CostBreakdown | undefined, actual: CostBreakdown, report: Report): void {
  if (stated === undefined) return;
  const mismatch = (figure: string, statedText: string, actualText: string): void =>
    report({ code: "cost_mismatch", message: `The plan states ${figure} as ${statedText}, but it is ${actualText}.` });
  if (stated.currency !== actual.currency) mismatch("the currency", stated.currency, actual.currency);
  const compare = (figure: string, a: number | undefined, b: number | undefined): void => {
    const s = toMinor(a ?? 0, index.digits);
    const r = toMinor(b ?? 0, index.digits);
    if (s !== r) mismatch(figure, describeMoney(index, s), describeMoney(index, r));
  };
  compare("the total cost", stated.total, actual.total);
  for (const category of Object.keys(actual.byCategory).sort(byCodeUnit) as (keyof CostBreakdown["byCategory"])[]) {
    compare(`the ${category} cost`, stated.byCategory[category], actual.byCategory[category]);
  }
  const breakdowns = [
    ["byProject", "project"],
    ["byShoot", "shoot"],
    ["byPerson", "person"],
    ["byLocation", "location"],
    ["byItem", "item"],
  ] as const;
  for (const [field, noun] of breakdowns) {
    const keys = [...new Set([...Object.keys(stated[field]), ...Object.keys(actual[field])])].sort(byCodeUnit);
    for (const key of keys) compare(`the cost of ${noun} "${key}"`, stated[field][key], actual[field][key]);
  }
}
