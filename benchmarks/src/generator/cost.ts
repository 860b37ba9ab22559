import { byCodeUnit, must, type ItemSpec, type LocationSpec, type PersonSpec, type Placement, type ShootSpec } from "./model.js";

/** Everything the witness is priced from. Amounts are whole euros here; the cost is in cents. */
export interface CostInput {
  readonly slotsPerDay: number;
  readonly days: number;
  readonly shoots: readonly ShootSpec[];
  readonly crew: readonly PersonSpec[];
  readonly locations: readonly LocationSpec[];
  readonly items: readonly ItemSpec[];
  readonly placements: readonly (Placement | null)[];
  readonly rentals: readonly { item: string; day: number; units: number }[];
}

/**
 * The witness's exact cost in cents, by shoot, following the problem's money rules:
 * every paid unit (a person-day, an idle hold day, a location-day, a rented unit-day)
 * is split over the shoots using it by slots (× units for equipment), largest
 * remainder with ties to the smaller shoot id; penalties belong to their shoot. This
 * is an independent re-implementation; a test compares it with the solver's pricing.
 */
export function witnessCostByShoot(input: CostInput): number[] {
  const byShoot = new Array<number>(input.shoots.length).fill(0);
  const charge = (amount: number, shares: ReadonlyMap<number, number>): void => {
    const ids = [...shares.keys()].sort((a, b) => byCodeUnit(must(input.shoots[a]).id, must(input.shoots[b]).id));
    const parts = splitByLargestRemainder(amount, ids.map((i) => must(shares.get(i))));
    ids.forEach((shoot, k) => (byShoot[shoot] = must(byShoot[shoot]) + must(parts[k])));
  };
  const people = usage(input, (p) => p.crew.map((c) => [c.person, 1] as const));
  for (const [person, days] of people) {
    const spec = must(input.crew[person]);
    for (const shares of days.values()) charge(spec.dayRate * 100, shares);
    if (spec.billing !== "hold") continue;
    const worked = [...days.keys()];
    const idle = Math.max(...worked) - Math.min(...worked) + 1 - worked.length;
    const engagement = new Map<number, number>();
    for (const p of input.placements) if (p != null && p.crew.some((c) => c.person === person)) engagement.set(p.shoot, must(input.shoots[p.shoot]).durationSlots);
    for (let k = 0; k < idle; k += 1) charge(spec.dayRate * 100, engagement);
  }
  for (const [location, days] of usage(input, (p) => [[p.location, 1] as const])) {
    for (const shares of days.values()) charge(must(input.locations[location]).dayFee * 100, shares);
  }
  const itemIndex = new Map(input.items.map((item, i) => [item.id, i]));
  const items = usage(input, (p) => must(input.shoots[p.shoot]).equipment.map(([item, units]) => [must(itemIndex.get(item)), units] as const));
  for (const rental of input.rentals) {
    const i = must(itemIndex.get(rental.item));
    charge(rental.units * must(input.items[i]).rentalRate * 100, must(items.get(i)?.get(rental.day), `users of ${rental.item}`));
  }
  for (const shoot of input.shoots) {
    const placed = input.placements[shoot.index];
    if (placed == null) {
      byShoot[shoot.index] = must(byShoot[shoot.index]) + must(shoot.optionalPenalty ?? undefined, "penalty of a dropped shoot") * 100;
      continue;
    }
    const missing = shoot.preferredPeople.filter((p) => !placed.crew.some((c) => c.person === p)).length;
    byShoot[shoot.index] = must(byShoot[shoot.index]) + missing * shoot.preferencePenalty * 100;
  }
  return byShoot;
}

/** resource → working day → shoot → weight (slots that day × multiplier). */
function usage(input: CostInput, uses: (p: Placement) => readonly (readonly [resource: number, multiplier: number])[]): Map<number, Map<number, Map<number, number>>> {
  const out = new Map<number, Map<number, Map<number, number>>>();
  for (const placed of input.placements) {
    if (placed == null) continue;
    const end = placed.start + must(input.shoots[placed.shoot]).durationSlots;
    for (const [resource, multiplier] of uses(placed)) {
      const days = out.get(resource) ?? new Map<number, Map<number, number>>();
      out.set(resource, days);
      for (let t = placed.start; t < end; t += 1) {
        const day = Math.floor(t / input.slotsPerDay);
        const shares = days.get(day) ?? new Map<number, number>();
        days.set(day, shares);
        shares.set(placed.shoot, (shares.get(placed.shoot) ?? 0) + multiplier);
      }
    }
  }
  return out;
}

/** `total` split in proportion to `weights`: floors, then one unit each to the largest remainders, ties to the earlier weight. */
export function splitByLargestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  const order = weights.map((w, i) => ({ i, rest: (total * w) % sum })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  let left = total - parts.reduce((a, b) => a + b, 0);
  for (const { i } of order) {
    if (left === 0) break;
    parts[i] = must(parts[i]) + 1;
    left -= 1;
  }
  return parts;
}
