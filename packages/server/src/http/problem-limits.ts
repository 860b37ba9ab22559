import { HttpProblem, requestIssue, type RequestIssue } from "../errors/http-problem.js";

/** Size limits on a problem; see `ServerConfig` for their defaults. */
export interface ProblemLimits {
  readonly maxShoots: number;
  readonly maxPeople: number;
  readonly maxDays: number;
  readonly maxSlots: number;
  readonly maxPlanSlots: number;
}

const dayMs = 86_400_000;

/**
 * Checks the size of `body.problem` on the raw JSON, before schema validation, so
 * an oversized problem costs no parsing and no solving. Anything malformed is left
 * to validation: only sizes that can be read are judged here.
 */
export function problemSizeIssues(body: unknown, limits: ProblemLimits): RequestIssue[] {
  const problem = field(body, "problem");
  const issues: RequestIssue[] = [];
  const count = (key: string, max: number, noun: string): void => {
    const list = field(problem, key);
    if (Array.isArray(list) && list.length > max) issues.push(requestIssue("body", "too_many", ["problem", key], `At most ${max} ${noun} per problem; this one has ${list.length}.`));
  };
  count("shoots", limits.maxShoots, "shoots");
  count("crew", limits.maxPeople, "crew members");
  const horizon = field(problem, "horizon");
  const days = horizonDays(field(horizon, "start"), field(horizon, "end"));
  if (days !== null && days > limits.maxDays) issues.push(requestIssue("body", "too_many", ["problem", "horizon"], `The horizon may span at most ${limits.maxDays} days; this one spans ${days}.`));
  const slotsPerDay = field(horizon, "slotsPerDay");
  const perDay = typeof slotsPerDay === "number" && Number.isFinite(slotsPerDay) && slotsPerDay >= 1 ? Math.floor(slotsPerDay) : 1;
  if (days !== null && days * perDay > limits.maxSlots) issues.push(requestIssue("body", "too_many", ["problem", "horizon", "slotsPerDay"], `The horizon may hold at most ${limits.maxSlots} slots (days times slotsPerDay); this one holds ${days * perDay}.`));
  // A check's plan (a repair's earlier plan is read in a worker). Never below what a
  // valid plan of this problem can hold: each person and shoot busy in every slot.
  const people = lengthOf(field(problem, "crew")) + lengthOf(field(problem, "shoots"));
  const allowed = Math.max(limits.maxPlanSlots, days === null ? 0 : people * days * perDay);
  const slots = planSlots(field(body, "plan"), perDay);
  if (slots > allowed) issues.push(requestIssue("body", "too_many", ["plan", "shoots"], `A plan may hold at most ${allowed} crew slots (each shoot's slots times its crew plus one; at least the problem's crew and shoots times its slots); this one holds ${slots}.`));
  return issues;
}

function lengthOf(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

/**
 * Sum over the plan's shoots of their slots x (crew + 1), reading only what is well
 * formed; a shoot's slots are at most its days times `perDay` (what the checker walks,
 * whatever `durationSlots` says).
 */
function planSlots(plan: unknown, perDay: number): number {
  const shoots = field(plan, "shoots");
  if (!Array.isArray(shoots)) return 0;
  let total = 0;
  for (const entry of shoots) {
    const duration = field(entry, "durationSlots");
    const crew = field(entry, "crew");
    if (typeof duration !== "number" || !Number.isFinite(duration) || duration < 1) continue;
    total += Math.min(Math.floor(duration), lengthOf(field(entry, "days")) * perDay) * (lengthOf(crew) + 1);
  }
  return total;
}

/** Throws a 413 problem when the body's problem is over a limit. */
export function assertProblemSize(body: unknown, limits: ProblemLimits): void {
  const issues = problemSizeIssues(body, limits);
  if (issues.length > 0) {
    throw new HttpProblem({ status: 413, code: "SERVER_ERR_PROBLEM_TOO_LARGE", title: "Problem too large", detail: "The request is larger than this server accepts.", issues });
  }
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

/** Calendar days from `start` to `end` inclusive, or null unless both are real `YYYY-MM-DD` dates in order. */
function horizonDays(start: unknown, end: unknown): number | null {
  const from = isoDay(start);
  const to = isoDay(end);
  return from === null || to === null || to < from ? null : (to - from) / dayMs + 1;
}

function isoDay(value: unknown): number | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(ms) ? null : ms;
}
