import type { z } from "zod";
import { problemSchema, type Problem } from "./problem-schema.js";
import type { ProblemIssue } from "./problem-issue.js";
import { validateProblem } from "./validate-problem.js";
import { InvalidProblemError } from "../errors.js";

export type ParseResult = { readonly success: true; readonly problem: Problem } | { readonly success: false; readonly issues: readonly ProblemIssue[] };

/**
 * Parses and validates a problem: schema first, then the semantic checks. Reports
 * every issue at once. Never throws, whatever `raw` is.
 */
export function safeParseProblem(raw: unknown): ParseResult {
  const parsed = problemSchema.safeParse(raw);
  if (!parsed.success) return { success: false, issues: parsed.error.issues.map(fromZodIssue) };
  const issues = validateProblem(parsed.data);
  return issues.length === 0 ? { success: true, problem: parsed.data } : { success: false, issues };
}

/** Like {@link safeParseProblem} but throws {@link InvalidProblemError} (code `SCHED_ERR_PROBLEM_INVALID`) carrying the issues. */
export function parseProblem(raw: unknown): Problem {
  const result = safeParseProblem(raw);
  if (!result.success) throw new InvalidProblemError(result.issues);
  return result.problem;
}

function fromZodIssue(issue: z.core.$ZodIssue): ProblemIssue {
  return { code: issue.code, path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)), message: issue.message };
}
