import type { PlanningModel } from "../model/planning-model.js";
import { holdersByRole } from "../model/role-holders.js";
import { count, during, list, type InfeasibilityReason } from "./infeasibility-reason.js";

/**
 * Shortages over a run of working days (a pigeonhole count): the mandatory shoots whose
 * usable starts all lie within days a..b need more slots of a role, of a required
 * person or units of an item than the days a..b offer. Supply is counted generously (a
 * person with two roles counts for both; day limits cap it), so a shortage found here
 * holds for every plan. Checked for each role, each required person and each item.
 */
export function intervalShortages(model: PlanningModel): InfeasibilityReason[] {
  // Work grows with shoots x windows x holders: beyond this the count is left out.
  if (model.shoots.length > MAX_SHOOTS) return [];
  const spd = model.slotsPerDay;
  const unit = spd === 1 ? "day" : "slot";
  const windows = model.shoots.map((s) => (s.optional || s.starts.length === 0 ? null : { first: s.starts[0]?.firstDay ?? 0, last: Math.max(...s.starts.map((x) => x.lastDay)) }));
  const reasons: InfeasibilityReason[] = [];
  // Available slots before each day, per person: built once, shared by every role and person count.
  const prefixes = model.people.map((p) => prefixByDay(model, p.available));
  const personSupply = (people: readonly number[]) => (a: number, b: number): number =>
    people.reduce((sum, p) => {
      const free = (prefixes[p]?.[b + 1] ?? 0) - (prefixes[p]?.[a] ?? 0);
      const limit = model.people[p]?.maxDays;
      return sum + (limit === null || limit === undefined ? free : Math.min(free, limit * spd));
    }, 0);
  for (const [role, holders] of holdersByRole(model.people)) {
    const demand = model.shoots.map((s) => (s.roles.find((r) => r.role === role)?.count ?? 0) * s.durationSlots);
    const short = firstShortage(windows, demand, personSupply(holders));
    if (short !== null) {
      const ids = short.shoots.map((s) => model.shoots[s]?.id ?? "?");
      reasons.push({
        cause: "role_capacity",
        shoots: ids,
        message: `${during(model, short.first, short.last)}, ${shootsNeed(ids)} ${count(short.demand, `${role} ${unit}`)}; the ${count(holders.length, role)} can work ${short.supply} of them: short by ${count(short.demand - short.supply, unit)}.`,
      });
    }
  }
  for (const person of model.people) {
    const demand = model.shoots.map((s) => (s.required.includes(person.index) ? s.durationSlots : 0));
    if (!demand.some((d) => d > 0)) continue;
    const short = firstShortage(windows, demand, personSupply([person.index]));
    if (short !== null) {
      const ids = short.shoots.map((s) => model.shoots[s]?.id ?? "?");
      reasons.push({
        cause: "person_capacity",
        shoots: ids,
        message: `${during(model, short.first, short.last)}, ${person.id} must be on ${ids.length === 1 ? "shoot" : "shoots"} ${list(ids)} (${count(short.demand, unit)}) but can work ${count(short.supply, unit)}: short by ${count(short.demand - short.supply, unit)}.`,
      });
    }
  }
  for (const item of model.items) {
    const demand = model.shoots.map((s) => (s.equipment.find((e) => e.item === item.index)?.units ?? 0) * s.durationSlots);
    if (!demand.some((d) => d > 0)) continue;
    const perDay = model.dates.map((_, d) => ((item.ownedByDay[d] ?? 0) + item.rentalCap) * spd);
    const prefix = cumulative(perDay);
    const short = firstShortage(windows, demand, (a, b) => (prefix[b + 1] ?? 0) - (prefix[a] ?? 0));
    if (short !== null) {
      const ids = short.shoots.map((s) => model.shoots[s]?.id ?? "?");
      reasons.push({
        cause: "equipment_capacity",
        shoots: ids,
        message: `${during(model, short.first, short.last)}, ${shootsNeed(ids)} ${count(short.demand, `${item.id} unit-${unit}`)}; owned and rentable units give ${short.supply}: short by ${count(short.demand - short.supply, `unit-${unit}`)}.`,
      });
    }
  }
  return reasons;
}

const MAX_SHOOTS = 400;

/** "shoot a needs" or "shoots a and b need". */
function shootsNeed(ids: readonly string[]): string {
  return ids.length === 1 ? `shoot ${ids[0]} needs` : `shoots ${list(ids)} need`;
}

interface Shortage {
  readonly first: number;
  readonly last: number;
  readonly demand: number;
  readonly supply: number;
  readonly shoots: readonly number[];
}

/** The first run of days (by first day, then last) whose contained windows' demand exceeds its supply. */
function firstShortage(windows: readonly ({ first: number; last: number } | null)[], demand: readonly number[], supply: (a: number, b: number) => number): Shortage | null {
  const wanting = windows.flatMap((w, s) => (w !== null && (demand[s] ?? 0) > 0 ? [{ ...w, shoot: s, amount: demand[s] ?? 0 }] : []));
  const firsts = [...new Set(wanting.map((w) => w.first))].sort((x, y) => x - y);
  for (const a of firsts) {
    const inside = wanting.filter((w) => w.first >= a).sort((x, y) => x.last - y.last);
    let total = 0;
    for (let k = 0; k < inside.length; k += 1) {
      const w = inside[k];
      if (w === undefined) continue;
      total += w.amount;
      if (inside[k + 1]?.last === w.last) continue; // add every window ending that day first
      const offered = supply(a, w.last);
      if (total > offered) return { first: a, last: w.last, demand: total, supply: offered, shoots: inside.slice(0, k + 1).map((x) => x.shoot) };
    }
  }
  return null;
}

/** Available slots before each working day: entry d is the count over days 0..d-1. */
function prefixByDay(model: PlanningModel, available: Uint8Array): number[] {
  const perDay = model.dates.map((_, d) => {
    let free = 0;
    for (let k = 0; k < model.slotsPerDay; k += 1) free += available[d * model.slotsPerDay + k] ?? 0;
    return free;
  });
  return cumulative(perDay);
}

function cumulative(values: readonly number[]): number[] {
  const out = [0];
  for (const v of values) out.push((out[out.length - 1] ?? 0) + v);
  return out;
}
