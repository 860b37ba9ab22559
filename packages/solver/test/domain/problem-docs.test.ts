import { describe, expect, it } from "vitest";
import { checkPlan } from "../../src/check/check-plan.js";
import { planJsonSchema, problemJsonSchema, type JsonSchemaDocument } from "../../src/domain/json-schema.js";
import { safeParseProblem } from "../../src/domain/parse-problem.js";
import { planSchema } from "../../src/domain/plan-schema.js";
import { solve } from "../../src/solve/solve.js";
import { defaultSolveOptions, type SolveOptions } from "../../src/solve/solve-options.js";
import type { SolveResult } from "../../src/solve/solve-result.js";
import { repairRequestJsonSchema } from "../../src/domain/json-schema.js";
import type { PlanChange } from "../../src/replan/plan-changes.js";
import type { RepairResult } from "../../src/replan/repair-result.js";
import { codeSpans, fencedBlocks, readDoc, section, sections, tableRows } from "./markdown.js";

const problemDoc = readDoc("problem.md");

type Node = Record<string, unknown>;

/** The JSON Schema node at a docs path such as `shoots[].after[]` (empty: the root). */
function nodeAt(schema: JsonSchemaDocument, docsPath: string): Node {
  const steps = docsPath.split(/(\[\])|\./).filter((s) => s !== undefined && s !== "");
  return steps.reduce<Node>((node, step) => {
    const next = step === "[]" ? node["items"] : (node["properties"] as Record<string, unknown> | undefined)?.[step];
    if (typeof next !== "object" || next === null) throw new Error(`the schema has no ${docsPath} (stuck at ${step})`);
    return next as Node;
  }, schema);
}

/** Docs paths of every object with properties in a schema: `""`, `horizon`, `shoots[]`... */
function objectPaths(node: Node, path = ""): string[] {
  const own = node["properties"] === undefined ? [] : [path];
  const children = Object.entries((node["properties"] ?? {}) as Record<string, Node>).flatMap(([key, child]) => objectPaths(child, path === "" ? key : `${path}.${key}`));
  const items = node["items"] === undefined ? [] : objectPaths(node["items"] as Node, `${path}[]`);
  return [...own, ...children, ...items];
}

/**
 * Checks one "## ... reference" section against a schema: each `###` heading names the
 * objects it documents in code spans (none: the top level), and its table lists exactly
 * their fields, in schema order, with the right required flag and default.
 */
function expectReferenceMatches(sectionHeading: string, schema: JsonSchemaDocument): void {
  const documented: string[] = [];
  for (const s of sections(section(problemDoc, 2, sectionHeading).body, 3)) {
    const paths = codeSpans(s.heading);
    const rows = tableRows(s.body);
    for (const path of paths.length === 0 ? [""] : paths) {
      documented.push(path);
      const node = nodeAt(schema, path);
      const properties = (node["properties"] ?? {}) as Record<string, Node>;
      const required = new Set((node["required"] ?? []) as string[]);
      const where = `${sectionHeading} > ${s.heading}`;
      expect(rows.map((r) => codeSpans(r[0] ?? "")[0]), `${where}: fields`).toEqual(Object.keys(properties));
      for (const [cell0, type, presence, meaning] of rows) {
        const field = codeSpans(cell0 ?? "")[0] ?? "";
        const property = properties[field] ?? {};
        const label = `${where}: ${field}`;
        expect(type?.length, `${label}: type`).toBeGreaterThan(0);
        expect(meaning?.length, `${label}: meaning`).toBeGreaterThan(0);
        if (required.has(field)) expect(presence, label).toBe("required");
        else if ("default" in property) {
          expect(presence, label).toMatch(/^default `/);
          expect(JSON.parse(codeSpans(presence ?? "")[0] ?? "null"), label).toEqual(property["default"]);
        } else expect(presence, label).toMatch(/^optional/);
      }
    }
  }
  expect([...documented].sort(), `${sectionHeading}: every object of the schema has a table`).toEqual(objectPaths(schema).sort());
}

describe("docs/problem.md reference tables", () => {
  it("document every field of the problem schema, with its required flag and default", () => {
    expectReferenceMatches("Problem reference", problemJsonSchema());
  });

  it("document every field of the plan schema", () => {
    expectReferenceMatches("Plan reference", planJsonSchema());
  });

  it("list the solve options with the defaults of defaultSolveOptions", () => {
    const rows = tableRows(section(section(problemDoc, 2, "Solving").body, 3, "Solve options").body);
    const documented = Object.fromEntries(rows.map(([name, value]) => [codeSpans(name ?? "")[0], codeSpans(value ?? "")[0] ?? value]));
    // Compile error when SolveOptions gains an option missing here.
    const options = ["backend", "timeLimitSeconds", "relativeGap", "seed", "strategy", "iterationLimit", "signal", "onProgress"] as const satisfies readonly (keyof SolveOptions)[];
    const complete: Exclude<keyof SolveOptions, (typeof options)[number]> extends never ? true : never = true;
    expect(complete).toBe(true);
    expect(Object.keys(documented)).toEqual([...options]);
    for (const [name, value] of Object.entries(defaultSolveOptions)) expect(JSON.parse(String(documented[name])), name).toEqual(value);
    expect(documented["signal"]).toBe("none");
    expect(documented["onProgress"]).toBe("none");
  });

  it("list every field of the solve result", () => {
    const rows = tableRows(section(section(problemDoc, 2, "Solving").body, 3, "Solve result").body);
    // Compile error when SolveResult gains a field missing here.
    const fields = ["status", "plan", "cost", "lowerBound", "gap", "method", "backend", "seconds", "explanation", "model"] as const satisfies readonly (keyof SolveResult)[];
    const complete: Exclude<keyof SolveResult, (typeof fields)[number]> extends never ? true : never = true;
    expect(complete).toBe(true);
    expect(rows.map((r) => codeSpans(r[0] ?? "")[0])).toEqual([...fields]);
  });
});

describe("docs/problem.md re-planning tables", () => {
  const replanning = section(problemDoc, 2, "Re-planning").body;

  it("list the repair request's fields with their required flag and default", () => {
    const schema = repairRequestJsonSchema();
    const properties = schema["properties"] as Record<string, Node>;
    const required = new Set(schema["required"] as string[]);
    const rows = tableRows(section(replanning, 3, "Repair request").body);
    expect(rows.map((r) => codeSpans(r[0] ?? "")[0])).toEqual(Object.keys(properties));
    for (const [cell0, , presence] of rows) {
      const field = codeSpans(cell0 ?? "")[0] ?? "";
      if (required.has(field)) expect(presence, field).toBe("required");
      else expect(JSON.parse(codeSpans(presence ?? "")[0] ?? "null"), field).toEqual(properties[field]?.["default"]);
    }
  });

  it("list the fields a repair result adds to a solve result", () => {
    const rows = tableRows(section(replanning, 3, "Repair result").body);
    // Compile error when RepairResult gains a field missing here.
    const fields = ["objective", "changes", "changedAssignments", "changePenalties"] as const satisfies readonly Exclude<keyof RepairResult, keyof SolveResult>[];
    const complete: Exclude<Exclude<keyof RepairResult, keyof SolveResult>, (typeof fields)[number]> extends never ? true : never = true;
    expect(complete).toBe(true);
    expect(rows.map((r) => codeSpans(r[0] ?? "")[0])).toEqual([...fields]);
  });

  it("list every kind of change and whether it is counted", () => {
    const rows = tableRows(section(replanning, 3, "Changes").body);
    const kinds = { rescheduled: "yes", crew_removed: "yes", crew_added: "no", dropped: "yes", restored: "yes", added: "no", cancelled: "no" } as const satisfies Record<PlanChange["kind"], "yes" | "no">;
    expect(Object.fromEntries(rows.map((r) => [codeSpans(r[0] ?? "")[0], r[1]]))).toEqual(kinds);
  });
});

describe("docs/problem.md example", () => {
  const [problemText, answerText] = fencedBlocks(section(problemDoc, 2, "Example").body, "json");

  it("is a valid problem", () => {
    const result = safeParseProblem(JSON.parse(problemText ?? "null"));
    expect(result.success ? [] : result.issues).toEqual([]);
  });

  it("answers with a plan the checker accepts, at the stated cost", () => {
    const parsed = safeParseProblem(JSON.parse(problemText ?? "null"));
    if (!parsed.success) throw new Error("the example problem is invalid");
    const answer = JSON.parse(answerText ?? "null") as { status: string; plan: unknown; cost: number; lowerBound: number; gap: number };
    const plan = planSchema.parse(answer.plan);
    const verdict = checkPlan(parsed.problem, plan);
    expect(verdict.violations).toEqual([]);
    expect(verdict.cost).toEqual(plan.cost);
    expect(answer.cost).toBe(plan.cost?.total);
    expect(answer.status).toBe("optimal");
    expect(answer.lowerBound).toBe(answer.cost);
    expect(answer.gap).toBe(0);
  });

  // The docs showed an equally cheap plan a day later than the one solve returns (new-user audit).
  it("is what `npm run solve` answers, apart from the seconds and the model size", async () => {
    const { seconds: _seconds, model: _model, ...answer } = await solve(JSON.parse(problemText ?? "null"));
    expect(JSON.parse(JSON.stringify(answer))).toEqual(JSON.parse(answerText ?? "null"));
  });
});
