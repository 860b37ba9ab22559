/**
 * The normalised problem the solver methods work on: every entity by index, money
 * in integer minor units, time as global slot indices over working days only.
 * Global slot `t` is slot `t % slotsPerDay` of working day `floor(t / slotsPerDay)`.
 */
import type { Problem } from "../domain/problem-schema.js";

/** One way a shoot can be placed in time. */
export interface StartOption {
  /** Global index of the first slot. */
  readonly slot: number;
  /** Working-day index of the first and last day occupied. */
  readonly firstDay: number;
  readonly lastDay: number;
  /** Slot within the first day at which it starts (0 for multi-day shoots). */
  readonly firstSlot: number;
  /** Every global slot occupied, ascending. */
  readonly slots: readonly number[];
}

export interface ModelShoot {
  readonly index: number;
  readonly id: string;
  readonly project: string;
  readonly durationSlots: number;
  /** True when the shoot may be dropped for `dropPenalty`. */
  readonly optional: boolean;
  readonly dropPenalty: number;
  readonly preferencePenalty: number;
  /** Start options inside the window, on which at least one allowed location and every required person is available. */
  readonly starts: readonly StartOption[];
  /** Allowed location indices (allowed list and required features). */
  readonly locations: readonly number[];
  /** Needed roles and counts, sorted by role name. */
  readonly roles: readonly { readonly role: string; readonly count: number }[];
  readonly required: readonly number[];
  readonly preferred: readonly number[];
  readonly equipment: readonly { readonly item: number; readonly units: number }[];
  readonly after: readonly { readonly shoot: number; readonly gapDays: number }[];
}

export interface ModelPerson {
  readonly index: number;
  readonly id: string;
  readonly roles: ReadonlySet<string>;
  readonly dayRate: number;
  readonly hold: boolean;
  /** 1 where the person can work the global slot. */
  readonly available: Uint8Array;
  readonly maxDays: number | null;
  readonly maxConsecutiveDays: number | null;
  /** Days already worked (and paid) by shoots held fixed outside this model; empty for a whole problem. */
  readonly paidDays: ReadonlySet<number>;
}

export interface ModelLocation {
  readonly index: number;
  readonly id: string;
  readonly dayFee: number;
  readonly capacity: number;
  /** 1 where the location can be booked in the global slot. */
  readonly available: Uint8Array;
  /** Shoots held fixed outside this model occupying each global slot; null for a whole problem. */
  readonly load: Int32Array | null;
  /** Days whose fee is already paid by shoots held fixed outside this model. */
  readonly paidDays: ReadonlySet<number>;
}

export interface ModelItem {
  readonly index: number;
  readonly id: string;
  /** Owned units available per working day (0 on maintenance dates). */
  readonly ownedByDay: readonly number[];
  /** Rental price per unit per day in minor units, and the daily cap; cap 0 when not rentable. */
  readonly rentalRate: number;
  readonly rentalCap: number;
  /** Units used in each global slot by shoots held fixed outside this model; null for a whole problem. */
  readonly fixedUse: Int32Array | null;
}

export interface PlanningModel {
  readonly problem: Problem;
  /** Minor digits of the currency (2 for EUR). */
  readonly digits: number;
  /** Working dates, index = working-day index. */
  readonly dates: readonly string[];
  /** Calendar day number (days since 1970-01-01) of each working date, for calendar-day rules. */
  readonly dayNumbers: readonly number[];
  readonly slotsPerDay: number;
  /** Working days times slotsPerDay. */
  readonly slotCount: number;
  readonly shoots: readonly ModelShoot[];
  readonly people: readonly ModelPerson[];
  readonly locations: readonly ModelLocation[];
  readonly items: readonly ModelItem[];
  /** Budget caps in minor units. */
  readonly budgetTotal: number | null;
  readonly budgetProjects: ReadonlyMap<string, number>;
}
