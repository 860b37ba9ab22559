import { ITEMS } from "./catalogue.js";
import type { Calendar } from "./dates.js";
import { must, type DayPeriod, type ItemSpec, type Placement, type ProjectSpec, type ShootSpec } from "./model.js";
import type { Random } from "./random.js";

/**
 * Windows drawn around the witness: a project runs from its kick-off (no later than
 * its first placed shoot) to its delivery deadline (no earlier than its last); a few
 * shoots get a tighter deadline (a teaser needed early) or a later start (samples
 * arriving), still containing their placement.
 */
export function deriveWindows(projects: ProjectSpec[], shoots: ShootSpec[], placements: readonly (Placement | null)[], calendar: Calendar, random: Random): void {
  const perDay = calendar.slotsPerDay;
  const days = calendar.dates.length;
  const span = (p: Placement): [first: number, last: number] => {
    const duration = must(shoots[p.shoot]).durationSlots;
    return [Math.floor(p.start / perDay), Math.floor((p.start + duration - 1) / perDay)];
  };
  for (const project of projects) {
    const placed = shoots.filter((s) => s.project === project.index).map((s) => placements[s.index]).filter((p): p is Placement => p != null);
    const firsts = placed.map((p) => span(p)[0]);
    const lasts = placed.map((p) => span(p)[1]);
    project.notBefore = Math.min(project.focusFrom, ...firsts);
    project.deadline = Math.min(days - 1, Math.max(project.focusTo, ...lasts) + random.int(0, 2));
  }
  for (const shoot of shoots) {
    const project = must(projects[shoot.project]);
    shoot.notBefore = project.notBefore;
    shoot.deadline = project.deadline;
    const placed = placements[shoot.index];
    if (placed == null) continue;
    const [first, last] = span(placed);
    if (random.chance(0.15)) shoot.deadline = Math.min(project.deadline, last + random.int(0, 3));
    if (random.chance(0.1)) shoot.notBefore = Math.max(project.notBefore, first - random.int(0, 3));
  }
}

export interface EquipmentSupply {
  readonly items: ItemSpec[];
  /** Rentals of the witness: units of an item rented on a working day. */
  readonly rentals: { item: string; day: number; units: number }[];
}

/**
 * Equipment supply read off the witness's use: rental-only items (drone, cinema rig)
 * own nothing; scarce kits own 50-80 % of the witness's peak, go into maintenance on a
 * few days, and may rent up to what the witness needs that day (plus at most one);
 * owned-only items own the peak and cannot be rented. The witness then rents exactly
 * the shortfall of each day.
 */
export function deriveEquipment(shoots: readonly ShootSpec[], placements: readonly (Placement | null)[], calendar: Calendar, random: Random): EquipmentSupply {
  const perDay = calendar.slotsPerDay;
  const days = calendar.dates.length;
  const items: ItemSpec[] = [];
  const rentals: { item: string; day: number; units: number }[] = [];
  for (const template of ITEMS) {
    const usage = new Int32Array(calendar.slotCount);
    let maxNeed = 0;
    for (const shoot of shoots) {
      const units = shoot.equipment.find(([item]) => item === template.id)?.[1] ?? 0;
      maxNeed = Math.max(maxNeed, units);
      const placed = placements[shoot.index];
      if (units === 0 || placed == null) continue;
      for (let t = placed.start; t < placed.start + shoot.durationSlots; t += 1) usage[t] = must(usage[t]) + units;
    }
    if (maxNeed === 0) continue;
    const peak = Math.max(maxNeed, ...usage);
    const item: ItemSpec = { id: template.id, name: template.name, supply: template.supply, rentalRate: template.rentalRate, owned: 0, maintenance: [], maxRental: null };
    if (template.supply === "owned-only") item.owned = peak;
    if (template.supply === "scarce") {
      item.owned = Math.max(1, Math.floor(Math.max(...usage) * random.float(0.5, 0.8)));
      item.maintenance = maintenanceSpells(days, random);
    }
    if (template.supply === "owned-only") {
      items.push(item);
      continue;
    }
    let worst = Math.max(1, maxNeed - item.owned);
    for (let d = 0; d < days; d += 1) {
      const available = item.maintenance.some((m) => m.from <= d && d <= m.to) ? 0 : item.owned;
      let dayPeak = 0;
      for (let s = 0; s < perDay; s += 1) dayPeak = Math.max(dayPeak, must(usage[d * perDay + s]));
      const short = dayPeak - available;
      if (short > 0) rentals.push({ item: item.id, day: d, units: short });
      worst = Math.max(worst, short);
    }
    item.maxRental = worst + random.int(0, 1);
    items.push(item);
  }
  return { items, rentals };
}

function maintenanceSpells(days: number, random: Random): DayPeriod[] {
  const spells: DayPeriod[] = [];
  const count = Math.max(1, Math.round(days / 30));
  for (let k = 0; k < count; k += 1) {
    const length = random.int(1, 3);
    const from = random.int(0, days - length);
    if (spells.some((s) => from <= s.to + 1 && s.from <= from + length)) continue;
    spells.push({ from, to: from + length - 1 });
  }
  return spells.sort((a, b) => a.from - b.from);
}
