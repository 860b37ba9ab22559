import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseProblem, safeParseProblem, type ParseResult } from "../../src/domain/parse-problem.js";
import { semanticIssueCodes } from "../../src/domain/problem-issue.js";
import { InvalidProblemError, SolverError } from "../../src/errors.js";
import { mutatedProblemArb } from "./arbitraries.js";

const runs = { seed: 42, numRuns: 300 } as const;

/** The contract of every answer: success with a problem, or at least one well-formed issue. */
function expectWellFormed(result: ParseResult): void {
  if (result.success) {
    expect(typeof result.problem).toBe("object");
    return;
  }
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(typeof issue.code).toBe("string");
    expect(issue.code.length).toBeGreaterThan(0);
    expect(Array.isArray(issue.path)).toBe(true);
    for (const step of issue.path) expect(["string", "number"]).toContain(typeof step);
    expect(typeof issue.message).toBe("string");
    expect(issue.message.trim().length).toBeGreaterThan(0);
  }
}

/** Same answer from the throwing variant: the problem, or InvalidProblemError with the same issues. */
function expectParseProblemAgrees(raw: unknown, result: ParseResult): void {
  if (result.success) {
    expect(parseProblem(raw)).toEqual(result.problem);
    return;
  }
  let thrown: unknown;
  try {
    parseProblem(raw);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(InvalidProblemError);
  expect(thrown).toBeInstanceOf(SolverError);
  const error = thrown as InvalidProblemError;
  expect(error.code).toBe("SCHED_ERR_PROBLEM_INVALID");
  expect(error.issues).toEqual(result.issues);
  expect(error.message.length).toBeGreaterThan(0);
}

describe("safeParseProblem on arbitrary JSON", () => {
  it("never throws and always answers with a problem or well-formed issues", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const result = safeParseProblem(raw);
        expectWellFormed(result);
        // Arbitrary JSON is never a whole problem (currency, horizon, shoots, crew, locations).
        expect(result.success).toBe(false);
        expectParseProblemAgrees(raw, result);
      }),
      runs,
    );
  });

  it("handles values JSON.parse can produce but generators rarely do", () => {
    const odd = [null, 0, "", [], {}, "EUR", JSON.parse('{"__proto__": {"currency": "EUR"}}'), { constructor: 1 }, { shoots: {} }];
    for (const raw of odd) {
      const result = safeParseProblem(raw);
      expectWellFormed(result);
      expectParseProblemAgrees(raw, result);
    }
  });
});

describe("safeParseProblem on mutated valid problems", () => {
  it("never throws, answers consistently, and reaches every kind of outcome", () => {
    const outcomes = { valid: 0, schemaIssues: 0, semanticIssues: 0 };
    const semanticSeen = new Set<string>();
    const semantic = new Set<string>(semanticIssueCodes);
    fc.assert(
      fc.property(mutatedProblemArb, (raw) => {
        const before = JSON.stringify(raw);
        const result = safeParseProblem(raw);
        expectWellFormed(result);
        expectParseProblemAgrees(raw, result);
        expect(JSON.stringify(raw)).toBe(before); // parsing never edits its input
        if (result.success) outcomes.valid += 1;
        else if (result.issues.every((i) => semantic.has(i.code))) {
          outcomes.semanticIssues += 1;
          for (const issue of result.issues) semanticSeen.add(issue.code);
        } else {
          // Semantic checks run only on a well-shaped problem, so the two kinds never mix.
          expect(result.issues.some((i) => semantic.has(i.code))).toBe(false);
          outcomes.schemaIssues += 1;
        }
      }),
      runs,
    );
    // A fuzz test that only ever hits one branch checks little: insist on all three.
    expect(outcomes.valid).toBeGreaterThan(10);
    expect(outcomes.schemaIssues).toBeGreaterThan(10);
    expect(outcomes.semanticIssues).toBeGreaterThan(10);
    expect(semanticSeen.size).toBeGreaterThanOrEqual(4);
  });
});

describe("parseProblem", () => {
  it("throws InvalidProblemError whose message lists every issue with its path", () => {
    let thrown: unknown;
    try {
      parseProblem({ currency: "eur", horizon: {}, shoots: [], crew: [], locations: [] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidProblemError);
    const error = thrown as InvalidProblemError;
    expect(error.name).toBe("InvalidProblemError");
    expect(error.issues.map((i) => i.path)).toEqual([["currency"], ["horizon", "start"], ["horizon", "end"], ["horizon", "timeZone"]]);
    expect(error.message).toContain("currency: ");
    expect(error.message).toContain("horizon.timeZone: ");
  });
});
