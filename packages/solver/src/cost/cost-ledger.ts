import { splitByLargestRemainder, toMajor } from "../domain/money.js";
import type { CostBreakdown, CostCategories } from "../domain/plan-schema.js";
import type { Problem } from "../domain/problem-schema.js";
import { byCodeUnit } from "./plan-placements.js";

/** A cost category of {@link CostCategories}. */
export type CostCategory = keyof CostCategories;

/** A shoot's claim on a paid unit: its weight (slots, or slots × units for equipment). */
export interface Share {
  readonly shoot: string;
  readonly weight: number;
}

/** Who a paid unit is charged to besides its category and shoots. */
export type Payee = { readonly kind: "person" | "location" | "item"; readonly id: string } | null;

/** Running sums in integer minor units; every key of the problem starts at 0. */
export interface Ledger {
  readonly categories: Record<CostCategory, number>;
  readonly byShoot: Map<string, number>;
  readonly byPerson: Map<string, number>;
  readonly byLocation: Map<string, number>;
  readonly byItem: Map<string, number>;
}

/** An empty ledger with a 0 entry for every shoot, person, location and item of the problem. */
export function createLedger(problem: Problem): Ledger {
  const zeros = (ids: readonly { id: string }[]): Map<string, number> => new Map([...ids].map((x) => x.id).sort(byCodeUnit).map((id) => [id, 0]));
  return {
    categories: { crewWorkedDays: 0, crewHoldDays: 0, rentals: 0, locations: 0, droppedShoots: 0, preferences: 0 },
    byShoot: zeros(problem.shoots),
    byPerson: zeros(problem.crew),
    byLocation: zeros(problem.locations),
    byItem: zeros(problem.equipment),
  };
}

/**
 * Charges one paid unit of `amount` minor units: to its category, its payee, and
 * split over `shares` by weight (largest remainder, ties to the smaller shoot id),
 * so the shoots' parts add up to `amount` exactly. Shares of one shoot are merged.
 */
export function charge(ledger: Ledger, amount: number, category: CostCategory, payee: Payee, shares: readonly Share[]): void {
  if (amount === 0) return;
  ledger.categories[category] += amount;
  if (payee !== null) add(payeeMap(ledger, payee.kind), payee.id, amount);
  const merged = new Map<string, number>();
  for (const { shoot, weight } of shares) if (weight > 0) merged.set(shoot, (merged.get(shoot) ?? 0) + weight);
  // Only a problem without any shoot leaves nobody to charge; byShoot then cannot add up anyway.
  if (merged.size === 0) return;
  const ids = [...merged.keys()].sort(byCodeUnit);
  const parts = splitByLargestRemainder(amount, ids.map((id) => merged.get(id) ?? 0));
  ids.forEach((id, i) => add(ledger.byShoot, id, parts[i] ?? 0));
}

/** The ledger as a {@link CostBreakdown} in major units; byProject sums its shoots. */
export function toBreakdown(problem: Problem, ledger: Ledger, digits: number): CostBreakdown {
  const byProject = new Map([...new Set(problem.shoots.map((s) => s.project))].sort(byCodeUnit).map((p) => [p, 0]));
  const projectOf = new Map(problem.shoots.map((s) => [s.id, s.project]));
  for (const [shoot, amount] of ledger.byShoot) {
    const project = projectOf.get(shoot);
    if (project !== undefined) add(byProject, project, amount);
  }
  const major = (map: ReadonlyMap<string, number>): Record<string, number> =>
    Object.fromEntries([...map].sort((a, b) => byCodeUnit(a[0], b[0])).map(([k, v]) => [k, toMajor(v, digits)]));
  const c = ledger.categories;
  const total = c.crewWorkedDays + c.crewHoldDays + c.rentals + c.locations + c.droppedShoots + c.preferences;
  return {
    currency: problem.currency,
    total: toMajor(total, digits),
    byCategory: {
      crewWorkedDays: toMajor(c.crewWorkedDays, digits),
      crewHoldDays: toMajor(c.crewHoldDays, digits),
      rentals: toMajor(c.rentals, digits),
      locations: toMajor(c.locations, digits),
      droppedShoots: toMajor(c.droppedShoots, digits),
      preferences: toMajor(c.preferences, digits),
    },
    byProject: major(byProject),
    byPerson: major(ledger.byPerson),
    byLocation: major(ledger.byLocation),
    byItem: major(ledger.byItem),
    byShoot: major(ledger.byShoot),
  };
}

function payeeMap(ledger: Ledger, kind: "person" | "location" | "item"): Map<string, number> {
  return kind === "person" ? ledger.byPerson : kind === "location" ? ledger.byLocation : ledger.byItem;
}

function add(map: Map<string, number>, key: string, amount: number): void {
  map.set(key, (map.get(key) ?? 0) + amount);
}
