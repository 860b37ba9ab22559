import { planJsonSchema, problemJsonSchema, repairRequestJsonSchema, type JsonSchemaDocument } from "../src/domain/json-schema.js";

/** One committed JSON Schema file: its path inside the solver package and its exact text. */
export interface SchemaFile {
  /** Path relative to `packages/solver/`, e.g. `schema/problem.schema.json`. */
  readonly path: string;
  readonly text: string;
}

/** The command that rewrites the committed files; quoted by the staleness test. */
export const regenerateCommand = "npm run schema";

/** Stable formatting: 2-space JSON and a trailing newline, so diffs stay small. */
export function formatJson(document: JsonSchemaDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Every generated file with the text it must have. */
export function schemaFiles(): SchemaFile[] {
  return [
    { path: "schema/problem.schema.json", text: formatJson(problemJsonSchema()) },
    { path: "schema/plan.schema.json", text: formatJson(planJsonSchema()) },
    { path: "schema/repair-request.schema.json", text: formatJson(repairRequestJsonSchema()) },
  ];
}
