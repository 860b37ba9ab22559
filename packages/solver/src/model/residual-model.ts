import type { Placement } from "./placement.js";
import type { ModelItem, ModelLocation, ModelPerson, ModelShoot, PlanningModel, StartOption } from "./planning-model.js";
import { earliestFollowingStart } from "./precedence-time.js";

/**
 * The part of a problem left to decide when some shoots are held as they are: the
 * basis of large-neighbourhood search. Held shoots disappear from the model, and what
 * they use becomes data: their people's slots are taken and their days already paid,
 * locations carry their load and paid days, items their units in use, and precedence
 * with a held shoot narrows the free shoot's start options. Budgets are left to the
 * caller, which re-checks every assembled plan with the independent checker.
 */
export interface ResidualModel {
  readonly model: PlanningModel;
  /** Original shoot index of each shoot of the residual model. */
  readonly original: readonly number[];
}

export function residualModel(model: PlanningModel, placements: readonly Placement[], free: ReadonlySet<number>): ResidualModel {
  const held = placements.filter((p) => !free.has(p.shoot));
  const people = model.people.map((person) => holdPerson(model, person, held));
  const locations = model.locations.map((location) => holdLocation(model, location, held));
  const items = model.items.map((item) => holdItem(model, item, held));
  const original = model.shoots.filter((s) => free.has(s.index)).map((s) => s.index);
  const residualIndex = new Map(original.map((o, i) => [o, i]));
  const heldStart = new Map(held.map((p) => [p.shoot, p.start]));
  const shoots = original.map((o, index): ModelShoot => {
    const shoot = model.shoots[o] as ModelShoot;
    const allowed = (start: StartOption): boolean =>
      shoot.locations.some((l) => start.slots.every((t) => locations[l]?.available[t] === 1)) &&
      shoot.required.every((p) => start.slots.every((t) => people[p]?.available[t] === 1)) &&
      followsHeld(model, shoot, start, heldStart) &&
      precedesHeld(model, shoot.index, start, heldStart);
    return {
      ...shoot,
      index,
      starts: shoot.starts.filter(allowed),
      after: shoot.after.flatMap((a) => {
        const i = residualIndex.get(a.shoot);
        return i === undefined ? [] : [{ shoot: i, gapDays: a.gapDays }];
      }),
    };
  });
  return { model: { ...model, shoots, people, locations, items, budgetTotal: null, budgetProjects: new Map() }, original };
}

/** A free shoot must start after every held shoot it follows. */
function followsHeld(model: PlanningModel, shoot: ModelShoot, start: StartOption, heldStart: ReadonlyMap<number, StartOption>): boolean {
  return shoot.after.every((a) => {
    const first = heldStart.get(a.shoot);
    return first === undefined || start.slot >= earliestFollowingStart(model, first, a.gapDays);
  });
}

/** A free shoot must end early enough for every held shoot that follows it. */
function precedesHeld(model: PlanningModel, shoot: number, start: StartOption, heldStart: ReadonlyMap<number, StartOption>): boolean {
  return model.shoots.every((other) => {
    const second = heldStart.get(other.index);
    if (second === undefined) return true;
    return other.after.every((a) => a.shoot !== shoot || second.slot >= earliestFollowingStart(model, start, a.gapDays));
  });
}

function holdPerson(model: PlanningModel, person: ModelPerson, held: readonly Placement[]): ModelPerson {
  const mine = held.filter((p) => p.crew.some((c) => c.person === person.index));
  if (mine.length === 0) return person;
  const available = person.available.slice();
  const paidDays = new Set(person.paidDays);
  for (const p of mine) {
    for (const t of p.start.slots) available[t] = 0;
    for (let d = p.start.firstDay; d <= p.start.lastDay; d += 1) paidDays.add(d);
  }
  return { ...person, available, paidDays };
}

function holdLocation(model: PlanningModel, location: ModelLocation, held: readonly Placement[]): ModelLocation {
  const mine = held.filter((p) => p.location === location.index);
  if (mine.length === 0) return location;
  const load = location.load?.slice() ?? new Int32Array(model.slotCount);
  const available = location.available.slice();
  const paidDays = new Set(location.paidDays);
  for (const p of mine) {
    for (const t of p.start.slots) {
      load[t] = (load[t] ?? 0) + 1;
      if ((load[t] ?? 0) >= location.capacity) available[t] = 0;
    }
    for (let d = p.start.firstDay; d <= p.start.lastDay; d += 1) paidDays.add(d);
  }
  return { ...location, load, available, paidDays };
}

function holdItem(model: PlanningModel, item: ModelItem, held: readonly Placement[]): ModelItem {
  let fixedUse: Int32Array | null = item.fixedUse;
  for (const p of held) {
    const units = model.shoots[p.shoot]?.equipment.find((e) => e.item === item.index)?.units ?? 0;
    if (units === 0) continue;
    fixedUse ??= new Int32Array(model.slotCount);
    if (fixedUse === item.fixedUse) fixedUse = fixedUse.slice();
    for (const t of p.start.slots) fixedUse[t] = (fixedUse[t] ?? 0) + units;
  }
  return fixedUse === item.fixedUse ? item : { ...item, fixedUse };
}
