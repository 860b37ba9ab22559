import { startOptions } from "../model/build-planning-model.js";
import type { ModelShoot, PlanningModel, StartOption } from "../model/planning-model.js";
import { holdersByRole } from "../model/role-holders.js";
import { count, list, type InfeasibilityReason } from "./infeasibility-reason.js";

/** Roles named in a crew shortage's sentence; the rest are counted. */
const MIX_SHOWN = 8;

/**
 * What a mandatory shoot lacks on its own, whatever the other shoots do: a start in its
 * window, a location, its required people, enough holders of a role, enough distinct
 * people for all its seats, or enough units of an item (owned plus rentable). `only`:
 * the shoots to look at (default all).
 */
export function shootShortages(model: PlanningModel, only: ReadonlySet<number> | null = null): InfeasibilityReason[] {
  const holders = holdersByRole(model.people);
  return model.shoots
    .filter((shoot) => !shoot.optional && (only === null || only.has(shoot.index)))
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

/**
 * Whether a person can take a seat at this start on their own: available in every slot,
 * a day limit of at least its days, and a consecutive-day limit of at least its longest
 * run of consecutive calendar days.
 */
function canWork(model: PlanningModel, p: number, start: StartOption): boolean {
  const person = model.people[p];
  if (person === undefined || !start.slots.every((t) => person.available[t] === 1)) return false;
  const days = start.lastDay - start.firstDay + 1;
  if (person.maxDays !== null && person.maxDays < days) return false;
  const limit = person.maxConsecutiveDays;
  if (limit === null) return true;
  let run = 1;
  if (run > limit) return false;
  for (let d = start.firstDay + 1; d <= start.lastDay; d += 1) {
    run = (model.dayNumbers[d] ?? 0) - (model.dayNumbers[d - 1] ?? 0) === 1 ? run + 1 : 1;
    if (run > limit) return false;
  }
  return true;
}

function staffingShortages(model: PlanningModel, shoot: ModelShoot, holders: ReadonlyMap<string, readonly number[]>): InfeasibilityReason[] {
  const reasons: InfeasibilityReason[] = [];
  const availableAt = (people: readonly number[], start: StartOption): number[] => people.filter((p) => canWork(model, p, start));
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
          ? `Shoot ${shoot.id} needs ${count(needed, role)}; no ${role} (${ids(all)}) can work any start in its window (availability and day limits): short by ${needed}.`
          : `Shoot ${shoot.id} needs ${count(needed, role)}; at most ${best.length} (${ids(best)}) of the ${count(all.length, role)} can work one start in its window together (availability and day limits): short by ${needed - best.length}.`;
    reasons.push({ cause: "role", shoots: [shoot.id], message });
  }
  if (reasons.length > 0) return reasons;
  // The first roles only: a shoot may list thousands, and an explanation is one sentence.
  const shown = shoot.roles.slice(0, MIX_SHOWN).map(({ role, count: n }) => `${role} ${n}`);
  const mix = shoot.roles.length > MIX_SHOWN ? `${shown.join(", ")} and ${shoot.roles.length - MIX_SHOWN} more roles` : shown.join(", ");
  // Each role alone is covered; one person still takes one seat.
  const seats = shoot.roles.flatMap(({ role, count: n }) => Array.from({ length: n }, () => role));
  // Required people who hold a needed role take one of its seats: all of them at once.
  const forced = shoot.required.filter((p) => shoot.roles.some((r) => model.people[p]?.roles.has(r.role)));
  if (forced.length > 0) {
    const seatedForced = maxMatching(forced.map(String), (p) => seats.flatMap((role, seat) => (model.people[Number(p)]?.roles.has(role) ? [seat] : [])));
    if (seatedForced < forced.length) {
      const ids = forced.map((p) => model.people[p]?.id ?? "?");
      return [
        {
          cause: "crew",
          shoots: [shoot.id],
          message: `Shoot ${shoot.id}: ${list(ids)} must be on it and each takes a seat of a role they hold, but its seats (${mix}) fit at most ${seatedForced} of them: short by ${count(forced.length - seatedForced, "seat")}.`,
        },
      ];
    }
  }
  let most = 0;
  for (const start of shoot.starts) {
    most = Math.max(most, maxMatching(seats, (role) => availableAt(holders.get(role) ?? [], start)));
    if (most === seats.length) return [];
  }
  return [
    {
      cause: "crew",
      shoots: [shoot.id],
      message: `Shoot ${shoot.id} needs ${count(seats.length, "person")} for its roles (${mix}); at most ${most} different people who hold them are available together at any start in its window: short by ${seats.length - most}.`,
    },
  ];
}

/**
 * Size of a largest matching (augmenting paths; both sides are a shoot's few seats or
 * people): each entry of `left` (seats by role, or people by id) to a distinct one of
 * its `candidates` (people, or seat numbers).
 */
function maxMatching(left: readonly string[], candidates: (entry: string) => readonly number[]): number {
  const matchOf = new Map<number, number>();
  const tryAssign = (k: number, visited: Set<number>): boolean => {
    for (const right of candidates(left[k] ?? "")) {
      if (visited.has(right)) continue;
      visited.add(right);
      const other = matchOf.get(right);
      if (other === undefined || tryAssign(other, visited)) {
        matchOf.set(right, k);
        return true;
      }
    }
    return false;
  };
  let matched = 0;
  for (let k = 0; k < left.length; k += 1) if (tryAssign(k, new Set())) matched += 1;
  return matched;
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
