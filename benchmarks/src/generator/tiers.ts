/** Benchmark tier: the size class of a generated instance. */
export type Tier = "S" | "M" | "L" | "XL";

export const TIER_NAMES: readonly Tier[] = ["S", "M", "L", "XL"];

export interface TierSpec {
  /** Exact counts of the generated problem. */
  readonly shoots: number;
  readonly crew: number;
  readonly locations: number;
  /** Working days of the horizon (Monday to Friday, holidays excluded). */
  readonly days: number;
  /** Projects (clients) the shoots are grouped into. */
  readonly projects: number;
  /** How many of the locations are outdoor (capacity 2-3, permit windows). */
  readonly outdoor: number;
  /** Weekday holidays inside the horizon. */
  readonly holidays: number;
  /** At most this many multi-day shoots (null = as drawn). */
  readonly maxMultiDay: number | null;
  /** Longest shoot in slots. */
  readonly maxDurationSlots: number;
}

export const TIERS: Readonly<Record<Tier, TierSpec>> = {
  S: { shoots: 12, crew: 10, locations: 4, days: 10, projects: 3, outdoor: 1, holidays: 1, maxMultiDay: 1, maxDurationSlots: 4 },
  M: { shoots: 60, crew: 30, locations: 8, days: 30, projects: 7, outdoor: 2, holidays: 1, maxMultiDay: null, maxDurationSlots: 6 },
  L: { shoots: 250, crew: 80, locations: 15, days: 60, projects: 20, outdoor: 3, holidays: 2, maxMultiDay: null, maxDurationSlots: 6 },
  XL: { shoots: 1000, crew: 250, locations: 40, days: 120, projects: 72, outdoor: 6, holidays: 4, maxMultiDay: null, maxDurationSlots: 6 },
};

/** Slots per working day: morning and afternoon. */
export const SLOTS_PER_DAY = 2;

/**
 * Load targets: required person-slots of a role over the available slots of the
 * people holding it. Crew is sized for SIZING_LOAD, part-time patterns are kept only
 * while the load stays under PART_TIME_LOAD, bookings elsewhere and day limits only
 * while it stays under GAP_LOAD; the tests assert every role ends under 0.5.
 */
export const SIZING_LOAD = 0.45;
export const PART_TIME_LOAD = 0.42;
export const GAP_LOAD = 0.46;
/** Expected share of a person's slots that stays available, used when sizing the crew. */
export const EXPECTED_AVAILABILITY = 0.9;
