import { planSchema, problemSchema, repairRequestSchema, type SolveOptions } from "@shootplan/solver";
import { z } from "zod";

/**
 * Request bodies and query strings. Problems and plans are the solver's own zod
 * schemas, so HTTP validation, library validation and the OpenAPI document cannot
 * drift apart.
 */

/** How to solve; each field optional, with the solver's defaults (see `defaultSolveOptions`). */
export const solveOptionsSchema = z
  .strictObject({
    backend: z.enum(["highs", "jslp"]).optional().describe("MILP backend. Default `highs`."),
    timeLimitSeconds: z.number().positive().finite().optional().describe("Wall-clock limit in seconds; capped by the server (SHOOTPLAN_SYNC_TIME_LIMIT_SECONDS for /v1/solve, SHOOTPLAN_JOB_TIME_LIMIT_SECONDS for jobs)."),
    relativeGap: z.number().min(0).lt(1).optional().describe("Relative gap at which a plan is good enough; 0 (default) asks for proven optimality."),
    seed: z.int().min(0).max(2_147_483_647).optional().describe("Seed for randomised backend heuristics. Default 0."),
    strategy: z.enum(["auto", "mip", "lns"]).optional().describe("`auto` (default): exact sequencing, the MILP or large-neighbourhood search by problem; `mip` or `lns` to force one."),
    iterationLimit: z.int().min(1).max(1_000_000).nullable().optional().describe("Neighbourhood-search iterations after which `auto` and `lns` stop; null (default): no limit. With it, and a time limit generous enough that no phase runs out of its share, the same problem and seed give the same plan."),
  })
  .describe("Solve options");

export type SolveRequestOptions = z.output<typeof solveOptionsSchema>;

/** True when A and B are the same type. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
// Compile-time guard: the request's choices are exactly the solver's, so a new or renamed
// option in the solver fails the type check here instead of being silently dropped.
const backendsMatch: Same<NonNullable<SolveRequestOptions["backend"]>, NonNullable<SolveOptions["backend"]>> = true;
const strategiesMatch: Same<NonNullable<SolveRequestOptions["strategy"]>, NonNullable<SolveOptions["strategy"]>> = true;
const namesMatch: Same<keyof SolveRequestOptions, Exclude<keyof SolveOptions, "signal" | "onProgress">> = true;
void [backendsMatch, strategiesMatch, namesMatch];

/** `POST /v1/solve` and `POST /v1/jobs`. */
export const solveRequestSchema = z.strictObject({
  problem: problemSchema,
  options: solveOptionsSchema.optional(),
});

/**
 * `POST /v1/repair`: the solver's repair request (`problem`, `earlierPlan`,
 * `pinnedShoots`, `changePenalty`) with `options` beside its fields, so the solver's
 * issue paths are body paths as they are.
 */
export const repairBodySchema = repairRequestSchema
  .extend({ options: solveOptionsSchema.optional() })
  .describe("A repair request: the current problem (the change applied), the earlier plan, the shoots to keep as they were, and the price of each changed assignment");

/** `POST /v1/check`: a (possibly hand-edited) plan to verify against its problem. */
export const checkRequestSchema = z.strictObject({
  problem: problemSchema,
  plan: planSchema,
});

export const jobStatusSchema = z.enum(["queued", "running", "completed", "failed", "cancelled"]);

/**
 * A whole number in a query string, in decimal digits only: `z.coerce.number()` took
 * an empty value as 0 and `0x10` or `1e2` as numbers (HTTP audit). The OpenAPI
 * document shows it as the integer it is (the metadata), not as the string it is read
 * from.
 */
export function decimalQuery(min: number, max: number) {
  return z
    .string()
    .regex(/^\d{1,9}$/, "Expected a whole number in decimal digits.")
    .transform(Number)
    .pipe(z.int().min(min).max(max))
    .meta({ type: "integer", minimum: min, maximum: max });
}

/** `GET /v1/jobs` query: newest first, `limit` per page, `cursor` from the previous page's `nextCursor`. */
export const jobListQuerySchema = z.strictObject({
  status: jobStatusSchema.optional(),
  limit: decimalQuery(1, 200).default(50).describe("Jobs per page, 1 to 200 (default 50)."),
  cursor: z.string().regex(/^\d{1,15}$/, "use the nextCursor of the previous page").optional(),
});

/** `:id` of a job. Any string up to 100 characters: an unknown one is a 404, not a 400. */
export const jobParamsSchema = z.strictObject({ id: z.string().min(1).max(100) });

/** `GET /v1/jobs/:id/events`: resume after this event id (same as the `Last-Event-ID` header). */
export const jobEventsQuerySchema = z.strictObject({
  lastEventId: z.string().regex(/^\d{1,9}$/).optional(),
});
