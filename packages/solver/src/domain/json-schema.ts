import { z } from "zod";
import { planSchema } from "./plan-schema.js";
import { problemSchema } from "./problem-schema.js";
import { repairRequestSchema } from "./repair-request-schema.js";

/** A JSON Schema document as plain JSON data. */
export type JsonSchemaDocument = Record<string, unknown>;

/** `$id` of the committed `packages/solver/schema/problem.schema.json`. */
export const problemSchemaId = "urn:shootplan:schema:problem";
/** `$id` of the committed `packages/solver/schema/plan.schema.json`. */
export const planSchemaId = "urn:shootplan:schema:plan";

/**
 * JSON Schema (draft 2020-12) of the problem as clients write it: the input side of
 * {@link problemSchema}, so fields with defaults are optional and carry `default`.
 * Derived from the zod schema on every call (a fresh object the caller may modify);
 * the committed file is this object, written by `npm run schema`.
 * The JSON Schema covers the shape only; the semantic checks of `validateProblem`
 * (references, calendar sense, money precision) are not expressible in it.
 */
export function problemJsonSchema(): JsonSchemaDocument {
  return withHeader(z.toJSONSchema(problemSchema, { io: "input", target: "draft-2020-12" }), {
    $id: problemSchemaId,
    title: "shootplan problem",
    description:
      "A shoot-planning problem for @shootplan/solver: horizon, shoots, crew, equipment, locations and budget. " +
      "Shape only: references, calendar and money precision are checked by the solver. See docs/problem.md.",
  });
}

/**
 * JSON Schema (draft 2020-12) of a plan: what `solve` returns in `plan` and what
 * `check` accepts. Derived from {@link planSchema} like {@link problemJsonSchema}.
 */
export function planJsonSchema(): JsonSchemaDocument {
  return withHeader(z.toJSONSchema(planSchema, { io: "input", target: "draft-2020-12" }), {
    $id: planSchemaId,
    title: "shootplan plan",
    description:
      "A plan for a shootplan problem: when, where and with whom each shoot happens, rentals, dropped optional shoots " +
      "and the cost breakdown. See docs/problem.md.",
  });
}

/** `$id` of the committed `packages/solver/schema/repair-request.schema.json`. */
export const repairRequestSchemaId = "urn:shootplan:schema:repair-request";

/**
 * JSON Schema (draft 2020-12) of a repair request: the current problem, the earlier
 * plan, the pinned shoots and the change penalty. Derived from {@link repairRequestSchema}
 * like {@link problemJsonSchema}; the problem and plan are inlined.
 */
export function repairRequestJsonSchema(): JsonSchemaDocument {
  return withHeader(z.toJSONSchema(repairRequestSchema, { io: "input", target: "draft-2020-12" }), {
    $id: repairRequestSchemaId,
    title: "shootplan repair request",
    description:
      "Re-planning for @shootplan/solver: the problem after a change, the plan made before it, the shoots to keep as they were " +
      "and the penalty per changed assignment. See docs/problem.md.",
  });
}

/** Puts `$schema`, `$id`, `title` and `description` first so the written file reads top-down. */
function withHeader(schema: JsonSchemaDocument, header: { $id: string; title: string; description: string }): JsonSchemaDocument {
  const { $schema, ...rest } = schema;
  return { $schema, ...header, ...rest };
}
