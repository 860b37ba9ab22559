import { readFileSync } from "node:fs";
import fc from "fast-check";
import type { z } from "zod";
import { describe, expect, it } from "vitest";
import { planJsonSchema, problemJsonSchema, repairRequestJsonSchema } from "../../src/domain/json-schema.js";
import { safeParseProblem } from "../../src/domain/parse-problem.js";
import { planSchema } from "../../src/domain/plan-schema.js";
import {
  budgetSchema,
  crewMemberSchema,
  dateRangeSchema,
  equipmentItemSchema,
  horizonSchema,
  locationSchema,
  periodSchema,
  precedenceSchema,
  problemSchema,
  shootSchema,
} from "../../src/domain/problem-schema.js";
import { regenerateCommand, schemaFiles } from "../../scripts/schema-files.js";
import { mutatedProblemArb } from "./arbitraries.js";
import { minimalProblem, validProblem } from "./fixtures.js";
import { checkJsonSchema, keywordsOf, supportedKeywords } from "./json-schema-check.js";
import { setAt } from "./json-path.js";

const packageRoot = new URL("../../", import.meta.url);

describe("committed JSON Schema files", () => {
  it("lists the problem, the plan and the repair request", () => {
    expect(schemaFiles().map((f) => f.path)).toEqual(["schema/problem.schema.json", "schema/plan.schema.json", "schema/repair-request.schema.json"]);
  });

  it.each(schemaFiles())("$path is up to date with the zod schemas", ({ path, text }) => {
    let committed: string;
    try {
      committed = readFileSync(new URL(path, packageRoot), "utf8");
    } catch {
      throw new Error(`packages/solver/${path} is missing: run \`${regenerateCommand}\` and commit the result.`);
    }
    expect(committed, `packages/solver/${path} is stale: run \`${regenerateCommand}\` and commit the result.`).toBe(text);
  });

  it("are the same objects the library exports", () => {
    const [problemFile, planFile, repairFile] = schemaFiles();
    expect(JSON.parse(problemFile?.text ?? "null")).toEqual(problemJsonSchema());
    expect(JSON.parse(planFile?.text ?? "null")).toEqual(planJsonSchema());
    expect(JSON.parse(repairFile?.text ?? "null")).toEqual(repairRequestJsonSchema());
  });
});

describe("problemJsonSchema()", () => {
  it("is a draft 2020-12 document with an id, a title and a description", () => {
    const schema = problemJsonSchema();
    expect(Object.keys(schema).slice(0, 4)).toEqual(["$schema", "$id", "title", "description"]);
    expect(schema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema["$id"]).toBe("urn:shootplan:schema:problem");
    expect(planJsonSchema()["$id"]).toBe("urn:shootplan:schema:plan");
  });

  it("returns a fresh object on each call", () => {
    const first = problemJsonSchema();
    setAt(first, ["properties", "currency"], false);
    expect(problemJsonSchema()["properties"]).toHaveProperty("currency.type", "string");
  });

  it("uses only keywords the test checker understands", () => {
    for (const schema of [problemJsonSchema(), planJsonSchema()]) {
      const unknown = [...keywordsOf(schema)].filter((k) => !supportedKeywords.has(k));
      expect(unknown).toEqual([]);
    }
  });
});

/** Where each zod object schema appears in the generated problem schema. */
const objectSchemas: readonly { name: string; zod: z.ZodObject; pointer: readonly string[] }[] = [
  { name: "problem", zod: problemSchema, pointer: [] },
  { name: "horizon", zod: horizonSchema, pointer: ["properties", "horizon"] },
  { name: "shoot", zod: shootSchema, pointer: ["properties", "shoots", "items"] },
  { name: "precedence", zod: precedenceSchema, pointer: ["properties", "shoots", "items", "properties", "after", "items"] },
  { name: "crew member", zod: crewMemberSchema, pointer: ["properties", "crew", "items"] },
  { name: "period", zod: periodSchema, pointer: ["properties", "crew", "items", "properties", "available", "items"] },
  { name: "equipment item", zod: equipmentItemSchema, pointer: ["properties", "equipment", "items"] },
  { name: "date range", zod: dateRangeSchema, pointer: ["properties", "equipment", "items", "properties", "unavailable", "items"] },
  { name: "location", zod: locationSchema, pointer: ["properties", "locations", "items"] },
  { name: "budget", zod: budgetSchema, pointer: ["properties", "budget"] },
];

function at(schema: unknown, pointer: readonly string[]): Record<string, unknown> {
  const node = pointer.reduce<unknown>((n, key) => (n as Record<string, unknown>)[key], schema);
  if (typeof node !== "object" || node === null) throw new Error(`no schema at ${pointer.join("/")}`);
  return node as Record<string, unknown>;
}

describe("structure of the problem schema", () => {
  it.each(objectSchemas)("$name: same fields, same required list, no extra keys", ({ zod, pointer }) => {
    const node = at(problemJsonSchema(), pointer);
    const fields = Object.keys(zod.shape);
    // A field is required exactly when the zod schema rejects its absence (no default, not optional).
    const required = fields.filter((key) => !(zod.shape[key] as z.ZodType).safeParse(undefined).success);
    expect(Object.keys(node["properties"] as object)).toEqual(fields);
    expect(node["required"] ?? []).toEqual(required);
    expect(node["additionalProperties"]).toBe(false);
  });

  it("the base fixture sets every field of the schema at least once", () => {
    const problem = validProblem();
    const unset: string[] = [];
    const visit = (schema: Record<string, unknown>, values: unknown[], field: string): void => {
      const properties = schema["properties"] as Record<string, Record<string, unknown>> | undefined;
      for (const [key, sub] of Object.entries(properties ?? {})) {
        const present = values.flatMap((v) => (typeof v === "object" && v !== null && Object.hasOwn(v, key) ? [(v as Record<string, unknown>)[key]] : []));
        if (present.length === 0) unset.push(`${field}${key}`);
        visit(sub, present, `${field}${key}.`);
      }
      const items = schema["items"] as Record<string, unknown> | undefined;
      if (items !== undefined) visit(items, values.flatMap((v) => (Array.isArray(v) ? v : [])), field.replace(/\.$/, "[]."));
    };
    visit(problemJsonSchema(), [problem], "");
    expect(unset).toEqual([]);
  });
});

describe("the JSON Schema agrees with the parser", () => {
  it("accepts the base and the minimal fixture", () => {
    expect(checkJsonSchema(problemJsonSchema(), validProblem())).toEqual([]);
    expect(checkJsonSchema(problemJsonSchema(), minimalProblem())).toEqual([]);
  });

  it("rejects an unknown key, a missing field and an impossible date, at their paths", () => {
    const problem = validProblem();
    setAt(problem, ["shoots", 1, "durationSlot"], 1);
    setAt(problem, ["crew", 0], { id: "ana", dayRate: 1200 });
    setAt(problem, ["horizon", "end"], "2026-02-30");
    expect(checkJsonSchema(problemJsonSchema(), problem)).toEqual([
      { path: ["horizon", "end"], keyword: "pattern" },
      { path: ["shoots", 1, "durationSlot"], keyword: "additionalProperties" },
      { path: ["crew", 0, "name"], keyword: "required" },
    ]);
  });

  it("cannot express the semantic checks: a duplicate id passes the JSON Schema, not the parser", () => {
    const problem = validProblem();
    setAt(problem, ["crew", 3, "id"], "ana");
    expect(checkJsonSchema(problemJsonSchema(), problem)).toEqual([]);
    expect(safeParseProblem(problem).success).toBe(false);
  });

  it("accepts exactly what the zod schema accepts, on randomly mutated problems", () => {
    const jsonSchema = problemJsonSchema();
    const outcomes = { accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(mutatedProblemArb, (problem) => {
        const zodAccepts = problemSchema.safeParse(problem).success;
        outcomes[zodAccepts ? "accepted" : "rejected"] += 1;
        expect(checkJsonSchema(jsonSchema, problem).length === 0).toBe(zodAccepts);
      }),
      { seed: 42, numRuns: 300 },
    );
    // Both sides must have been exercised, or the property checked nothing.
    expect(outcomes.accepted).toBeGreaterThan(20);
    expect(outcomes.rejected).toBeGreaterThan(20);
  });

  it("the plan schema accepts a plan the zod plan schema accepts", () => {
    const plan = {
      shoots: [
        {
          shoot: "knit-bts",
          location: "studio-north",
          days: ["2026-03-12"],
          firstSlot: 1,
          durationSlots: 1,
          start: "2026-03-12T13:00:00+01:00",
          end: "2026-03-12T18:00:00+01:00",
          crew: [
            { person: "dev", role: "assistant" },
            { person: "mia", role: null },
          ],
          equipment: [{ item: "camera-kit", units: 1 }],
        },
      ],
      dropped: ["lookbook-outdoor"],
      rentals: [{ item: "camera-kit", date: "2026-03-12", units: 1 }],
    };
    expect(planSchema.safeParse(plan).success).toBe(true);
    expect(checkJsonSchema(planJsonSchema(), plan)).toEqual([]);
    setAt(plan, ["shoots", 0, "crew", 1, "role"], 3);
    expect(planSchema.safeParse(plan).success).toBe(false);
    expect(checkJsonSchema(planJsonSchema(), plan)).toEqual([{ path: ["shoots", 0, "crew", 1, "role"], keyword: "anyOf" }]);
  });

  it("the repair-request schema accepts a request with a valid problem and plan, and names a bad pin list", () => {
    const request = { problem: validProblem(), earlierPlan: { shoots: [], dropped: [], rentals: [] }, changePenalty: 25, pinnedShoots: ["a"] };
    expect(repairRequestJsonSchema()["$id"]).toBe("urn:shootplan:schema:repair-request");
    expect(checkJsonSchema(repairRequestJsonSchema(), request)).toEqual([]);
    setAt(request, ["pinnedShoots", 0], 7);
    expect(checkJsonSchema(repairRequestJsonSchema(), request)).toEqual([{ path: ["pinnedShoots", 0], keyword: "type" }]);
  });
});
