import { ROLES, must, type DayPeriod, type PersonSpec, type Role, type ShootSpec } from "./model.js";

/** Slot masks (1 = available) over the `days * slotsPerDay` global slots. */

export function periodMask(periods: readonly DayPeriod[], days: number, slotsPerDay: number, value: 0 | 1, into?: Uint8Array): Uint8Array {
  const mask = into ?? new Uint8Array(days * slotsPerDay).fill(value === 1 ? 0 : 1);
  for (const period of periods) {
    for (let d = Math.max(0, period.from); d <= Math.min(days - 1, period.to); d += 1) {
      const slots = period.slots ?? Array.from({ length: slotsPerDay }, (_, s) => s);
      for (const s of slots) mask[d * slotsPerDay + s] = value;
    }
  }
  return mask;
}

/** A person's or location's bookable slots: `available` (default all) minus `unavailable`. */
export function availabilityMask(available: readonly DayPeriod[] | null, unavailable: readonly DayPeriod[], days: number, slotsPerDay: number): Uint8Array {
  const mask = available === null ? new Uint8Array(days * slotsPerDay).fill(1) : periodMask(available, days, slotsPerDay, 1);
  return periodMask(unavailable, days, slotsPerDay, 0, mask);
}

export function countSlots(mask: Uint8Array): number {
  let n = 0;
  for (const v of mask) n += v;
  return n;
}

/** Slots a person can work: available slots, capped by `maxDays` whole days. */
export function personCapacity(person: PersonSpec, mask: Uint8Array, slotsPerDay: number): number {
  const slots = countSlots(mask);
  return person.maxDays === null ? slots : Math.min(slots, person.maxDays * slotsPerDay);
}

/**
 * Required person-slots by role: role counts × duration, plus each required person
 * who fills none of the shoot's roles (talent) counted under their primary role.
 */
export function roleDemand(shoots: readonly ShootSpec[], crew: readonly PersonSpec[]): Record<Role, number> {
  const demand = Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<Role, number>;
  for (const shoot of shoots) {
    for (const role of ROLES) demand[role] += (shoot.roles[role] ?? 0) * shoot.durationSlots;
    for (const p of shoot.requiredPeople) {
      const person = must(crew[p], "person");
      if (!person.roles.some((r) => (shoot.roles[r] ?? 0) > 0)) demand[person.primaryRole] += shoot.durationSlots;
    }
  }
  return demand;
}

/** Demand over the summed capacity of everyone holding the role (0 when nobody needs it). */
export function roleLoads(shoots: readonly ShootSpec[], crew: readonly PersonSpec[], capacities: readonly number[]): Record<Role, number> {
  const demand = roleDemand(shoots, crew);
  const loads = Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<Role, number>;
  for (const role of ROLES) {
    const capacity = crew.reduce((sum, p) => sum + (p.roles.includes(role) ? must(capacities[p.index]) : 0), 0);
    loads[role] = demand[role] === 0 ? 0 : capacity === 0 ? Number.POSITIVE_INFINITY : demand[role] / capacity;
  }
  return loads;
}

/** Slots each person is required (by name) on, over their capacity. */
export function namedLoads(shoots: readonly ShootSpec[], crew: readonly PersonSpec[], capacities: readonly number[]): number[] {
  const required = new Array<number>(crew.length).fill(0);
  for (const shoot of shoots) for (const p of shoot.requiredPeople) required[p] = must(required[p]) + shoot.durationSlots;
  return required.map((slots, p) => (slots === 0 ? 0 : slots / Math.max(1, must(capacities[p]))));
}
