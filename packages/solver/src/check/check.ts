import { fromZodIssue, parseProblem } from "../domain/parse-problem.js";
import { planSchema } from "../domain/plan-schema.js";
import { InvalidPlanError } from "../errors.js";
import { checkPlan, type CheckResult } from "./check-plan.js";

/**
 * Checks a plan against a problem, both as raw JSON (a hand-edited plan, an answer
 * from elsewhere): every hard rule, and the cost recomputed from the plan. Throws
 * InvalidProblemError or InvalidPlanError (with every issue) when either does not
 * parse; rule violations are values in the result.
 */
export function check(problem: unknown, plan: unknown): CheckResult {
  const parsedProblem = parseProblem(problem);
  const parsedPlan = planSchema.safeParse(plan);
  if (!parsedPlan.success) {
    throw new InvalidPlanError(parsedPlan.error.issues.map(fromZodIssue));
  }
  return checkPlan(parsedProblem, parsedPlan.data);
}
