import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import type { z } from "zod";
import { describe, expect, it } from "vitest";
import { safeParseProblem } from "../../src/domain/parse-problem.js";
import { semanticIssueCodes } from "../../src/domain/problem-issue.js";
import { repairIssueCodes } from "../../src/domain/parse-repair-request.js";
import { planCalendar } from "../../src/export/icalendar.js";
import { solve } from "../../src/solve/solve.js";
import { docsExample } from "../support/docs-example.js";
import {
  InternalDefectError,
  InvalidOptionsError,
  InvalidPlanError,
  InvalidProblemError,
  SolverError,
  formatPath,
  solverErrorCodes,
} from "../../src/errors.js";
import { mutatedProblemArb } from "./arbitraries.js";
import { codeSpans, readDoc, section, sections } from "./markdown.js";

const errorsDoc = readDoc("errors.md");

/** The codes documented as `### \`code\`` headings in one `##` section of docs/errors.md. */
function documentedCodes(sectionHeading: string): string[] {
  return sections(section(errorsDoc, 2, sectionHeading).body, 3).flatMap((s) => codeSpans(s.heading));
}

/** Every code section explains the code and says what the caller should do. */
function expectExplained(sectionHeading: string): void {
  for (const s of sections(section(errorsDoc, 2, sectionHeading).body, 3)) {
    const [meaning, action] = s.body.split("**What to do:**");
    expect(meaning?.trim().length, `${s.heading}: what it means`).toBeGreaterThan(20);
    expect(action?.trim().length ?? 0, `${s.heading}: "**What to do:**"`).toBeGreaterThan(20);
  }
}

describe("docs/errors.md: solver error codes", () => {
  it("documents every code of the registry, once, under Error codes", () => {
    expect([...documentedCodes("Error codes")].sort()).toEqual([...solverErrorCodes].sort());
  });

  it("mentions no SCHED_ERR_ code that the registry lacks, in either doc", () => {
    const known = new Set<string>(solverErrorCodes);
    for (const doc of ["errors.md", "problem.md"]) {
      const mentioned = [...readDoc(doc).matchAll(/SCHED_ERR_[A-Z_]+/g)].map((m) => m[0]);
      expect(mentioned.filter((code) => !known.has(code)), doc).toEqual([]);
    }
  });

  it("says what each code means and what to do", () => {
    expectExplained("Error codes");
  });
});

describe("docs/errors.md: problem issue codes", () => {
  it("documents exactly the semantic issue codes", () => {
    const documented = documentedCodes("Problem issue codes");
    expect(new Set(documented).size).toBe(documented.length);
    expect([...documented].sort()).toEqual([...semanticIssueCodes].sort());
  });

  it("says what each code means and what to do", () => {
    expectExplained("Problem issue codes");
  });
});

describe("docs/errors.md: repair request issue codes", () => {
  it("documents exactly the codes a repair request adds", () => {
    expect(documentedCodes("Repair request issue codes")).toEqual([...repairIssueCodes]);
  });

  it("says what each code means and what to do", () => {
    expectExplained("Repair request issue codes");
  });
});

// Every issue code zod can emit; the compiler insists the list is complete.
const zodIssueCodes: Record<z.core.$ZodIssueCode, true> = {
  invalid_type: true,
  too_big: true,
  too_small: true,
  invalid_format: true,
  not_multiple_of: true,
  unrecognized_keys: true,
  invalid_union: true,
  invalid_key: true,
  invalid_element: true,
  invalid_value: true,
  custom: true,
};

describe("docs/errors.md: schema issue codes", () => {
  it("documents only codes zod has, each explained", () => {
    const documented = documentedCodes("Schema issue codes");
    expect(documented.filter((code) => !Object.hasOwn(zodIssueCodes, code))).toEqual([]);
    expectExplained("Schema issue codes");
  });

  it("documents every code that parsing actually reports", () => {
    const seen = new Set<string>();
    const semantic = new Set<string>(semanticIssueCodes);
    fc.assert(
      fc.property(mutatedProblemArb, (raw) => {
        const result = safeParseProblem(raw);
        if (!result.success) for (const issue of result.issues) if (!semantic.has(issue.code)) seen.add(issue.code);
      }),
      { seed: 7, numRuns: 400 },
    );
    // The fuzz must have produced a fair spread, or this test proves little.
    expect(seen.size).toBeGreaterThanOrEqual(5);
    const documented = new Set(documentedCodes("Schema issue codes"));
    expect([...seen].filter((code) => !documented.has(code))).toEqual([]);
  });
});

describe("the SolverError registry", () => {
  const samples: readonly SolverError[] = [
    new InvalidProblemError([{ code: "duplicate_id", path: ["crew", 3, "id"], message: 'The id "ana" is used twice in crew.' }]),
    new InvalidPlanError([{ code: "invalid_type", path: ["shoots", 0, "days"], message: "Invalid input" }]),
    new InvalidOptionsError("timeLimitSeconds must be a positive number of seconds, got -1"),
    new InternalDefectError("the checker rejects the plan", { cause: new Error("inner") }),
  ];

  it("has no duplicate codes, all shaped SCHED_ERR_<AREA>_<WHAT>", () => {
    expect(new Set(solverErrorCodes).size).toBe(solverErrorCodes.length);
    for (const code of solverErrorCodes) expect(code).toMatch(/^SCHED_ERR_[A-Z]+_[A-Z_]+$/);
  });

  it.each(samples.map((error) => ({ name: error.name, error })))("$name is a SolverError with a registered code", ({ error }) => {
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(SolverError);
    expect(solverErrorCodes).toContain(error.code);
    expect(error.name).toBe(error.constructor.name);
    expect(error.message.length).toBeGreaterThan(0);
  });

  it("names the option at fault, from solve's checks and the readouts alike", async () => {
    await expect(solve(docsExample(), { timeLimitSeconds: -1 })).rejects.toMatchObject({ code: "SCHED_ERR_OPTIONS_INVALID", option: "timeLimitSeconds" });
    await expect(solve(docsExample(), { seed: 1.5 })).rejects.toMatchObject({ option: "seed" });
    const plan = (await solve(docsExample(), { timeLimitSeconds: 20 })).plan;
    expect(() => planCalendar(docsExample(), plan, { location: "nowhere" })).toThrow(expect.objectContaining({ option: "location" }));
  });

  it("keeps the cause and renders issue paths in messages", () => {
    expect((samples[3] as InternalDefectError).cause).toBeInstanceOf(Error);
    expect(samples[0]?.message).toBe('The problem is invalid: crew[3].id: The id "ana" is used twice in crew.');
    expect(formatPath(["shoots", 1, "roles", "stylist"])).toBe("shoots[1].roles.stylist");
    expect(formatPath([])).toBe("(root)");
  });

  it("every registered code is raised somewhere in the solver's source", () => {
    const srcDir = fileURLToPath(new URL("../../src/", import.meta.url));
    const files = (function list(dir: string): string[] {
      return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? list(path) : path.endsWith(".ts") ? [path] : [];
      });
    })(srcDir);
    // The registry itself does not count as a use.
    const source = files
      .map((file) => readFileSync(file, "utf8"))
      .join("\n")
      .replace(/export const solverErrorCodes = \[[^\]]*\]/, "");
    for (const code of solverErrorCodes) expect(source, code).toContain(`"${code}"`);
  });
});
