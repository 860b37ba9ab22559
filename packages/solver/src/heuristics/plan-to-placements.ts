import type { Plan } from "../domain/plan-schema.js";
import type { PlanningModel, StartOption } from "../model/planning-model.js";
import type { Placement } from "../model/placement.js";

/**
 * Maps a plan back to placements by index, the inverse of `assemblePlan` (rentals
 * follow from the placements). The start is the shoot's own start option when the
 * plan uses one; otherwise (the option was filtered out, e.g. a person became
 * unavailable since) an equivalent option is built from the plan's days, so an
 * earlier plan can still be represented. Throws a RangeError for a shoot, location,
 * person or date the model does not know, or a second entry of one shoot.
 */
export function placementsFromPlan(model: PlanningModel, plan: Pick<Plan, "shoots">): Placement[] {
  const shootIndex = new Map(model.shoots.map((s) => [s.id, s.index]));
  const locationIndex = new Map(model.locations.map((l) => [l.id, l.index]));
  const personIndex = new Map(model.people.map((p) => [p.id, p.index]));
  const dayIndex = new Map(model.dates.map((d, i) => [d, i]));
  const seen = new Set<number>();
  const placements = plan.shoots.map((entry): Placement => {
    const s = lookup(shootIndex, entry.shoot, "shoot");
    if (seen.has(s)) throw new RangeError(`shoot "${entry.shoot}" is scheduled twice`);
    seen.add(s);
    const shoot = model.shoots[s];
    if (shoot === undefined) throw new RangeError(`no shoot ${s}`);
    const firstDay = lookup(dayIndex, entry.days[0] ?? "", "working date");
    const slot = firstDay * model.slotsPerDay + entry.firstSlot;
    const start = shoot.starts.find((o) => o.slot === slot) ?? buildStart(model, slot, firstDay, entry.firstSlot, shoot.durationSlots);
    return {
      shoot: s,
      start,
      location: lookup(locationIndex, entry.location, "location"),
      crew: entry.crew.map((c) => ({ person: lookup(personIndex, c.person, "person"), role: c.role })),
    };
  });
  return placements.sort((a, b) => a.shoot - b.shoot);
}

function lookup(map: ReadonlyMap<string, number>, id: string, what: string): number {
  const index = map.get(id);
  if (index === undefined) throw new RangeError(`unknown ${what} "${id}"`);
  return index;
}

function buildStart(model: PlanningModel, slot: number, firstDay: number, firstSlot: number, durationSlots: number): StartOption {
  const slots = Array.from({ length: durationSlots }, (_, k) => slot + k);
  const lastDay = Math.floor((slot + durationSlots - 1) / model.slotsPerDay);
  if (firstSlot >= model.slotsPerDay || lastDay >= model.dates.length) throw new RangeError(`start slot ${slot} of ${durationSlots} slots does not fit the horizon`);
  return { slot, firstDay, lastDay, firstSlot, slots };
}
