import type { MilpModel, MilpTerm } from "../formulation/milp-model.js";

/**
 * Independent check of a backend's answer against the model. Backends are not trusted:
 * every `optimal`/`feasible` result must pass {@link verifySolution} first.
 */

/** One way in which `values` fails the model. `violation` is an absolute amount, in model units. */
export type SolutionProblem =
  | { readonly kind: "length"; readonly expected: number; readonly actual: number }
  | { readonly kind: "not-finite"; readonly variable: number; readonly name: string; readonly value: number }
  | {
      readonly kind: "bound";
      readonly variable: number;
      readonly name: string;
      readonly value: number;
      readonly lower: number;
      readonly upper: number;
      readonly violation: number;
    }
  | {
      readonly kind: "integrality";
      readonly variable: number;
      readonly name: string;
      readonly value: number;
      readonly violation: number;
    }
  | {
      readonly kind: "row";
      readonly row: number;
      readonly name: string;
      readonly activity: number;
      readonly lower: number;
      readonly upper: number;
      readonly violation: number;
    };

/**
 * Lists every bound, integrality and row violation of `values` (by variable index).
 * A side `b` counts as violated when it is missed by more than `tolerance * max(1, |b|)`
 * (relative for large right-hand sides, absolute below 1); integrality allows
 * `tolerance` absolute distance to the nearest integer. Empty list = feasible.
 * @param tolerance default `1e-6`.
 */
export function verifySolution(
  model: MilpModel,
  values: readonly number[],
  tolerance = 1e-6,
): SolutionProblem[] {
  if (values.length !== model.variables.length) {
    return [{ kind: "length", expected: model.variables.length, actual: values.length }];
  }
  const problems: SolutionProblem[] = [];
  model.variables.forEach((v, i) => {
    const value = values[i] ?? Number.NaN;
    if (!Number.isFinite(value)) {
      problems.push({ kind: "not-finite", variable: i, name: v.name, value });
      return;
    }
    const violation = sideViolation(value, v.lower, v.upper, tolerance);
    if (violation > 0) {
      problems.push({ kind: "bound", variable: i, name: v.name, value, lower: v.lower, upper: v.upper, violation });
    }
    const fractional = Math.abs(value - Math.round(value));
    if (v.integer && fractional > tolerance) {
      problems.push({ kind: "integrality", variable: i, name: v.name, value, violation: fractional });
    }
  });
  if (problems.length > 0) return problems; // row activities are meaningless with bad values
  model.rows.forEach((row, r) => {
    const activity = linearSum(row.terms, values);
    const violation = sideViolation(activity, row.lower, row.upper, tolerance);
    if (violation > 0 || Number.isNaN(activity)) {
      problems.push({ kind: "row", row: r, name: row.name, activity, lower: row.lower, upper: row.upper, violation });
    }
  });
  return problems;
}

/** Amount by which `x` misses `[lower, upper]` beyond the scaled tolerance; 0 when within. */
function sideViolation(x: number, lower: number, upper: number, tolerance: number): number {
  const below = lower - x;
  const above = x - upper;
  if (below > tolerance * Math.max(1, Math.abs(lower))) return below;
  if (above > tolerance * Math.max(1, Math.abs(upper))) return above;
  return 0;
}

/** `values` with every integer variable rounded to the nearest integer (others unchanged). */
export function roundIntegers(model: MilpModel, values: readonly number[]): number[] {
  return values.map((value, i) => (model.variables[i]?.integer === true ? Math.round(value) + 0 : value));
}

/** Objective of `values`, including `model.objective.constant`. */
export function objectiveValue(model: MilpModel, values: readonly number[]): number {
  return model.objective.constant + linearSum(model.objective.terms, values);
}

function linearSum(terms: readonly MilpTerm[], values: readonly number[]): number {
  let sum = 0;
  for (const term of terms) sum += term.coefficient * (values[term.variable] ?? Number.NaN);
  return sum;
}

/** What a backend may report after checking a raw answer. */
export interface CheckedSolution {
  /** Rounded values (integers exact); only meaningful when `problems` is empty. */
  readonly values: readonly number[];
  /** Objective of `values` including the constant. */
  readonly objective: number;
  /** Empty when the answer may be reported as a plan. */
  readonly problems: readonly SolutionProblem[];
}

/**
 * The check every backend runs on a raw answer: integrality is judged on the raw
 * values (a fractional answer is never rounded into a plan), then integer variables
 * are rounded and bounds and rows verified on the rounded values.
 */
export function checkSolution(model: MilpModel, raw: readonly number[], tolerance = 1e-6): CheckedSolution {
  const integrality = verifySolution(model, raw, tolerance).filter(
    (p) => p.kind === "integrality" || p.kind === "length" || p.kind === "not-finite",
  );
  const values = roundIntegers(model, raw);
  const problems = integrality.length > 0 ? integrality : verifySolution(model, values, tolerance);
  return { values, objective: problems.length === 0 ? objectiveValue(model, values) : Number.NaN, problems };
}

/** Short human-readable summary of the first few problems (for `BackendResult.message`). */
export function describeProblems(problems: readonly SolutionProblem[], limit = 3): string {
  const shown = problems.slice(0, limit).map((p) => {
    switch (p.kind) {
      case "length":
        return `expected ${p.expected} values, got ${p.actual}`;
      case "not-finite":
        return `${p.name} = ${p.value}`;
      case "bound":
        return `${p.name} = ${p.value} outside [${p.lower}, ${p.upper}] by ${p.violation}`;
      case "integrality":
        return `${p.name} = ${p.value} is not integral`;
      case "row":
        return `row ${p.name} = ${p.activity} outside [${p.lower}, ${p.upper}] by ${p.violation}`;
    }
  });
  const more = problems.length > limit ? ` (+${problems.length - limit} more)` : "";
  return shown.join("; ") + more;
}
