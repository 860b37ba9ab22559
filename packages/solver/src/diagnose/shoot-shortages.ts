import { startOptions } from "../model/build-planning-model.js";
import type { ModelShoot, PlanningModel, StartOption } from "../model/planning-model.js";
import { holdersByRole } from "../model/role-holders.js";
import { count, list, type InfeasibilityReason } from "./infeasibility-reason.js";

/**
 * What a mandatory shoot lacks on its own, whatever the other shoots do: a start in its
 * window, a location, its required people, enough holders of a role, enough distinct
 * people for all its seats, or enough units of an item (owned plus rentable).
 */
export function shootShortages(model: PlanningModel): InfeasibilityReason[] {
  const holders = holdersByRole(model.people);
  return model.shoots
    .filter((shoot) => !shoot.optional)
    .flatMap((shoot) => {
      const placement = placementShortage(model, shoot);
      return placement !== null ? [placement] : [...staffingShortages(model, shoot, holders), ...equipmentShortages(model, shoot)];
    });
}

/** Why a shoot has no usable start (model.ts keeps only starts with a location and every required person available). */
function placementShortage(model: PlanningModel, shoot: ModelShoot): InfeasibilityReason | null {
  if (shoot.starts.length > 0) return null;
  const raw = model.problem.shoots[shoot.index];
  if (raw === undefined) return null;
  const window = `its window (${raw.notBefore ?? model.problem.horizon.start} to ${raw.deadline ?? model.problem.horizon.end})`;
  const reason = (cause: InfeasibilityReason["cause"], message: string): InfeasibilityReason => ({ cause, shoots: [shoot.id], message: `Shoot ${shoot.id}: ${message}.` });
  // Validation rejects windows too short for the shoot (window_too_short), so starts exist.
  const inWindow = startOptions(raw, model.dates, model.slotsPerDay);
  if (shoot.locations.length === 0) {
    const features = raw.requiredFeatures.length === 0 ? "" : ` with ${list(raw.requiredFeatures)}`;
    return reason("location", `no location${features} is allowed for it${raw.locations === undefined ? "" : ` (its list: ${list(raw.locations)})`}`);
  }
  const free = (available: Uint8Array, start: StartOption): boolean => start.slots.every((t) => available[t] === 1);
  const locationIds = shoot.locations.map((l) => model.locations[l]?.id ?? "?");
  if (!inWindow.some((start) => shoot.locations.some((l) => free(model.locations[l]?.available ?? new Uint8Array(), start)))) {
    return reason("location", `none of its locations (${list(locationIds)}) is available at any start in ${window}`);
  }
  for (const p of shoot.required) {
    const person = model.people[p];
    if (person !== undefined && !inWindow.some((start) => free(person.available, start))) {
      return reason("required_person", `${person.id}, who must be on it, is not available at any start in ${window}`);
    }
  }
  const requiredIds = shoot.required.map((p) => model.people[p]?.id ?? "?");
  return reason("no_common_slot", `no start in ${window} has one of its locations (${list(locationIds)}) and ${list(requiredIds)}, who must be on it, available together`);
}

function staffingShortages(model: PlanningModel, shoot: ModelShoot, holders: ReadonlyMap<string, readonly number[]>): InfeasibilityReason[] {
  const reasons: InfeasibilityReason[] = [];
  const availableAt = (people: readonly number[], start: StartOption): number[] => people.filter((p) => start.slots.every((t) => model.people[p]?.available[t] === 1));
  for (const { role, count: needed } of shoot.roles) {
    const all = holders.get(role) ?? [];
    let best: number[] = [];
    for (const start of shoot.starts) {
      const here = availableAt(all, start);
      if (here.length > best.length) best = here;
    }
    if (best.length >= needed) continue;
    const ids = (people: readonly number[]): string => list(people.map((p) => model.people[p]?.id ?? "?"));
    const message =
      all.length === 0
        ? `Shoot ${shoot.id} needs ${count(needed, role)} and nobody on the crew has that role.`
        : best.length === 0
          ? `Shoot ${shoot.id} needs ${count(needed, role)}; no ${role} (${ids(all)}) is available at any start in its window: short by ${needed}.`
          : `Shoot ${shoot.id} needs ${count(needed, role)}; at most ${best.length} (${ids(best)}) of the ${count(all.length, role)} can be there together at any start in its window: short by ${needed - best.length}.`;
    reasons.push({ cause: "role", shoots: [shoot.id], message });
  }
  if (reasons.length > 0) return reasons;
  // Each role alone is covered; one person still takes one seat.
  const seats = shoot.roles.flatMap(({ role, count: n }) => Array.from({ length: n }, () => role));
  let most = 0;
  for (const start of shoot.starts) {
    most = Math.max(most, maxSeated(seats, (role) => availableAt(holders.get(role) ?? [], start)));
    if (most === seats.length) return [];
  }
  const mix = shoot.roles.map(({ role, count: n }) => `${role} ${n}`).join(", ");
  return [
    {
      cause: "crew",
      shoots: [shoot.id],
      message: `Shoot ${shoot.id} needs ${count(seats.length, "person")} for its roles (${mix}); at most ${most} different people who hold them are available together at any start in its window: short by ${seats.length - most}.`,
    },
  ];
}

/** Largest number of seats filled by distinct people (augmenting paths; seats are few). */
function maxSeated(seats: readonly string[], candidates: (role: string) => readonly number[]): number {
  const seatOf = new Map<number, number>();
  const tryAssign = (seat: number, visited: Set<number>): boolean => {
    for (const person of candidates(seats[seat] ?? "")) {
      if (visited.has(person)) continue;
      visited.add(person);
      const other = seatOf.get(person);
      if (other === undefined || tryAssign(other, visited)) {
        seatOf.set(person, seat);
        return true;
      }
    }
    return false;
  };
  let filled = 0;
  for (let seat = 0; seat < seats.length; seat += 1) if (tryAssign(seat, new Set())) filled += 1;
  return filled;
}

function equipmentShortages(model: PlanningModel, shoot: ModelShoot): InfeasibilityReason[] {
  return shoot.equipment.flatMap(({ item: i, units }) => {
    const item = model.items[i];
    if (item === undefined) return [];
    let most = 0;
    let owned = 0;
    for (const start of shoot.starts) {
      let least = Number.POSITIVE_INFINITY;
      for (let d = start.firstDay; d <= start.lastDay; d += 1) least = Math.min(least, (item.ownedByDay[d] ?? 0) + item.rentalCap);
      if (least > most) owned = least - item.rentalCap;
      most = Math.max(most, least);
    }
    if (most >= units) return [];
    const rentable = item.rentalCap === 0 ? "none can be rented" : `at most ${item.rentalCap} rented a day`;
    return [
      {
        cause: "equipment" as const,
        shoots: [shoot.id],
        message: `Shoot ${shoot.id} needs ${count(units, "unit")} of ${item.id}; at any start in its window at most ${most} can be had (${owned} owned, ${rentable}): short by ${units - most}.`,
      },
    ];
  });
}
