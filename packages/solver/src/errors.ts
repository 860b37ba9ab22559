import type { ProblemIssue } from "./domain/problem-issue.js";

/**
 * Defects and misuse are thrown as SolverError subclasses with a stable code
 * `SCHED_ERR_<AREA>_<WHAT>`, each documented in docs/errors.md. Expected outcomes
 * (infeasible, timeout) are never thrown: they are statuses of the result.
 */
export class SolverError extends Error {
  readonly code: SolverErrorCode;
  constructor(code: SolverErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The problem failed schema or semantic validation; `issues` lists every problem found. */
export class InvalidProblemError extends SolverError {
  readonly issues: readonly ProblemIssue[];
  constructor(issues: readonly ProblemIssue[]) {
    super("SCHED_ERR_PROBLEM_INVALID", `The problem is invalid: ${issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join("; ")}`);
    this.issues = issues;
  }
}

/** A plan given to `check` does not match the plan schema. */
export class InvalidPlanError extends SolverError {
  readonly issues: readonly ProblemIssue[];
  constructor(issues: readonly ProblemIssue[]) {
    super("SCHED_ERR_PLAN_INVALID", `The plan is invalid: ${issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join("; ")}`);
    this.issues = issues;
  }
}

/** Options passed to solve are out of range (negative time limit, unknown backend). */
export class InvalidOptionsError extends SolverError {
  /** The option at fault (`person`, `date`, ...) when one is, so that callers can point at it. */
  readonly option: string | null;
  constructor(message: string, option: string | null = null) {
    super("SCHED_ERR_OPTIONS_INVALID", message);
    this.option = option;
  }
}

/**
 * The solver produced a plan the independent checker rejects, or whose cost differs
 * from its objective. A bug in shootplan, never the caller's fault: report it.
 */
export class InternalDefectError extends SolverError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("SCHED_ERR_INTERNAL_DEFECT", message, options);
  }
}

export const solverErrorCodes = [
  "SCHED_ERR_PROBLEM_INVALID",
  "SCHED_ERR_BACKEND_FAILED",
  "SCHED_ERR_PLAN_INVALID",
  "SCHED_ERR_OPTIONS_INVALID",
  "SCHED_ERR_INTERNAL_DEFECT",
] as const;

export type SolverErrorCode = (typeof solverErrorCodes)[number];

/** `shoots[2].roles.stylist` style rendering of a JSON path. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc === "" ? p : `${acc}.${p}`), "") || "(root)";
}
