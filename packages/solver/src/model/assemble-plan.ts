import { clockMinutes, localDateTime, slotLengthMinutes } from "../domain/calendar.js";
import type { Plan, Rental, ScheduledShoot } from "../domain/plan-schema.js";
import type { Placement } from "./placement.js";
import type { PlanningModel } from "./planning-model.js";


/**
 * Turns decided placements into a Plan (without its cost): dates, wall-clock times,
 * crew, equipment, and the fewest rentals that cover each day's peak use.
 */
export function assemblePlan(model: PlanningModel, placements: readonly Placement[]): Omit<Plan, "cost"> {
  const placed = new Set(placements.map((p) => p.shoot));
  const ordered = [...placements].sort((a, b) => a.start.slot - b.start.slot || idOf(model, a.shoot).localeCompare(idOf(model, b.shoot)));
  const rented = rentedUnitsByShoot(model, ordered);
  return {
    shoots: ordered.map((p) => {
      const entry = scheduledShoot(model, p);
      return { ...entry, equipment: entry.equipment.map((e, i) => ({ ...e, rentedUnits: rented.get(p.shoot)?.[i] ?? 0 })) };
    }),
    dropped: model.shoots.filter((s) => !placed.has(s.index)).map((s) => s.id),
    rentals: rentalsNeeded(model, placements),
  };
}

function idOf(model: PlanningModel, shoot: number): string {
  return model.shoots[shoot]?.id ?? "";
}

function scheduledShoot(model: PlanningModel, placement: Placement): ScheduledShoot {
  const shoot = model.shoots[placement.shoot];
  if (shoot === undefined) throw new RangeError(`no shoot ${placement.shoot}`);
  const { horizon } = model.problem;
  const slotMinutes = slotLengthMinutes(horizon);
  const dayStart = clockMinutes(horizon.dayStart);
  const { start } = placement;
  const days = model.dates.slice(start.firstDay, start.lastDay + 1);
  const lastSlotOfLastDay = ((start.slots[start.slots.length - 1] ?? 0) % model.slotsPerDay) + 1;
  return {
    shoot: shoot.id,
    location: model.locations[placement.location]?.id ?? "",
    days,
    firstSlot: start.firstSlot,
    durationSlots: shoot.durationSlots,
    start: localDateTime(days[0] ?? "", dayStart + start.firstSlot * slotMinutes, horizon.timeZone),
    end: localDateTime(days[days.length - 1] ?? "", dayStart + lastSlotOfLastDay * slotMinutes, horizon.timeZone),
    crew: [...placement.crew]
      .sort((a, b) => (a.role ?? "~").localeCompare(b.role ?? "~") || (model.people[a.person]?.id ?? "").localeCompare(model.people[b.person]?.id ?? ""))
      .map((c) => ({ person: model.people[c.person]?.id ?? "", role: c.role })),
    equipment: shoot.equipment.map((e) => ({ item: model.items[e.item]?.id ?? "", units: e.units })),
  };
}

/**
 * For each shoot and each of its items, the units served by rentals: in every slot the
 * owned units go to shoots in plan order (earliest start, then id); a shoot's rented
 * units are its largest shortfall over its slots.
 */
function rentedUnitsByShoot(model: PlanningModel, ordered: readonly Placement[]): Map<number, number[]> {
  const rented = new Map<number, number[]>();
  const ownedLeft = new Map<string, number>();
  for (const p of ordered) {
    const needs = model.shoots[p.shoot]?.equipment ?? [];
    rented.set(
      p.shoot,
      needs.map(({ item, units }) => {
        let short = 0;
        for (const slot of p.start.slots) {
          const key = `${item}#${slot}`;
          const left = ownedLeft.get(key) ?? (model.items[item]?.ownedByDay[Math.floor(slot / model.slotsPerDay)] ?? 0);
          ownedLeft.set(key, Math.max(0, left - units));
          short = Math.max(short, units - Math.min(units, left));
        }
        return short;
      }),
    );
  }
  return rented;
}

/** Per item and day: peak units in use in any slot minus owned units available, when positive. */
function rentalsNeeded(model: PlanningModel, placements: readonly Placement[]): Rental[] {
  const rentals: Rental[] = [];
  for (const item of model.items) {
    const use = new Map<number, number>();
    for (const p of placements) {
      const units = model.shoots[p.shoot]?.equipment.find((e) => e.item === item.index)?.units ?? 0;
      if (units > 0) for (const slot of p.start.slots) use.set(slot, (use.get(slot) ?? 0) + units);
    }
    const peakByDay = new Map<number, number>();
    for (const [slot, units] of use) {
      const day = Math.floor(slot / model.slotsPerDay);
      peakByDay.set(day, Math.max(peakByDay.get(day) ?? 0, units));
    }
    for (const [day, peak] of [...peakByDay].sort((a, b) => a[0] - b[0])) {
      const short = peak - (item.ownedByDay[day] ?? 0);
      if (short > 0) rentals.push({ item: item.id, date: model.dates[day] ?? "", units: short });
    }
  }
  return rentals;
}
