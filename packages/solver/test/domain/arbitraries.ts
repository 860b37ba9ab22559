import fc from "fast-check";

import { validProblem } from "./fixtures.js";
import { allPaths, deleteAt, getAt, setAt } from "./json-path.js";

/**
 * One random edit of a problem: delete a field or element, replace it, or copy another
 * part of the problem of the same JSON type over it (which keeps the shape valid more
 * often, so the semantic checks get exercised: duplicate ids, unknown references...).
 */
export interface Mutation {
  readonly kind: "delete" | "replace" | "copy";
  /** Which path to edit, modulo the number of paths. */
  readonly target: number;
  /** For `copy`: which path to copy from, modulo the number of paths holding the target's JSON type. */
  readonly source: number;
  /** For `replace`. */
  readonly value: unknown;
}

// Values near the edges of the schema and the semantic checks, mixed with arbitrary JSON.
const interestingValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.integer({ min: -2, max: 50 }),
  fc.constantFrom("2026-03-01", "2026-03-07", "2026-03-20", "2026-02-30", "ana", "park", "knit-bts", "photographer", "EUR", "JPY", "monday", "16:00", 0.005, 1e300, -1, [], {}),
);

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom("delete", "replace", "copy", "copy"),
  target: fc.nat(),
  source: fc.nat(),
  value: interestingValue,
});

/** Applies one mutation in place. */
export function applyMutation(root: unknown, mutation: Mutation): void {
  const paths = allPaths(root);
  const target = paths[mutation.target % paths.length];
  if (target === undefined) return;
  if (mutation.kind === "delete") deleteAt(root, target);
  else if (mutation.kind === "replace") setAt(root, target, structuredClone(mutation.value));
  else {
    const type = jsonType(getAt(root, target));
    const sources = paths.filter((p) => jsonType(getAt(root, p)) === type);
    setAt(root, target, structuredClone(getAt(root, sources[mutation.source % sources.length] ?? target)));
  }
}

function jsonType(value: unknown): string {
  return Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
}

/** The base fixture after one to four random mutations: mostly invalid, sometimes still valid. */
export const mutatedProblemArb: fc.Arbitrary<unknown> = fc
  .array(mutationArb, { minLength: 1, maxLength: 4 })
  .map((mutations) => {
    const problem = validProblem();
    for (const mutation of mutations) applyMutation(problem, mutation);
    return problem;
  });
