import { describe, expect, it } from "vitest";
import { problemJsonSchema } from "../../src/domain/json-schema.js";
import { safeParseProblem } from "../../src/domain/parse-problem.js";
import { minimalProblem } from "./fixtures.js";
import { deleteAt, getAt, type JsonPath } from "./json-path.js";

/**
 * The defaults as docs/problem.md states them. `field` uses the notation of the docs
 * (`[]` for "each element"); `at` is where the minimal fixture shows the value, after
 * deleting `omit` when the fixture has to give the field to show its children's defaults.
 */
const documentedDefaults: readonly { field: string; at: JsonPath; value: unknown; omit?: JsonPath }[] = [
  { field: "horizon.workingDays", at: ["horizon", "workingDays"], value: ["monday", "tuesday", "wednesday", "thursday", "friday"] },
  { field: "horizon.excludedDates", at: ["horizon", "excludedDates"], value: [] },
  { field: "horizon.slotsPerDay", at: ["horizon", "slotsPerDay"], value: 1 },
  { field: "horizon.dayStart", at: ["horizon", "dayStart"], value: "09:00" },
  { field: "shoots[].requiredFeatures", at: ["shoots", 0, "requiredFeatures"], value: [] },
  { field: "shoots[].roles", at: ["shoots", 0, "roles"], value: {} },
  { field: "shoots[].requiredPeople", at: ["shoots", 0, "requiredPeople"], value: [] },
  { field: "shoots[].preferredPeople", at: ["shoots", 0, "preferredPeople"], value: [] },
  { field: "shoots[].preferencePenalty", at: ["shoots", 0, "preferencePenalty"], value: 0 },
  { field: "shoots[].equipment", at: ["shoots", 0, "equipment"], value: {} },
  { field: "shoots[].after", at: ["shoots", 0, "after"], value: [] },
  { field: "shoots[].after[].gapDays", at: ["shoots", 1, "after", 0, "gapDays"], value: 0 },
  { field: "crew[].roles", at: ["crew", 0, "roles"], value: [] },
  { field: "crew[].billing", at: ["crew", 0, "billing"], value: "worked" },
  { field: "crew[].unavailable", at: ["crew", 0, "unavailable"], value: [] },
  { field: "equipment", at: ["equipment"], value: [], omit: ["equipment"] },
  { field: "equipment[].unavailable", at: ["equipment", 0, "unavailable"], value: [] },
  { field: "locations[].features", at: ["locations", 0, "features"], value: [] },
  { field: "locations[].unavailable", at: ["locations", 0, "unavailable"], value: [] },
  { field: "locations[].capacity", at: ["locations", 0, "capacity"], value: 1 },
  { field: "budget.projects", at: ["budget", "projects"], value: {} },
];

/** Every `default` in a JSON Schema, by field in the docs' notation. */
function schemaDefaults(schema: unknown, field = ""): Map<string, unknown> {
  const found = new Map<string, unknown>();
  if (typeof schema !== "object" || schema === null) return found;
  const node = schema as Record<string, unknown>;
  if ("default" in node) found.set(field, node["default"]);
  const properties = (node["properties"] ?? {}) as Record<string, unknown>;
  for (const [key, child] of Object.entries(properties)) {
    for (const [f, v] of schemaDefaults(child, field === "" ? key : `${field}.${key}`)) found.set(f, v);
  }
  if (node["items"] !== undefined) for (const [f, v] of schemaDefaults(node["items"], `${field}[]`)) found.set(f, v);
  return found;
}

describe("defaults", () => {
  it("applies the documented default of every field left out", () => {
    for (const { field, at, value, omit } of documentedDefaults) {
      const input = minimalProblem();
      if (omit !== undefined) deleteAt(input, omit);
      const result = safeParseProblem(input);
      if (!result.success) throw new Error(JSON.stringify(result.issues));
      expect(getAt(result.problem, at), field).toEqual(value);
    }
  });

  it("leaves optional fields without a default absent", () => {
    const result = safeParseProblem(minimalProblem());
    if (!result.success) throw new Error(JSON.stringify(result.issues));
    const absent: JsonPath[] = [["name"], ["horizon", "slotMinutes"], ["shoots", 0, "notBefore"], ["shoots", 0, "deadline"], ["shoots", 0, "locations"], ["shoots", 0, "optional"], ["crew", 0, "available"], ["crew", 0, "maxDays"], ["crew", 0, "maxConsecutiveDays"], ["equipment", 0, "rental"], ["locations", 0, "available"], ["budget", "total"]];
    for (const path of absent) expect(() => getAt(result.problem, path), path.join(".")).toThrow();
  });

  it("lists every default the schema has, with the schema's value", () => {
    const fromSchema = schemaDefaults(problemJsonSchema());
    expect(Object.fromEntries(documentedDefaults.map((d) => [d.field, d.value]))).toEqual(Object.fromEntries(fromSchema));
  });
});
