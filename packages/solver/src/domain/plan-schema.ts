import { z } from "zod";
import { amountSchema, idSchema, isoDateSchema } from "./problem-schema.js";
import { MAX_HORIZON_DAYS } from "./validate-problem.js";

/**
 * A plan: what the solver returns and what `check` verifies. Also accepted from
 * clients (a hand-edited plan to check), so it is a zod schema like the problem.
 */

/** One person on one shoot. `role` is null for a required or preferred person who attends in addition to the role counts (talent, a client). */
export const crewAssignmentSchema = z.strictObject({
  person: idSchema,
  role: z.string().min(1).nullable(),
});

export const scheduledShootSchema = z.strictObject({
  shoot: idSchema,
  location: idSchema,
  /**
   * Working dates the shoot occupies, in order: one date, or consecutive working dates for
   * a multi-day shoot. At most as many as a horizon may have: a hand-edited plan with
   * 70 000 dates held the service's thread for over a second in `check`.
   */
  days: z.array(isoDateSchema).min(1).max(MAX_HORIZON_DAYS),
  /** 0-based slot of the first date at which it starts (0 for a multi-day shoot). */
  firstSlot: z.int().nonnegative(),
  /** Length in slots (equals the shoot's `durationSlots`). */
  durationSlots: z.int().min(1),
  /** Wall-clock start with UTC offset, e.g. `2026-03-02T09:00:00+01:00` (informative; derived from the calendar). */
  start: z.string(),
  /** Wall-clock end with UTC offset (end of the last slot). */
  end: z.string(),
  crew: z.array(crewAssignmentSchema),
  /** Units of each item used for the whole shoot. */
  /**
   * Units of each item used for the whole shoot; `rentedUnits` of them come from the
   * day's rentals (informative: in each slot the owned units serve the earlier-starting
   * shoots first, ties by shoot id; `rentals` is what is booked and paid).
   */
  equipment: z.array(z.strictObject({ item: idSchema, units: z.int().min(1), rentedUnits: z.int().nonnegative().optional() })),
});

/** Units of an item rented on one date (paid per unit per day). */
export const rentalSchema = z.strictObject({
  item: idSchema,
  date: isoDateSchema,
  units: z.int().min(1),
});

/** Money by category; amounts in the problem's currency, exact to the cent. */
export const costCategoriesSchema = z.strictObject({
  /** Day rates for days worked. */
  crewWorkedDays: amountSchema,
  /** Day rates for idle days of hold-billed people between their first and last day worked. */
  crewHoldDays: amountSchema,
  /** Rented units times their day rate. */
  rentals: amountSchema,
  /** Location day fees. */
  locations: amountSchema,
  /** Penalties of dropped optional shoots. */
  droppedShoots: amountSchema,
  /** Penalties for preferred people not assigned. */
  preferences: amountSchema,
});

export const costBreakdownSchema = z.strictObject({
  currency: z.string(),
  total: amountSchema,
  byCategory: costCategoriesSchema,
  /** Project costs; shared paid units split by slots (largest remainder, ties by shoot id). Adds up to `total`. */
  byProject: z.record(z.string(), amountSchema),
  /** Crew cost by person (worked and hold days). */
  byPerson: z.record(z.string(), amountSchema),
  /** Day fees by location. */
  byLocation: z.record(z.string(), amountSchema),
  /** Rental cost by item. */
  byItem: z.record(z.string(), amountSchema),
  /** Cost attributed to each shoot (same split as projects); adds up to `total`. */
  byShoot: z.record(z.string(), amountSchema),
});

export const planSchema = z.strictObject({
  shoots: z.array(scheduledShootSchema),
  /** Optional shoots left out; their penalties are paid. */
  dropped: z.array(idSchema),
  rentals: z.array(rentalSchema),
  /** The plan's cost as its producer computed it; `check` recomputes and compares. Optional in a hand-edited plan. */
  cost: costBreakdownSchema.optional(),
});

export type Plan = z.output<typeof planSchema>;
export type ScheduledShoot = Plan["shoots"][number];
export type CrewAssignment = z.output<typeof crewAssignmentSchema>;
export type Rental = z.output<typeof rentalSchema>;
export type CostBreakdown = z.output<typeof costBreakdownSchema>;
export type CostCategories = z.output<typeof costCategoriesSchema>;
