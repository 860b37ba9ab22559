/**
 * A backend-neutral mixed-integer linear programme. Every formulation builds one,
 * every backend consumes one; nothing here knows about shoots.
 *
 * Variables and rows carry deterministic structured names such as
 * `busy[shoot=s1,person=ana,start=3]` so that LP dumps, infeasibility reports and
 * variable fixing (pinning, large-neighbourhood search) can address them.
 */
export interface MilpVariable {
  /** Unique, deterministic, e.g. `start[shoot=s1,slot=4,location=studio-a]`. */
  readonly name: string;
  /** Lower bound; `0` for every variable the formulation emits today. */
  readonly lower: number;
  /** Upper bound; `Infinity` when unbounded above. */
  readonly upper: number;
  /** `true` for integer (binary when bounds are 0..1) variables. */
  readonly integer: boolean;
}

/** One non-zero of a row or of the objective: `coefficient * variables[variable]`. */
export interface MilpTerm {
  /** Index into {@link MilpModel.variables}. */
  readonly variable: number;
  readonly coefficient: number;
}

/** A linear row `lower <= sum(terms) <= upper`; use `-Infinity` / `Infinity` for a missing side. */
export interface MilpRow {
  /** Unique, deterministic, named for the rule it enforces, e.g. `cover[shoot=s1,role=stylist]`. */
  readonly name: string;
  readonly terms: readonly MilpTerm[];
  readonly lower: number;
  readonly upper: number;
}

export interface MilpModel {
  /** Always minimised. */
  readonly sense: "minimize";
  readonly variables: readonly MilpVariable[];
  readonly rows: readonly MilpRow[];
  /** Objective terms; the objective value is `constant + sum(terms)`. */
  readonly objective: { readonly terms: readonly MilpTerm[]; readonly constant: number };
}
