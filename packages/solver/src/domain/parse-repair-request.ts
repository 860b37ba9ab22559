import { z } from "zod";
import { InvalidProblemError } from "../errors.js";
import { hasMinorPrecision, minorDigits, precisionReason } from "./money.js";
import { fromZodIssue, safeParseProblem } from "./parse-problem.js";
import type { Plan } from "./plan-schema.js";
import type { Problem } from "./problem-schema.js";
import type { ProblemIssue } from "./problem-issue.js";
import { repairRequestSchema } from "./repair-request-schema.js";

/**
 * Codes a repair request adds to the problem's (docs/errors.md): a pinned shoot the
 * earlier plan does not schedule. Ids listed twice use `duplicate_reference`, decimals
 * past the currency's `amount_precision`, as in a problem.
 */
export const repairIssueCodes = ["pin_not_scheduled"] as const;

export interface RepairRequest {
  readonly problem: Problem;
  readonly earlierPlan: Plan;
  readonly pinnedShoots: readonly string[];
  /** Per changed assignment, in the problem's currency. */
  readonly changePenalty: number;
}

/**
 * Parses and validates a repair request, reporting every issue at once with its path
 * from the request's root (`problem.shoots.3.window`, `pinnedShoots.0`). The problem
 * goes through the same validation as in `solve`. Throws {@link InvalidProblemError}.
 */
export function parseRepairRequest(raw: unknown): RepairRequest {
  // The problem alone first, so its issues keep their own codes (reserved names included).
  const problemPart = typeof raw === "object" && raw !== null && "problem" in raw ? (raw as { problem: unknown }).problem : undefined;
  const problem = problemPart === undefined ? null : safeParseProblem(problemPart);
  const rest = repairRequestSchema.omit({ problem: true }).extend({ problem: z.unknown() }).safeParse(raw);
  const issues: ProblemIssue[] = [];
  if (problemPart === undefined) issues.push({ code: "invalid_type", path: ["problem"], message: "A repair request needs the current problem." });
  if (problem !== null && !problem.success) issues.push(...problem.issues.map((i) => ({ ...i, path: ["problem", ...i.path] })));
  if (!rest.success) issues.push(...rest.error.issues.filter((i) => i.path[0] !== "problem").map(fromZodIssue));
  const valid = problem !== null && problem.success ? problem.problem : null;
  // The rest's own checks run even when the problem is invalid, so one answer lists every issue.
  if (rest.success) issues.push(...requestIssues({ problem: valid, earlierPlan: rest.data.earlierPlan, pinnedShoots: rest.data.pinnedShoots, changePenalty: rest.data.changePenalty }));
  if (issues.length > 0 || valid === null || !rest.success) throw new InvalidProblemError(issues);
  return { problem: valid, earlierPlan: rest.data.earlierPlan, pinnedShoots: rest.data.pinnedShoots, changePenalty: rest.data.changePenalty };
}

/**
 * What the schema cannot see: pins of shoots the earlier plan does not schedule, and ids
 * listed twice. Without a valid problem, the checks that need it (pins of shoots it no
 * longer has, the currency's precision) are left out.
 */
function requestIssues(request: Omit<RepairRequest, "problem"> & { readonly problem: Problem | null }): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  const scheduled = request.earlierPlan.shoots.map((s) => s.shoot);
  scheduled.forEach((id, i) => {
    if (scheduled.indexOf(id) < i) issues.push({ code: "duplicate_reference", path: ["earlierPlan", "shoots", i, "shoot"], message: `Shoot "${id}" is scheduled twice in the earlier plan.` });
  });
  request.earlierPlan.dropped.forEach((id, i) => {
    if (scheduled.includes(id)) issues.push({ code: "duplicate_reference", path: ["earlierPlan", "dropped", i], message: `Shoot "${id}" is both scheduled and dropped in the earlier plan.` });
  });
  const current = request.problem === null ? null : new Set(request.problem.shoots.map((s) => s.id));
  request.pinnedShoots.forEach((id, i) => {
    if (request.pinnedShoots.indexOf(id) < i) issues.push({ code: "duplicate_reference", path: ["pinnedShoots", i], message: `"${id}" is pinned twice.` });
    else if (!scheduled.includes(id)) issues.push({ code: "pin_not_scheduled", path: ["pinnedShoots", i], message: `Shoot "${id}" is pinned but the earlier plan does not schedule it, so there is nothing to keep.` });
    else if (current !== null && !current.has(id)) issues.push({ code: "unknown_reference", path: ["pinnedShoots", i], message: `Shoot "${id}" is pinned but the problem no longer has it.` });
  });
  if (request.problem === null) return issues;
  const digits = minorDigits(request.problem.currency);
  if (!hasMinorPrecision(request.changePenalty, digits)) {
    const reason = precisionReason(request.changePenalty, digits, request.problem.currency);
    issues.push({ code: "amount_precision", path: ["changePenalty"], message: `changePenalty ${request.changePenalty}: ${reason}.` });
  }
  return issues;
}
