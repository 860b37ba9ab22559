/**
 * The generator's working model: plain records with integer indexes into each other,
 * turned into a `ProblemInput` only at the end. Time is counted in working-day indexes
 * `d` (0 = first working date) and global slots `t = d * slotsPerDay + slot`.
 */

/** Roles in the order scarce first: crew is filled in this order, so a multi-role assistant is not used up before the scarce roles are covered. */
export const ROLES = ["photographer", "set-designer", "makeup", "stylist", "model", "assistant"] as const;
export type Role = (typeof ROLES)[number];

export type RoleCounts = Partial<Record<Role, number>>;

/** A `{ from, to?, slots? }` period of the problem, dates as working-day indexes. */
export interface DayPeriod {
  readonly from: number;
  readonly to: number;
  /** Slots of each day; absent = the whole day. */
  readonly slots?: readonly number[];
}

export type ProjectKind = "lookbook" | "product" | "food" | "campaign" | "video";

export interface ProjectSpec {
  readonly index: number;
  readonly id: string;
  readonly title: string;
  readonly kind: ProjectKind;
  /** Working days the project's shoots are planned in first (the cluster), inclusive. */
  readonly focusFrom: number;
  readonly focusTo: number;
  /** Budget cap kind: `tight` (just above the witness's cost; its shoots are placed first, on the cheapest resources), `loose`, or none. */
  budget: "tight" | "loose" | null;
  /** Named talent (crew indexes) who appear in the project's talent shoots. */
  faces: number[];
  /** Kick-off and delivery working days, set once the witness is placed. */
  notBefore: number;
  deadline: number;
}

export interface ShootSpec {
  readonly index: number;
  readonly id: string;
  readonly title: string;
  readonly project: number;
  readonly template: string;
  /** Length in slots; may be shortened while the crew is sized. */
  durationSlots: number;
  readonly requiredFeatures: readonly string[];
  /** Explicit allowed locations (location indexes); null = any location with `requiredFeatures`. */
  allowedLocations: number[] | null;
  /** Core role counts plus the extras kept. */
  roles: RoleCounts;
  /** Extra role requirements that may be trimmed when the crew cannot carry them. */
  extras: Role[];
  /** How many of the project's faces this shoot requires (0 = none, 2 = all). */
  readonly talent: number;
  requiredPeople: number[];
  preferredPeople: number[];
  /** Money per preferred person not assigned (whole euros). */
  preferencePenalty: number;
  readonly equipment: readonly (readonly [item: string, units: number])[];
  after: { readonly shoot: number; readonly gapDays: number }[];
  /** A predecessor of another shoot (fitting, review): placed early in the project's window. */
  readonly leads: boolean;
  /** Penalty when dropped (whole euros); null = mandatory. */
  optionalPenalty: number | null;
  /** Window as working-day indexes, set once the witness is placed. */
  notBefore: number;
  deadline: number;
}

export interface PersonSpec {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  roles: Role[];
  readonly primaryRole: Role;
  readonly dayRate: number;
  billing: "worked" | "hold";
  /** Part-time pattern; null = every working slot. */
  available: DayPeriod[] | null;
  unavailable: DayPeriod[];
  maxDays: number | null;
  maxConsecutiveDays: number | null;
}

export interface LocationSpec {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly features: readonly string[];
  readonly dayFee: number;
  readonly capacity: number;
  readonly outdoor: boolean;
  /** Permit windows of outdoor locations; null = every working slot. */
  readonly available: DayPeriod[] | null;
  unavailable: DayPeriod[];
}

export interface ItemSpec {
  readonly id: string;
  readonly name: string;
  /** `rental-only`: nothing owned; `scarce`: a few owned, more rentable; `owned-only`: no rental. */
  readonly supply: "rental-only" | "scarce" | "owned-only";
  readonly rentalRate: number;
  owned: number;
  /** Maintenance as working-day ranges (no owned unit available). */
  maintenance: DayPeriod[];
  /** Rental cap per day; null = not rentable. */
  maxRental: number | null;
}

/** One placed shoot of the hidden feasible plan. */
export interface Placement {
  readonly shoot: number;
  /** Global slot the shoot starts in. */
  readonly start: number;
  readonly location: number;
  readonly crew: readonly { readonly person: number; readonly role: Role | null }[];
}

/** Returns `value`, or throws when it is undefined (an indexing defect in the generator). */
export function must<T>(value: T | undefined, what = "value"): T {
  if (value === undefined) throw new Error(`generator defect: missing ${what}`);
  return value;
}

/** Plain UTF-16 code-unit order, identical on every machine (never locale-dependent). */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
