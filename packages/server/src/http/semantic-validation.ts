import { safeParseProblem, type Problem } from "@shootplan/solver";
import { HttpProblem, requestIssue } from "../errors/http-problem.js";

/**
 * Runs the solver's semantic checks (references, windows, cycles, ...) on a problem
 * that passed the schema, and throws a 422 problem listing every issue, with paths
 * from the request body root (`problem.shoots[2]...`).
 */
export function assertValidProblem(problem: unknown): Problem {
  const parsed = safeParseProblem(problem);
  if (parsed.success) return parsed.problem;
  throw new HttpProblem({
    status: 422,
    code: "SCHED_ERR_PROBLEM_INVALID",
    title: "Invalid problem",
    detail: `The problem is well-formed but cannot be planned as stated: ${parsed.issues.length} issue${parsed.issues.length === 1 ? "" : "s"}.`,
    issues: parsed.issues.map((issue) => requestIssue("body", issue.code, ["problem", ...issue.path], issue.message)),
  });
}
