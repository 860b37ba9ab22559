import type { Calendar } from "./dates.js";
import { ROLES, must, type LocationSpec, type PersonSpec, type Placement, type ProjectSpec, type Role, type ShootSpec } from "./model.js";

/** Everything the witness placement reads. Masks are 1 where a person or location is bookable. */
export interface PlacementInput {
  readonly calendar: Calendar;
  readonly projects: readonly ProjectSpec[];
  readonly shoots: ShootSpec[];
  readonly crew: readonly PersonSpec[];
  readonly locations: readonly LocationSpec[];
  /** Allowed location indexes per shoot. */
  readonly allowed: readonly (readonly number[])[];
  readonly personMasks: readonly Uint8Array[];
  readonly locationMasks: readonly Uint8Array[];
}

/** Occupancy of the plan built so far. */
export interface Grid {
  readonly slotsPerDay: number;
  readonly days: number;
  readonly slots: number;
  readonly personBusy: Uint8Array;
  readonly personDay: Uint8Array;
  readonly first: Int32Array;
  readonly last: Int32Array;
  readonly locationUse: Uint8Array;
  readonly locationDay: Uint16Array;
  /** People holding each role. */
  readonly holders: ReadonlyMap<Role, readonly PersonSpec[]>;
  /** Slots each person is still required on by name in shoots not yet placed. */
  readonly pendingNamed: Int32Array;
  /** Shoots that must follow each shoot, with their gaps. */
  readonly successors: readonly (readonly { shoot: number; gapDays: number }[])[];
}

export interface Option {
  readonly start: number;
  readonly location: number;
  readonly crew: { person: number; role: Role | null }[];
  readonly cost: number;
}

/** Takes a committed placement back out of the grid. */
export function uncommit(grid: Grid, shoot: ShootSpec, placement: Placement): void {
  const end = placement.start + shoot.durationSlots;
  const d0 = Math.floor(placement.start / grid.slotsPerDay);
  const d1 = Math.floor((end - 1) / grid.slotsPerDay);
  for (const { person: p } of placement.crew) {
    for (let t = placement.start; t < end; t += 1) grid.personBusy[p * grid.slots + t] = 0;
    for (let d = d0; d <= d1; d += 1) grid.personDay[p * grid.days + d] = must(grid.personDay[p * grid.days + d]) - 1;
    // The hold span shrinks back to the days still worked.
    let first = -1;
    let last = -1;
    for (let d = 0; d < grid.days; d += 1) {
      if (grid.personDay[p * grid.days + d] === 0) continue;
      if (first < 0) first = d;
      last = d;
    }
    grid.first[p] = first;
    grid.last[p] = last;
  }
  const l = placement.location;
  for (let t = placement.start; t < end; t += 1) grid.locationUse[l * grid.slots + t] = must(grid.locationUse[l * grid.slots + t]) - 1;
  for (let d = d0; d <= d1; d += 1) grid.locationDay[l * grid.days + d] = must(grid.locationDay[l * grid.days + d]) - 1;
}


export function personFree(input: PlacementInput, grid: Grid, p: number, start: number, end: number): boolean {
  const mask = must(input.personMasks[p]);
  for (let t = start; t < end; t += 1) if (mask[t] !== 1 || grid.personBusy[p * grid.slots + t] === 1) return false;
  return true;
}

/** What adding days d0..d1 costs: new worked days, or for hold billing the growth of the first-to-last span. */
export function personCost(grid: Grid, person: PersonSpec, d0: number, d1: number): number {
  const p = person.index;
  if (person.billing === "hold") {
    const first = must(grid.first[p]);
    const last = must(grid.last[p]);
    const span = first < 0 ? 0 : last - first + 1;
    return person.dayRate * (Math.max(last, d1) - (first < 0 ? d0 : Math.min(first, d0)) + 1 - span);
  }
  let cost = 0;
  for (let d = d0; d <= d1; d += 1) if (grid.personDay[p * grid.days + d] === 0) cost += person.dayRate;
  return cost;
}

export function commit(grid: Grid, shoot: ShootSpec, option: Option): Placement {
  const end = option.start + shoot.durationSlots;
  const d0 = Math.floor(option.start / grid.slotsPerDay);
  const d1 = Math.floor((end - 1) / grid.slotsPerDay);
  for (const { person: p } of option.crew) {
    for (let t = option.start; t < end; t += 1) grid.personBusy[p * grid.slots + t] = 1;
    for (let d = d0; d <= d1; d += 1) grid.personDay[p * grid.days + d] = must(grid.personDay[p * grid.days + d]) + 1;
    grid.first[p] = grid.first[p] === -1 ? d0 : Math.min(must(grid.first[p]), d0);
    grid.last[p] = Math.max(must(grid.last[p]), d1);
  }
  const l = option.location;
  for (let t = option.start; t < end; t += 1) grid.locationUse[l * grid.slots + t] = must(grid.locationUse[l * grid.slots + t]) + 1;
  for (let d = d0; d <= d1; d += 1) grid.locationDay[l * grid.days + d] = must(grid.locationDay[l * grid.days + d]) + 1;
  return { shoot: shoot.index, start: option.start, location: l, crew: option.crew };
}

/** An empty grid for the input. */
export function createGrid(input: PlacementInput): Grid {
  const { calendar, crew, locations, shoots } = input;
  const days = calendar.dates.length;
  const slots = calendar.slotCount;
  return {
    slotsPerDay: calendar.slotsPerDay, days, slots,
    personBusy: new Uint8Array(crew.length * slots), personDay: new Uint8Array(crew.length * days),
    first: new Int32Array(crew.length).fill(-1), last: new Int32Array(crew.length).fill(-1),
    locationUse: new Uint8Array(locations.length * slots), locationDay: new Uint16Array(locations.length * days),
    holders: new Map(ROLES.map((r) => [r, crew.filter((p) => p.roles.includes(r))])),
    pendingNamed: new Int32Array(crew.length),
    successors: shoots.map((s) => shoots.flatMap((next) => next.after.filter((a) => a.shoot === s.index).map((a) => ({ shoot: next.index, gapDays: a.gapDays })))),
  };
}
