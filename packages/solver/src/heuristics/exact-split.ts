import { splitByLargestRemainder } from "../domain/money.js";
import type { Placement } from "../model/placement.js";
import { slotsOnDay, type ScheduleState } from "./schedule-state.js";

/**
 * Exact cost of each project of the state's placements, in minor units, by the
 * contract's split (the one `computeCost` applies): every paid person day, location
 * day and rental day is split over the shoots using it that day by slots (× units for
 * items), every idle hold day over all the person's shoots by slots, by largest
 * remainder with ties to the smaller shoot id; penalties belong to their shoot. Used
 * for the final word on budget caps without leaving the heuristics' dependencies.
 * Days paid by shoots held outside the model are not in it.
 */
export function exactProjectCosts(state: ScheduleState): Map<string, number> {
  const { model, days, spd } = state;
  const byShoot = new Float64Array(model.shoots.length);
  const placed = state.placed.filter((p): p is Placement => p !== null);
  const idOf = (s: number): string => model.shoots[s]?.id ?? "";
  const charge = (amount: number, shares: Map<number, number>): void => {
    if (amount === 0 || shares.size === 0) return;
    const ids = [...shares.keys()].sort((a, b) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
    const parts = splitByLargestRemainder(amount, ids.map((s) => shares.get(s) ?? 0));
    ids.forEach((s, i) => {
      byShoot[s] = (byShoot[s] ?? 0) + (parts[i] ?? 0);
    });
  };
  const addShare = (table: Map<number, Map<number, number>>, key: number, shoot: number, weight: number): void => {
    if (weight <= 0) return;
    let shares = table.get(key);
    if (shares === undefined) {
      shares = new Map();
      table.set(key, shares);
    }
    shares.set(shoot, (shares.get(shoot) ?? 0) + weight);
  };
  const personDays = new Map<number, Map<number, number>>();
  const engagement = new Map<number, Map<number, number>>();
  const locationDays = new Map<number, Map<number, number>>();
  const itemDays = new Map<number, Map<number, number>>();
  for (const p of placed) {
    const shoot = model.shoots[p.shoot];
    if (shoot === undefined) continue;
    const { start } = p;
    for (let d = start.firstDay; d <= start.lastDay; d += 1) {
      const n = slotsOnDay(start, d, spd);
      for (const { person } of p.crew) addShare(personDays, person * days + d, p.shoot, n);
      addShare(locationDays, p.location * days + d, p.shoot, n);
      for (const { item, units } of shoot.equipment) addShare(itemDays, item * days + d, p.shoot, n * units);
    }
    for (const { person } of p.crew) addShare(engagement, person, p.shoot, start.slots.length);
    for (const s of shoot.preferred) if (!p.crew.some((c) => c.person === s)) byShoot[p.shoot] = (byShoot[p.shoot] ?? 0) + shoot.preferencePenalty;
  }
  for (const [key, shares] of personDays) charge(model.people[Math.floor(key / days)]?.dayRate ?? 0, shares);
  for (const [person, shares] of engagement) {
    const p = model.people[person];
    if (p === undefined || !p.hold) continue;
    const first = state.spanFirst[person] ?? -1;
    const idle = first < 0 ? 0 : (state.spanLast[person] ?? 0) - first + 1 - (state.workedDays[person] ?? 0);
    for (let k = 0; k < idle; k += 1) charge(p.dayRate, shares);
  }
  for (const [key, shares] of locationDays) charge(model.locations[Math.floor(key / days)]?.dayFee ?? 0, shares);
  for (const [key, shares] of itemDays) {
    const item = model.items[Math.floor(key / days)];
    if (item !== undefined) charge((state.rented[key] ?? 0) * item.rentalRate, shares);
  }
  for (const shoot of model.shoots) if (shoot.optional && state.placed[shoot.index] === null) byShoot[shoot.index] = (byShoot[shoot.index] ?? 0) + shoot.dropPenalty;
  const byProject = new Map<string, number>();
  for (const shoot of model.shoots) byProject.set(shoot.project, (byProject.get(shoot.project) ?? 0) + (byShoot[shoot.index] ?? 0));
  return byProject;
}
