import { countSlots, personCapacity, roleDemand } from "./availability.js";
import type { Calendar } from "./dates.js";
import { ROLES, must, type DayPeriod, type LocationSpec, type PersonSpec, type Placement, type Role, type ShootSpec } from "./model.js";
import type { Random } from "./random.js";
import { GAP_LOAD } from "./tiers.js";

/** Role loads kept up to date as capacities shrink, so each gap can be vetted in O(roles). */
class LoadTracker {
  private readonly demand: Record<Role, number>;
  private readonly capacityByRole: Record<Role, number>;
  private readonly named: number[];

  constructor(shoots: readonly ShootSpec[], private readonly crew: readonly PersonSpec[], private readonly capacity: number[]) {
    this.demand = roleDemand(shoots, crew);
    this.capacityByRole = Object.fromEntries(ROLES.map((r) => [r, crew.reduce((sum, p) => sum + (p.roles.includes(r) ? must(capacity[p.index]) : 0), 0)])) as Record<Role, number>;
    this.named = new Array<number>(crew.length).fill(0);
    for (const s of shoots) for (const p of s.requiredPeople) this.named[p] = must(this.named[p]) + s.durationSlots;
  }

  /** Sets a person's capacity if every role they hold and their named load stay under GAP_LOAD; false (unchanged) otherwise. */
  trySetCapacity(p: number, capacity: number): boolean {
    const person = must(this.crew[p]);
    const delta = capacity - must(this.capacity[p]);
    const ok = person.roles.every((r) => this.demand[r] <= GAP_LOAD * (this.capacityByRole[r] + delta)) && must(this.named[p]) <= GAP_LOAD * capacity;
    if (!ok) return false;
    for (const r of person.roles) this.capacityByRole[r] += delta;
    this.capacity[p] = capacity;
    return true;
  }
}

/** Slots each person works in the witness (1 = busy). */
export function busyMasks(crewCount: number, shoots: readonly ShootSpec[], placements: readonly (Placement | null)[], slotCount: number): Uint8Array[] {
  const busy = Array.from({ length: crewCount }, () => new Uint8Array(slotCount));
  for (const placed of placements) {
    if (placed == null) continue;
    const duration = must(shoots[placed.shoot]).durationSlots;
    for (const { person } of placed.crew) for (let t = placed.start; t < placed.start + duration; t += 1) must(busy[person])[t] = 1;
  }
  return busy;
}

/**
 * Bookings elsewhere (~35 % of people, whole days or a half day, where the witness
 * does not need them) and personal limits (at most N days, at most K consecutive
 * days) that the witness respects. Each is kept only while loads stay under GAP_LOAD.
 */
export function addCrewGaps(crew: PersonSpec[], shoots: readonly ShootSpec[], busy: readonly Uint8Array[], masks: Uint8Array[], calendar: Calendar, random: Random): void {
  const perDay = calendar.slotsPerDay;
  const days = calendar.dates.length;
  const capacity = crew.map((p) => personCapacity(p, must(masks[p.index]), perDay));
  const loads = new LoadTracker(shoots, crew, capacity);
  for (const person of crew) {
    const mask = must(masks[person.index]);
    const work = must(busy[person.index]);
    if (random.chance(0.35)) {
      const blocks = random.int(1, Math.max(1, Math.round(days / 15)));
      for (let b = 0, tries = 0; b < blocks && tries < 6 * blocks; tries += 1) {
        const length = random.chance(0.7) ? random.int(1, 3) : 0;
        const from = random.int(0, days - Math.max(1, length));
        const period: DayPeriod = length === 0 ? { from, to: from, slots: [random.int(0, perDay - 1)] } : { from, to: from + length - 1 };
        const slots = periodSlots(period, perDay);
        if (slots.some((t) => work[t] === 1) || slots.every((t) => mask[t] === 0)) continue;
        const next = Uint8Array.from(mask);
        for (const t of slots) next[t] = 0;
        if (!loads.trySetCapacity(person.index, personCapacity(person, next, perDay))) continue;
        mask.set(next);
        person.unavailable.push(period);
        b += 1;
      }
    }
    addLimits(person, work, mask, calendar, loads, random);
  }
}

function addLimits(person: PersonSpec, work: Uint8Array, mask: Uint8Array, calendar: Calendar, loads: LoadTracker, random: Random): void {
  const perDay = calendar.slotsPerDay;
  const worked: number[] = [];
  calendar.dayNumbers.forEach((_, d) => {
    for (let s = 0; s < perDay; s += 1) if (work[d * perDay + s] === 1) return void worked.push(d);
  });
  if (random.chance(0.12) && person.available === null) {
    const maxDays = Math.max(1, worked.length + random.int(1, 3));
    const capped = Math.min(countSlots(mask), maxDays * perDay);
    if (maxDays < calendar.dates.length * 0.8 && loads.trySetCapacity(person.index, capped)) person.maxDays = maxDays;
  }
  if (random.chance(0.1)) {
    // A run is broken by any calendar day not worked, a weekend or a holiday included.
    let run = 0;
    let longest = 0;
    worked.forEach((d, i) => {
      const previous = worked[i - 1];
      run = previous !== undefined && must(calendar.dayNumbers[d]) === must(calendar.dayNumbers[previous]) + 1 ? run + 1 : 1;
      longest = Math.max(longest, run);
    });
    const limit = Math.max(longest, random.int(3, 4));
    if (limit < 5) person.maxConsecutiveDays = limit;
  }
}

function periodSlots(period: DayPeriod, perDay: number): number[] {
  const slots: number[] = [];
  for (let d = period.from; d <= period.to; d += 1) for (const s of period.slots ?? Array.from({ length: perDay }, (_, k) => k)) slots.push(d * perDay + s);
  return slots;
}

/** Studios booked by other clients on a few days the witness leaves them free (~40 % of studios). */
export function addLocationGaps(locations: LocationSpec[], shoots: readonly ShootSpec[], placements: readonly (Placement | null)[], calendar: Calendar, random: Random): void {
  const perDay = calendar.slotsPerDay;
  const days = calendar.dates.length;
  const usedDays = locations.map(() => new Set<number>());
  for (const placed of placements) {
    if (placed == null) continue;
    const end = placed.start + must(shoots[placed.shoot]).durationSlots;
    for (let t = placed.start; t < end; t += 1) must(usedDays[placed.location]).add(Math.floor(t / perDay));
  }
  for (const location of locations) {
    if (location.outdoor || !random.chance(0.4)) continue;
    const blocks = random.int(1, Math.max(1, Math.round(days / 20)));
    for (let b = 0, tries = 0; b < blocks && tries < 6 * blocks; tries += 1) {
      const length = random.int(1, 3);
      const from = random.int(0, days - length);
      const overlaps = location.unavailable.some((u) => from <= u.to + 1 && u.from <= from + length);
      if (overlaps || Array.from({ length }, (_, k) => from + k).some((d) => must(usedDays[location.index]).has(d))) continue;
      location.unavailable.push({ from, to: from + length - 1 });
      b += 1;
    }
    location.unavailable.sort((a, b) => a.from - b.from);
  }
}
