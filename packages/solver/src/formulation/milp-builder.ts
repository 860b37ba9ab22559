import type { MilpModel, MilpRow, MilpTerm, MilpVariable } from "./milp-model.js";

/** Accumulates variables, rows and objective terms; names must be unique. */
export class MilpBuilder {
  private readonly variables: MilpVariable[] = [];
  private readonly rows: MilpRow[] = [];
  private readonly objective: MilpTerm[] = [];
  private readonly names = new Set<string>();
  private constant = 0;

  /** Adds a variable and its objective coefficient (minor units); returns its index. */
  variable(name: string, options: { lower?: number; upper?: number; integer?: boolean; cost?: number } = {}): number {
    this.claim(name);
    const index = this.variables.length;
    this.variables.push({ name, lower: options.lower ?? 0, upper: options.upper ?? 1, integer: options.integer ?? true });
    if (options.cost !== undefined && options.cost !== 0) this.objective.push({ variable: index, coefficient: options.cost });
    return index;
  }

  binary(name: string, cost?: number): number {
    return cost === undefined ? this.variable(name) : this.variable(name, { cost });
  }

  /** Adds `lower <= sum(terms) <= upper`; rows without terms are skipped when trivially satisfied. */
  row(name: string, terms: readonly MilpTerm[], bounds: { lower?: number; upper?: number }): void {
    const lower = bounds.lower ?? -Infinity;
    const upper = bounds.upper ?? Infinity;
    if (terms.length === 0 && lower <= 0 && upper >= 0) return;
    this.claim(name);
    this.rows.push({ name, terms: mergeTerms(terms), lower, upper });
  }

  addConstant(value: number): void {
    this.constant += value;
  }

  build(): MilpModel {
    return { sense: "minimize", variables: this.variables, rows: this.rows, objective: { terms: mergeTerms(this.objective), constant: this.constant } };
  }

  private claim(name: string): void {
    if (this.names.has(name)) throw new Error(`duplicate MILP name ${name}`);
    this.names.add(name);
  }
}

/** Combines repeated variables in a term list, dropping zero coefficients. */
export function mergeTerms(terms: readonly MilpTerm[]): MilpTerm[] {
  const sums = new Map<number, number>();
  for (const t of terms) sums.set(t.variable, (sums.get(t.variable) ?? 0) + t.coefficient);
  return [...sums].filter(([, c]) => c !== 0).map(([variable, coefficient]) => ({ variable, coefficient }));
}

export const term = (variable: number, coefficient = 1): MilpTerm => ({ variable, coefficient });
