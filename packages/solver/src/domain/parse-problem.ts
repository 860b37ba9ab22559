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
  const reserved = reservedNames(raw);
  const parsed = problemSchema.safeParse(raw);
  if (!parsed.success || reserved.length > 0) return { success: false, issues: [...reserved, ...(parsed.success ? [] : parsed.error.issues.map(fromZodIssue))] };
  const issues = validateProblem(parsed.data);
  return issues.length === 0 ? { success: true, problem: parsed.data } : { success: false, issues };
}

/** Like {@link safeParseProblem} but throws {@link InvalidProblemError} (code `SCHED_ERR_PROBLEM_INVALID`) carrying the issues. */
export function parseProblem(raw: unknown): Problem {
  const result = safeParseProblem(raw);
  if (!result.success) throw new InvalidProblemError(result.issues);
  return result.problem;
}

/**
 * Keys named `__proto__` anywhere in the input (a role, an item, a project): JSON
 * allows them, but a JavaScript object cannot hold one as data, so the schema would
 * silently drop it (a shoot would lose the role it needs). Refused instead, by path.
 * Walks with an explicit stack (no recursion limit) and visits each object once.
 */
function reservedNames(raw: unknown): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  const seen = new WeakSet<object>();
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: raw, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() ?? { value: null, path: [] };
    if (typeof value !== "object" || value === null || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(value, "__proto__")) {
      issues.push({ code: "reserved_name", path: [...path, "__proto__"], message: `"__proto__" cannot be used as a name (of a role, an item or a project): JavaScript reserves it.` });
    }
    for (const key of Object.keys(value)) stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
  }
  return issues.sort((a, b) => a.path.join("\u0000").localeCompare(b.path.join("\u0000")));
}

/** A zod issue as a problem issue: its code, its path (symbols as text) and its message. */
export function fromZodIssue(issue: z.core.$ZodIssue): ProblemIssue {
  return { code: issue.code, path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)), message: issue.message };
}
