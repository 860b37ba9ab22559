import { earliestFollowingStart } from "../model/precedence-time.js";
import type { Placement } from "../model/placement.js";
import type { PlanningModel } from "../model/planning-model.js";

/**
 * What stops the pinned shoots from being kept together when each is still possible on
 * its own (earlier-plan.ts `keptPlacement`): a person in two of them at once or past a
 * day limit, a location over its capacity, an item over what is owned and rentable, or a
 * precedence between two of them broken. Every plan that keeps the pins has all of them
 * as they are, so any of these proves the repair infeasible. Without this a large repair
 * (no whole MILP to prove it) answered `timeout`, saying nothing of the pins.
 * A sentence, or null when the pins fit together.
 */
export function pinConflict(model: PlanningModel, pins: readonly Placement[]): string | null {
  return personConflict(model, pins) ?? locationConflict(model, pins) ?? itemConflict(model, pins) ?? precedenceConflict(model, pins);
}

function shootId(model: PlanningModel, placement: Placement): string {
  return model.shoots[placement.shoot]?.id ?? String(placement.shoot);
}

function personConflict(model: PlanningModel, pins: readonly Placement[]): string | null {
  const busy = new Map<string, Placement>();
  const workedDays = new Map<number, Set<number>>();
  for (const pin of pins) {
    for (const { person } of pin.crew) {
      for (const slot of pin.start.slots) {
        const other = busy.get(`${person}:${slot}`);
        if (other !== undefined && other.shoot !== pin.shoot) return `${model.people[person]?.id ?? person} would be in pinned shoots "${shootId(model, other)}" and "${shootId(model, pin)}" at once`;
        busy.set(`${person}:${slot}`, pin);
      }
      const worked = workedDays.get(person) ?? new Set<number>();
      for (let d = pin.start.firstDay; d <= pin.start.lastDay; d += 1) worked.add(d);
      workedDays.set(person, worked);
    }
  }
  for (const [index, worked] of workedDays) {
    const person = model.people[index];
    if (person === undefined) continue;
    if (person.maxDays !== null && worked.size > person.maxDays) return `${person.id} would work ${days(worked.size)} on the pinned shoots alone, over their limit of ${person.maxDays}`;
    const run = longestRun(model, worked);
    if (person.maxConsecutiveDays !== null && run > person.maxConsecutiveDays) return `${person.id} would work ${run} consecutive days on the pinned shoots alone, over their limit of ${person.maxConsecutiveDays}`;
  }
  return null;
}

const days = (n: number): string => `${n} day${n === 1 ? "" : "s"}`;

/** Longest run of worked days on consecutive calendar days (a weekend between breaks it, as in the MILP's rows). */
function longestRun(model: PlanningModel, worked: ReadonlySet<number>): number {
  const sorted = [...worked].sort((a, b) => a - b);
  let best = 0;
  let run = 0;
  sorted.forEach((day, i) => {
    const previous = sorted[i - 1];
    run = previous !== undefined && (model.dayNumbers[day] ?? 0) - (model.dayNumbers[previous] ?? 0) === 1 ? run + 1 : 1;
    best = Math.max(best, run);
  });
  return best;
}

function locationConflict(model: PlanningModel, pins: readonly Placement[]): string | null {
  const used = new Map<string, number>();
  for (const pin of pins) {
    const location = model.locations[pin.location];
    if (location === undefined) continue;
    for (const slot of pin.start.slots) {
      const count = (used.get(`${pin.location}:${slot}`) ?? 0) + 1;
      used.set(`${pin.location}:${slot}`, count);
      if (count + (location.load?.[slot] ?? 0) > location.capacity) return `location "${location.id}" would hold more pinned shoots at once than its capacity of ${location.capacity} (on ${model.dates[Math.floor(slot / model.slotsPerDay)] ?? "?"})`;
    }
  }
  return null;
}

function itemConflict(model: PlanningModel, pins: readonly Placement[]): string | null {
  const used = new Map<string, number>();
  for (const pin of pins) {
    for (const { item, units } of model.shoots[pin.shoot]?.equipment ?? []) {
      const it = model.items[item];
      if (it === undefined) continue;
      for (const slot of pin.start.slots) {
        const total = (used.get(`${item}:${slot}`) ?? 0) + units;
        used.set(`${item}:${slot}`, total);
        const day = Math.floor(slot / model.slotsPerDay);
        const most = (it.ownedByDay[day] ?? 0) + it.rentalCap - (it.fixedUse?.[slot] ?? 0);
        if (total > most) return `the pinned shoots would use ${total} units of ${it.id} at once on ${model.dates[day] ?? "?"}, more than the ${most} owned and rentable`;
      }
    }
  }
  return null;
}

function precedenceConflict(model: PlanningModel, pins: readonly Placement[]): string | null {
  const byShoot = new Map(pins.map((p) => [p.shoot, p]));
  for (const pin of pins) {
    for (const { shoot: first, gapDays } of model.shoots[pin.shoot]?.after ?? []) {
      const before = byShoot.get(first);
      if (before === undefined || pin.start.slot >= earliestFollowingStart(model, before.start, gapDays)) continue;
      return `pinned shoot "${shootId(model, pin)}" must start after pinned shoot "${shootId(model, before)}" ends${gapDays > 0 ? ` with ${gapDays} working day(s) between` : ""}, and their earlier times do not`;
    }
  }
  return null;
}
