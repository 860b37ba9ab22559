import { z } from "zod";

/**
 * The planning problem as clients send it. These zod schemas are the single source
 * of input types, of the committed JSON Schema and of the server's request schemas.
 * Semantics: ../../../../../shared/docs/planning-problem.md and docs/problem.md.
 * Every object is strict: an unknown (misspelt) key is an error, never ignored.
 */

/** Identifier of a shoot, person, location or item: letters, digits, `.`, `_`, `-`. */
export const idSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "use letters, digits, '.', '_' or '-', starting with a letter or digit");

/** A calendar date, ISO 8601 `YYYY-MM-DD`, in the horizon's time zone. */
export const isoDateSchema = z.iso.date();

/** A money amount in the problem's currency, as a decimal number (e.g. 1250.5); at most the currency's minor digits. */
export const amountSchema = z.number().finite().nonnegative();

export const weekdaySchema = z.enum(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);

/**
 * A run of dates, optionally only some slots of each: `{ from, to?, slots? }`.
 * `to` defaults to `from` (one date); `slots` are 0-based slot indices within the day,
 * default every slot.
 */
export const periodSchema = z.strictObject({
  from: isoDateSchema,
  to: isoDateSchema.optional(),
  slots: z.array(z.int().nonnegative()).min(1).optional(),
});

/** A run of whole dates `{ from, to? }` (equipment maintenance). */
export const dateRangeSchema = z.strictObject({ from: isoDateSchema, to: isoDateSchema.optional() });

export const horizonSchema = z.strictObject({
  /** First date of the horizon (inclusive). */
  start: isoDateSchema,
  /** Last date of the horizon (inclusive). */
  end: isoDateSchema,
  /** IANA time zone of all dates and wall-clock times, e.g. `Europe/Berlin`. */
  timeZone: z.string().min(1),
  /** Weekdays that are worked. Default Monday to Friday. */
  workingDays: z.array(weekdaySchema).min(1).default(["monday", "tuesday", "wednesday", "thursday", "friday"]),
  /** Dates inside the horizon that are not worked (holidays). Default none. */
  excludedDates: z.array(isoDateSchema).default([]),
  /** Equal slots a working day is cut into: 1 = whole days, 2 = morning/afternoon, 10 = hours. Default 1. */
  slotsPerDay: z.int().min(1).max(48).default(1),
  /** Wall-clock start of the first slot, `HH:MM`. Default `09:00`. */
  dayStart: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use HH:MM, 24-hour").default("09:00"),
  /** Length of one slot in minutes. Default: 600 / slotsPerDay, rounded down (a 10-hour day). */
  slotMinutes: z.int().min(1).max(1440).optional(),
});

export const precedenceSchema = z.strictObject({
  /** The shoot that must come first. */
  shoot: idSchema,
  /**
   * Working days that must lie strictly between the day the first shoot ends and the
   * day this one starts. 0 (default): this shoot may start in any slot after the first ends.
   */
  gapDays: z.int().nonnegative().default(0),
});

export const shootSchema = z.strictObject({
  id: idSchema,
  title: z.string().min(1).max(200),
  /** Client or project the shoot belongs to (budgets and reports). */
  project: z.string().min(1).max(100),
  /** Length in slots. Longer than one day: a whole number of days on consecutive working days. */
  durationSlots: z.int().min(1),
  /** Earliest date the shoot may start. Default: the horizon start. */
  notBefore: isoDateSchema.optional(),
  /** Date by which the shoot must have ended (inclusive). Default: the horizon end. */
  deadline: isoDateSchema.optional(),
  /** Allowed locations. Default: every location that has `requiredFeatures`. */
  locations: z.array(idSchema).min(1).optional(),
  /** Features the location must have, e.g. `cyclorama`, `outdoor`, `daylight`. Default none. */
  requiredFeatures: z.array(z.string().min(1)).default([]),
  /** People needed by role, e.g. `{ "photographer": 1, "assistant": 2 }`. Default none. */
  roles: z.record(z.string().min(1), z.int().min(1)).default({}),
  /** People who must work on this shoot (a model, a named photographer). */
  requiredPeople: z.array(idSchema).default([]),
  /** People the client prefers; each one not assigned costs `preferencePenalty`. */
  preferredPeople: z.array(idSchema).default([]),
  /** Money per preferred person not assigned. Default 0. */
  preferencePenalty: amountSchema.default(0),
  /** Equipment units needed for the whole shoot by item id, e.g. `{ "camera-kit": 1 }`. */
  equipment: z.record(idSchema, z.int().min(1)).default({}),
  /** Shoots this one must follow. */
  after: z.array(precedenceSchema).default([]),
  /** Present when the shoot may be dropped; dropping it costs `penalty`. Absent: mandatory. */
  optional: z.strictObject({ penalty: amountSchema }).optional(),
});

export const crewMemberSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1).max(200),
  /** Roles the person can fill, e.g. `["photographer"]`. May be empty (talent attending by name). */
  roles: z.array(z.string().min(1)).default([]),
  /** Paid once for every paid day, however many shoots that day. */
  dayRate: amountSchema,
  /** `worked`: paid for days worked (default). `hold`: paid for every working day from first to last day worked. */
  billing: z.enum(["worked", "hold"]).default("worked"),
  /** When given, the person is available only in these periods. Default: every working slot. */
  available: z.array(periodSchema).optional(),
  /** Periods the person is not available (applied after `available`). */
  unavailable: z.array(periodSchema).default([]),
  /** At most this many days worked in the horizon. */
  maxDays: z.int().nonnegative().optional(),
  /** At most this many consecutive calendar days worked; any day off (a weekend too) ends a run. */
  maxConsecutiveDays: z.int().min(1).optional(),
});

export const equipmentItemSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1).max(200),
  /** Units owned. */
  owned: z.int().nonnegative(),
  /** Dates on which no owned unit is available (maintenance, lent out). Rentals still are. */
  unavailable: z.array(dateRangeSchema).default([]),
  /** Extra units that can be rented: price per unit per day, at most `maxUnits` per day. Absent: no rental. */
  rental: z.strictObject({ dayRate: amountSchema, maxUnits: z.int().nonnegative() }).optional(),
});

export const locationSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1).max(200),
  features: z.array(z.string().min(1)).default([]),
  /** Paid once for every day the location is used. */
  dayFee: amountSchema,
  /** When given, the location is bookable only in these periods. Default: every working slot. */
  available: z.array(periodSchema).optional(),
  /** Periods the location is not bookable. */
  unavailable: z.array(periodSchema).default([]),
  /** Shoots it can hold at once. Default 1. */
  capacity: z.int().min(1).default(1),
});

export const budgetSchema = z.strictObject({
  /** Hard cap on the total cost. */
  total: amountSchema.optional(),
  /** Hard caps on each named project's cost. */
  projects: z.record(z.string().min(1), amountSchema).default({}),
});

export const problemSchema = z.strictObject({
  /** Optional name, shown in reports. */
  name: z.string().max(200).optional(),
  /** ISO 4217 code of every amount, e.g. `EUR`. Amounts are exact to its minor unit. */
  currency: z.string().regex(/^[A-Z]{3}$/, "use an ISO 4217 code such as EUR"),
  horizon: horizonSchema,
  shoots: z.array(shootSchema),
  crew: z.array(crewMemberSchema),
  equipment: z.array(equipmentItemSchema).default([]),
  locations: z.array(locationSchema),
  budget: budgetSchema.optional(),
});

/** A parsed problem, defaults applied. */
export type Problem = z.output<typeof problemSchema>;
/** A problem as a client may write it (defaults optional). */
export type ProblemInput = z.input<typeof problemSchema>;
export type Shoot = Problem["shoots"][number];
export type CrewMember = Problem["crew"][number];
export type EquipmentItem = Problem["equipment"][number];
export type Location = Problem["locations"][number];
export type Period = z.output<typeof periodSchema>;
export type Weekday = z.output<typeof weekdaySchema>;
