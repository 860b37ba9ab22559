import type { MilpModel, MilpRow, MilpTerm, MilpVariable } from "../../src/formulation/milp-model.js";

/** Small model builders shared by the backend tests. */

export function intVar(name: string, lower = 0, upper = Infinity): MilpVariable {
  return { name, lower, upper, integer: true };
}

export function realVar(name: string, lower = 0, upper = Infinity): MilpVariable {
  return { name, lower, upper, integer: false };
}

/** Terms from a dense coefficient list (zeros skipped). */
export function terms(coefficients: readonly number[]): MilpTerm[] {
  return coefficients.flatMap((coefficient, variable) => (coefficient === 0 ? [] : [{ variable, coefficient }]));
}

export function row(name: string, coefficients: readonly number[], lower: number, upper: number): MilpRow {
  return { name, terms: terms(coefficients), lower, upper };
}

export function milp(
  variables: readonly MilpVariable[],
  rows: readonly MilpRow[],
  cost: readonly number[],
  constant = 0,
): MilpModel {
  return { sense: "minimize", variables, rows, objective: { terms: terms(cost), constant } };
}

/** Deterministic pseudo-random numbers in [0, 1) (LCG), for reproducible hard models. */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
}

/**
 * Market split (Cornuéjols–Dawande): `m` equality rows over `n` binaries with slack
 * variables, minimising total slack. Tiny but notoriously hard for branch and bound,
 * so it reliably runs into any time limit.
 */
export function marketSplit(m: number, n: number, seed: number): MilpModel {
  const random = rng(seed);
  const variables: MilpVariable[] = [];
  for (let j = 0; j < n; j++) variables.push(intVar(`x[${j}]`, 0, 1));
  for (let i = 0; i < m; i++) variables.push(realVar(`over[${i}]`), realVar(`under[${i}]`));
  const rows: MilpRow[] = [];
  for (let i = 0; i < m; i++) {
    const a = Array.from({ length: n }, () => Math.floor(random() * 100));
    const d = Math.floor(a.reduce((s, x) => s + x, 0) / 2);
    const slack = [
      { variable: n + 2 * i, coefficient: 1 },
      { variable: n + 2 * i + 1, coefficient: -1 },
    ];
    rows.push({ name: `split[${i}]`, terms: [...terms(a), ...slack], lower: d, upper: d });
  }
  const cost = variables.map((_, j) => (j >= n ? 1 : 0));
  return milp(variables, rows, cost);
}

/** A 0/1 knapsack with `n` correlated items (hard for plain branch and bound), as a minimisation. */
export function hardKnapsack(n: number, seed: number): MilpModel {
  const random = rng(seed);
  const weights = Array.from({ length: n }, () => 1000 + Math.floor(random() * 1000));
  const values = weights.map((w) => w + Math.floor(random() * 50));
  const capacity = Math.floor(weights.reduce((s, w) => s + w, 0) / 2);
  const variables = weights.map((_, j) => intVar(`take[${j}]`, 0, 1));
  return milp(variables, [row("capacity", weights, -Infinity, capacity)], values.map((v) => -v));
}

/** A dense covering LP with `n` rows and columns (its first LP is slow for javascript-lp-solver). */
export function denseLp(n: number, seed: number): MilpModel {
  const random = rng(seed);
  const variables = Array.from({ length: n }, (_, j) => realVar(`y${j}`));
  const rows = Array.from({ length: n }, (_, i) =>
    row(`c${i}`, variables.map(() => 1 + Math.floor(random() * 50)), 100 + Math.floor(random() * 1000), Infinity),
  );
  return milp(variables, rows, variables.map(() => 1 + Math.floor(random() * 20)));
}

/**
 * Exhaustive optimum of a model whose variables are all integer with finite bounds:
 * `null` when infeasible. Exponential; for tiny models only.
 */
export function bruteForce(model: MilpModel): { objective: number; values: number[] } | null {
  const n = model.variables.length;
  const values = model.variables.map((v) => v.lower);
  let best: { objective: number; values: number[] } | null = null;
  const feasible = (): boolean =>
    model.rows.every((r) => {
      const activity = r.terms.reduce((s, t) => s + t.coefficient * (values[t.variable] ?? 0), 0);
      return activity >= r.lower - 1e-9 && activity <= r.upper + 1e-9;
    });
  const visit = (i: number): void => {
    if (i === n) {
      if (!feasible()) return;
      const objective = model.objective.terms.reduce((s, t) => s + t.coefficient * (values[t.variable] ?? 0), model.objective.constant);
      if (best === null || objective < best.objective) best = { objective, values: [...values] };
      return;
    }
    const v = model.variables[i];
    if (v === undefined) return;
    for (let x = v.lower; x <= v.upper; x++) {
      values[i] = x;
      visit(i + 1);
    }
  };
  visit(0);
  return best;
}
