import { InvalidProblemError, parseRepairRequest, safeParseProblem, type Problem, type ProblemIssue, type RepairRequest } from "@shootplan/solver";
import { HttpProblem, requestIssue } from "../errors/http-problem.js";

/**
 * Runs the solver's semantic checks (references, windows, cycles, ...) on a problem
 * that passed the schema, and throws a 422 problem listing every issue, with paths
 * from the request body root (`problem.shoots[2]...`).
 */
export function assertValidProblem(problem: unknown): Problem {
  const parsed = safeParseProblem(problem);
  if (parsed.success) return parsed.problem;
  throw invalidInput("The problem is well-formed but cannot be planned as stated", "Invalid problem", parsed.issues.map((issue) => ({ ...issue, path: ["problem", ...issue.path] })));
}

/**
 * Runs the solver's checks of a repair request (the problem's semantic checks, pins
 * of shoots the earlier plan does not schedule, ids listed twice, sub-unit penalties)
 * before it is queued, and throws a 422 problem listing every issue. The solver's paths
 * start at the request, whose fields are the body's, so they are body paths as they are.
 */
export function assertValidRepairRequest(request: unknown): RepairRequest {
  try {
    return parseRepairRequest(request);
  } catch (error) {
    if (!(error instanceof InvalidProblemError)) throw error;
    throw invalidInput("The repair request is well-formed but cannot be planned as stated", "Invalid repair request", error.issues);
  }
}

function invalidInput(lead: string, title: string, issues: readonly ProblemIssue[]): HttpProblem {
  return new HttpProblem({
    status: 422,
    code: "SCHED_ERR_PROBLEM_INVALID",
    title,
    detail: `${lead}: ${issues.length} issue${issues.length === 1 ? "" : "s"}.`,
    issues: issues.map((issue) => requestIssue("body", issue.code, issue.path, issue.message)),
  });
}
