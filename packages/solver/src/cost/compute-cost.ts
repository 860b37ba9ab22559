import { toMinor } from "../domain/money.js";
import type { CostBreakdown, Plan } from "../domain/plan-schema.js";
import type { Problem } from "../domain/problem-schema.js";
import { charge, createLedger, toBreakdown, type Ledger, type Share } from "./cost-ledger.js";
import { indexPlan, type Placement, type PlanIndex } from "./plan-placements.js";

/**
 * Prices a plan exactly as it stands, in integer minor units, and reports the
 * breakdown in major units of the problem's currency. Pure; it never judges the plan
 * (that is `checkPlan`'s job): it prices what the plan says.
 *
 * - Crew: a person's day rate once per date they work at least one slot; a hold-billed
 *   person also for each horizon working date strictly between their first and last
 *   worked date on which they do not work (category `crewHoldDays`).
 * - Locations: the day fee once per date used. Rentals: units × day rate per
 *   `plan.rentals` entry. Dropped optional shoots: their penalty. Each scheduled
 *   shoot: its `preferencePenalty` per preferred person not in its crew.
 * - Splits: a worked day, a location day or a rental entry is split over the shoots
 *   using it that date by slots used that date (× units of the item for rentals); an
 *   idle hold day over every shoot the person works in, by slots worked in each.
 *   Largest remainder, ties to the smaller shoot id. byProject sums its shoots.
 * - Keys: byShoot, byPerson, byLocation and byItem list every shoot, crew member,
 *   location and item of the problem (0 when nothing is charged); byProject every
 *   project of the problem's shoots. Keys are sorted by UTF-16 code units.
 * - byShoot, byProject, byCategory and byPerson + byLocation + byItem + penalties
 *   each add up to `total` exactly, in minor units.
 *
 * Only the first entry of a repeated shoot is priced; entries of unknown shoots and
 * references to unknown people, locations or items are ignored (`checkPlan` reports
 * them and then gives no cost). A rental of an item no shoot uses that date is split
 * over the shoots using that item on any date, else over every scheduled shoot by
 * slots, else equally over every shoot of the problem (with no shoot at all, it is in
 * the total and byItem but in no shoot).
 */
export function computeCost(problem: Problem, plan: Plan): CostBreakdown {
  const index = indexPlan(problem, plan);
  const ledger = createLedger(problem);
  chargeCrew(index, ledger);
  chargeLocations(index, ledger);
  chargeRentals(index, ledger);
  chargePenalties(index, ledger);
  return toBreakdown(problem, ledger, index.digits);
}

function chargeCrew(index: PlanIndex, ledger: Ledger): void {
  const work = usageByDate(index, (p) => p.people.map((person) => [person, 1]));
  for (const [personId, days] of work) {
    const person = index.people.get(personId);
    if (person === undefined) continue;
    const rate = toMinor(person.dayRate, index.digits);
    const payee = { kind: "person", id: personId } as const;
    for (const shares of days.values()) charge(ledger, rate, "crewWorkedDays", payee, shares);
    if (person.billing !== "hold") continue;
    // An idle hold day serves the whole engagement, so every shoot of the person shares it by slots.
    const engagement: Share[] = index.placements
      .filter((p) => p.people.includes(personId))
      .map((p) => ({ shoot: p.shoot.id, weight: p.occupied.length }));
    for (const _idle of idleHoldDates(index, [...days.keys()])) charge(ledger, rate, "crewHoldDays", payee, engagement);
  }
}

/** Working dates strictly between the first and last worked date that are not worked. */
export function idleHoldDates(index: PlanIndex, worked: readonly string[]): string[] {
  if (worked.length === 0) return [];
  const sorted = [...worked].sort();
  const first = sorted[0] ?? "";
  const last = sorted[sorted.length - 1] ?? "";
  const workedSet = new Set(worked);
  return index.workingDates.filter((d) => d > first && d < last && !workedSet.has(d));
}

function chargeLocations(index: PlanIndex, ledger: Ledger): void {
  const use = usageByDate(index, (p) => (index.locations.has(p.entry.location) ? [[p.entry.location, 1]] : []));
  for (const [locationId, days] of use) {
    const fee = toMinor(index.locations.get(locationId)?.dayFee ?? 0, index.digits);
    for (const shares of days.values()) charge(ledger, fee, "locations", { kind: "location", id: locationId }, shares);
  }
}

function chargeRentals(index: PlanIndex, ledger: Ledger): void {
  const use = usageByDate(index, (p) => [...p.units]);
  for (const rental of index.plan.rentals) {
    const item = index.items.get(rental.item);
    if (item === undefined) continue;
    const amount = rental.units * toMinor(item.rental?.dayRate ?? 0, index.digits);
    const sameDay = use.get(rental.item)?.get(rental.date) ?? [];
    charge(ledger, amount, "rentals", { kind: "item", id: item.id }, sameDay.length > 0 ? sameDay : unusedRentalShares(index, rental.item));
  }
}

/** Who pays a rental nobody uses that date: see {@link computeCost}. */
function unusedRentalShares(index: PlanIndex, itemId: string): Share[] {
  const users = index.placements
    .filter((p) => (p.units.get(itemId) ?? 0) > 0)
    .map((p) => ({ shoot: p.shoot.id, weight: p.occupied.length * (p.units.get(itemId) ?? 0) }));
  if (users.some((s) => s.weight > 0)) return users;
  const scheduled = index.placements.map((p) => ({ shoot: p.shoot.id, weight: p.occupied.length }));
  if (scheduled.some((s) => s.weight > 0)) return scheduled;
  return index.problem.shoots.map((s) => ({ shoot: s.id, weight: 1 }));
}

function chargePenalties(index: PlanIndex, ledger: Ledger): void {
  for (const id of index.dropped) {
    const shoot = index.shoots.get(id);
    // A dropped mandatory shoot has no penalty to pay; checkPlan rejects it.
    if (shoot?.optional === undefined) continue;
    charge(ledger, toMinor(shoot.optional.penalty, index.digits), "droppedShoots", null, [{ shoot: id, weight: 1 }]);
  }
  for (const p of index.placements) {
    const assigned = new Set(p.entry.crew.map((c) => c.person));
    const missing = p.shoot.preferredPeople.filter((id) => !assigned.has(id)).length;
    const amount = missing * toMinor(p.shoot.preferencePenalty, index.digits);
    charge(ledger, amount, "preferences", null, [{ shoot: p.shoot.id, weight: 1 }]);
  }
}

/**
 * For each resource (person, location or item) and date, the shoots using it that
 * date with weight = slots occupied that date × the multiplier `uses` gives
 * (1 for people and locations, units for items).
 */
function usageByDate(
  index: PlanIndex,
  uses: (p: Placement) => readonly (readonly [resource: string, multiplier: number])[],
): Map<string, Map<string, Share[]>> {
  const usage = new Map<string, Map<string, Share[]>>();
  for (const placement of index.placements) {
    for (const [resource, multiplier] of uses(placement)) {
      const days = usage.get(resource) ?? new Map<string, Share[]>();
      usage.set(resource, days);
      for (const [date, slots] of placement.slotsByDate) {
        const shares = days.get(date) ?? [];
        days.set(date, shares);
        shares.push({ shoot: placement.shoot.id, weight: slots * multiplier });
      }
    }
  }
  return usage;
}
