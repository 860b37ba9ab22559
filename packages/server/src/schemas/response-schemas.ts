import { planSchema, type PlanChange } from "@shootplan/solver";
import { z } from "zod";
import { jobStatusSchema } from "./request-schemas.js";

/**
 * Response bodies, for the OpenAPI document and for tests (which parse every
 * response with them). They are not enforced at runtime: see `jsonSerializerCompiler`.
 * Strict objects, so a test notices when the solver adds a field nobody documented.
 */

const money = z.number().describe("Amount in the problem's currency");

/** True when A and B are the same type. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Mirrors the solver's `SolveResult`. */
export const solveResultSchema = z.strictObject({
  status: z.enum(["optimal", "feasible", "infeasible", "timeout"]),
  plan: planSchema.nullable(),
  cost: money.nullable(),
  lowerBound: money.nullable(),
  gap: z.number().nullable().describe("(cost - lowerBound) / cost; 0 when optimal"),
  method: z.enum(["sequencing", "mip", "lns"]).describe("`sequencing` (exact dynamic programming), `mip` (monolithic MILP) or `lns` (construction + large-neighbourhood search)"),
  backend: z.enum(["highs", "jslp"]).nullable().describe("MILP backend of the method: the `backend` option for `mip`, `highs` for `lns`, null for sequencing"),
  seconds: z.number().describe("Wall-clock seconds of the solve"),
  explanation: z.string().nullable(),
  model: z.strictObject({ variables: z.int(), rows: z.int() }).nullable().describe("Size of the monolithic MILP when one was built"),
});

/** Options as applied: the request's, with the time limit capped and defaulted by the server. */
export const appliedOptionsSchema = z.strictObject({
  backend: z.enum(["highs", "jslp"]).optional(),
  timeLimitSeconds: z.number(),
  relativeGap: z.number().optional(),
  seed: z.int().optional(),
  strategy: z.enum(["auto", "mip", "lns"]).optional(),
  iterationLimit: z.int().nullable().optional(),
});

export const solveResponseSchema = z.strictObject({ options: appliedOptionsSchema, result: solveResultSchema });

const scheduledShootSchema = planSchema.shape.shoots.element;

/**
 * When and where a shoot happens (the solver's `ShootTime`): those fields of a scheduled
 * shoot. Arrays of a change are read-only, as in the solver's type, so a `RepairResult`
 * can be returned as it is.
 */
const shootTimeSchema = scheduledShootSchema.pick({ firstSlot: true, location: true }).extend({ days: scheduledShootSchema.shape.days.readonly() });

const crewChange = { shoot: z.string(), person: z.string(), role: z.string().nullable() };

/** Mirrors the solver's `PlanChange`: one difference from the earlier plan; `counted` ones pay the change penalty. */
export const planChangeSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("rescheduled"), shoot: z.string(), from: shootTimeSchema, to: shootTimeSchema, counted: z.literal(true) }),
    z.strictObject({ kind: z.literal("crew_removed"), ...crewChange, counted: z.literal(true) }),
    z.strictObject({ kind: z.literal("crew_added"), ...crewChange, counted: z.literal(false) }),
    z.strictObject({ kind: z.literal("dropped"), shoot: z.string(), counted: z.literal(true) }),
    z.strictObject({ kind: z.literal("restored"), shoot: z.string(), to: shootTimeSchema, counted: z.literal(true) }),
    z.strictObject({ kind: z.literal("added"), shoot: z.string(), counted: z.literal(false) }),
    z.strictObject({ kind: z.literal("cancelled"), shoot: z.string(), counted: z.literal(false) }),
  ])
  .describe("`rescheduled` (time or location), `crew_removed` (one person in one role), `dropped` (its crew are listed as `crew_removed` too) and `restored` (an earlier dropped shoot now scheduled) are changed assignments (`counted`); `crew_added`, `added` (a shoot new to the problem) and `cancelled` (a shoot the problem no longer has) are not");

type DocumentedChange = z.output<typeof planChangeSchema>;
type VariantKeys<U extends { kind: string }> = { [K in U["kind"]]: keyof Extract<U, { kind: K }> };
// Compile-time guard: the same kinds with the same fields as the solver's PlanChange, and
// every documented change is one, so a change to PlanChange fails the type check here.
const changeKeysMatch: Same<VariantKeys<DocumentedChange>, VariantKeys<PlanChange>> = true;
const changesAssignable: DocumentedChange extends PlanChange ? true : false = true;
void [changeKeysMatch, changesAssignable];

/** Mirrors the solver's `RepairResult`: `lowerBound`, `gap` and `optimal` are about `objective`, the cost plus the change penalties. */
export const repairResultSchema = solveResultSchema.extend({
  objective: money.nullable().describe("`cost` + `changePenalties`, what the repair minimises; null without a plan"),
  changes: z.array(planChangeSchema).readonly().describe("Every difference from the earlier plan; empty without a plan"),
  changedAssignments: z.int().nullable().describe("Changes with `counted` true; null without a plan"),
  changePenalties: money.nullable().describe("`changedAssignments` times the request's `changePenalty`; null without a plan"),
});

export const repairResponseSchema = z.strictObject({ options: appliedOptionsSchema, result: repairResultSchema });

/** Best so far of a running job, from the solver's progress reports (`plan`: the best checked plan so far, null before the first). */
export const progressSchema = z.strictObject({
  cost: money.nullable(),
  objective: money.nullable().optional().describe("Repair jobs: the cost plus the change penalties, which lowerBound and gap are about"),
  lowerBound: money.nullable(),
  gap: z.number().nullable(),
  seconds: z.number().describe("Seconds into the solve"),
  plan: planSchema.nullable(),
});

export const jobLinksSchema = z.strictObject({ self: z.string(), events: z.string() });
export const jobErrorSchema = z.strictObject({ code: z.string(), message: z.string() });
const timestamp = z.iso.datetime({ offset: true });

/** What a job runs. */
export const jobKindSchema = z.enum(["solve", "repair"]).describe("`solve` (POST /v1/jobs) or `repair` (POST /v1/repair-jobs: the result is a repair result)");

export const jobSchema = z.strictObject({
  id: z.string(),
  kind: jobKindSchema,
  status: jobStatusSchema,
  attempts: z.int().describe("Runs started so far (a worker crash or a restart mid-solve starts another)"),
  createdAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
  expiresAt: timestamp.nullable().describe("When a finished job is forgotten"),
  queueSeconds: z.number().nullable(),
  runSeconds: z.number().nullable(),
  options: appliedOptionsSchema,
  progress: progressSchema.nullable(),
  result: z.union([repairResultSchema, solveResultSchema]).nullable(),
  error: jobErrorSchema.nullable(),
  links: jobLinksSchema,
});

export const jobAcceptedSchema = z.strictObject({ id: z.string(), status: jobStatusSchema, links: jobLinksSchema });

export const jobSummarySchema = z.strictObject({
  id: z.string(),
  kind: jobKindSchema,
  status: jobStatusSchema,
  attempts: z.int(),
  createdAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
  result: z
    .strictObject({ status: solveResultSchema.shape.status, cost: money.nullable(), objective: money.nullable().optional().describe("Repair jobs: cost plus change penalties, which lowerBound and gap are about"), lowerBound: money.nullable(), gap: z.number().nullable() })
    .nullable(),
  error: jobErrorSchema.nullable(),
  links: jobLinksSchema,
});

export const jobListSchema = z.strictObject({
  jobs: z.array(jobSummarySchema),
  nextCursor: z.string().nullable().describe("Pass as `cursor` for the next (older) page; null on the last page"),
});

/** One broken hard rule, as the solver's checker reports it (`Violation`). */
export const violationSchema = z.strictObject({
  code: z.string().describe("Stable rule code, e.g. `person_double_booked`"),
  message: z.string(),
  shoot: z.string().optional(),
  person: z.string().optional(),
  project: z.string().optional(),
  location: z.string().optional(),
  item: z.string().optional(),
  date: z.string().optional(),
  slot: z.int().optional(),
});

export const checkResponseSchema = z.strictObject({
  valid: z.boolean(),
  /** Every broken hard rule counted; `violations` lists at most the first 1 000. */
  violationCount: z.int().nonnegative(),
  violations: z.array(violationSchema),
  cost: planSchema.shape.cost.unwrap().nullable(),
});

export const requestIssueSchema = z.strictObject({
  in: z.enum(["body", "querystring", "params", "headers"]),
  code: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  pointer: z.string(),
  message: z.string(),
});

/** RFC 9457 problem document (served as `application/problem+json`). */
export const problemDocumentSchema = z.strictObject({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  instance: z.string(),
  code: z.string(),
  requestId: z.string(),
  issues: z.array(requestIssueSchema),
  jobId: z.string().optional(),
});

export const healthSchema = z.strictObject({ status: z.literal("ok") });
export const readinessSchema = z.strictObject({
  status: z.enum(["ready", "not_ready"]),
  workers: z.int(),
  running: z.int(),
  queued: z.int(),
  queueSize: z.int(),
});

/** Error responses of a route, as OpenAPI content of type application/problem+json. */
export function problemResponses<const S extends number>(...statuses: S[]): Record<S, { description: string; content: { "application/problem+json": { schema: typeof problemDocumentSchema } } }> {
  const out = {} as Record<S, { description: string; content: { "application/problem+json": { schema: typeof problemDocumentSchema } } }>;
  for (const status of statuses) out[status] = { description: "Problem details (RFC 9457)", content: { "application/problem+json": { schema: problemDocumentSchema } } };
  return out;
}
