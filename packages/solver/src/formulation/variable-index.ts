/**
 * Where the formulation put each decision, so that decoding, fixing (pinning,
 * neighbourhood search) and reports can address variables by meaning.
 */
export interface PlacementVariable {
  /** Index into the shoot's `starts`. */
  readonly start: number;
  readonly location: number;
  readonly variable: number;
}

export interface CrewVariable {
  readonly person: number;
  /** Role filled, or null for a required or preferred person attending outside the role counts. */
  readonly role: string | null;
  readonly variable: number;
}

export interface ShootVariables {
  readonly placements: readonly PlacementVariable[];
  /** `drop[shoot=..]`, or null for a mandatory shoot. */
  readonly drop: number | null;
  readonly crew: readonly CrewVariable[];
  /** busy[person][startIndex] = variable, only for eligible pairs. */
  readonly busy: ReadonlyMap<number, ReadonlyMap<number, number>>;
}

export interface VariableIndex {
  readonly shoots: readonly ShootVariables[];
  /** works[person][day] = variable, where the person can work that day. */
  readonly works: ReadonlyMap<number, ReadonlyMap<number, number>>;
}
