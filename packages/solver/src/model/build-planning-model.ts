import { dateToDayNumber, periodSlotKeys, slotKey, workingDates } from "../domain/calendar.js";
import { minorDigits, toMinor } from "../domain/money.js";
import type { Location, Problem, Shoot } from "../domain/problem-schema.js";
import type { ModelItem, ModelLocation, ModelPerson, ModelShoot, PlanningModel, StartOption } from "./planning-model.js";

/** Normalises a parsed, validated problem: indices, minor units, slot availability, start options. */
export function buildPlanningModel(problem: Problem): PlanningModel {
  const digits = minorDigits(problem.currency);
  const dates = workingDates(problem.horizon);
  const slotsPerDay = problem.horizon.slotsPerDay;
  const calendar = { dates, slotsPerDay };
  const people = problem.crew.map((c, index): ModelPerson => ({
    index,
    id: c.id,
    roles: new Set(c.roles),
    dayRate: toMinor(c.dayRate, digits),
    hold: c.billing === "hold",
    available: availabilityMask(calendar, c.available, c.unavailable),
    maxDays: c.maxDays ?? null,
    maxConsecutiveDays: c.maxConsecutiveDays ?? null,
    paidDays: new Set<number>(),
  }));
  const locations = problem.locations.map((l, index): ModelLocation => ({
    index,
    id: l.id,
    dayFee: toMinor(l.dayFee, digits),
    capacity: l.capacity,
    available: availabilityMask(calendar, l.available, l.unavailable),
    load: null,
    paidDays: new Set<number>(),
  }));
  const items = problem.equipment.map((e, index): ModelItem => {
    const down = periodSlotKeys(e.unavailable, 1);
    return {
      index,
      id: e.id,
      ownedByDay: dates.map((d) => (down.has(slotKey(d, 0)) ? 0 : e.owned)),
      rentalRate: toMinor(e.rental?.dayRate ?? 0, digits),
      rentalCap: e.rental?.maxUnits ?? 0,
      fixedUse: null,
    };
  });
  const ids = {
    person: new Map(people.map((p) => [p.id, p.index])),
    item: new Map(items.map((i) => [i.id, i.index])),
    shoot: new Map(problem.shoots.map((s, i) => [s.id, i])),
  };
  const shoots = problem.shoots.map((shoot, index) =>
    buildShoot(shoot, index, { problem, dates, slotsPerDay, digits, people, locations, ids }),
  );
  return {
    problem,
    digits,
    dates,
    dayNumbers: dates.map(dateToDayNumber),
    slotsPerDay,
    slotCount: dates.length * slotsPerDay,
    shoots,
    people,
    locations,
    items,
    budgetTotal: problem.budget?.total === undefined ? null : toMinor(problem.budget.total, digits),
    budgetProjects: new Map(Object.entries(problem.budget?.projects ?? {}).map(([p, cap]) => [p, toMinor(cap, digits)])),
  };
}

interface ShootContext {
  readonly problem: Problem;
  readonly dates: readonly string[];
  readonly slotsPerDay: number;
  readonly digits: number;
  readonly people: readonly ModelPerson[];
  readonly locations: readonly ModelLocation[];
  readonly ids: { person: Map<string, number>; item: Map<string, number>; shoot: Map<string, number> };
}

function buildShoot(shoot: Shoot, index: number, ctx: ShootContext): ModelShoot {
  const lookup = (map: Map<string, number>, id: string): number => map.get(id) ?? -1;
  const locations = allowedLocations(shoot, ctx.problem.locations);
  const required = shoot.requiredPeople.map((id) => lookup(ctx.ids.person, id));
  const usable = (start: StartOption): boolean =>
    locations.some((l) => start.slots.every((t) => ctx.locations[l]?.available[t] === 1)) &&
    required.every((p) => start.slots.every((t) => ctx.people[p]?.available[t] === 1));
  return {
    index,
    id: shoot.id,
    project: shoot.project,
    durationSlots: shoot.durationSlots,
    optional: shoot.optional !== undefined,
    dropPenalty: toMinor(shoot.optional?.penalty ?? 0, ctx.digits),
    preferencePenalty: toMinor(shoot.preferencePenalty, ctx.digits),
    starts: startOptions(shoot, ctx.dates, ctx.slotsPerDay).filter(usable),
    locations,
    roles: Object.entries(shoot.roles)
      .map(([role, count]) => ({ role, count }))
      .sort((a, b) => (a.role < b.role ? -1 : 1)),
    required,
    preferred: shoot.preferredPeople.map((id) => lookup(ctx.ids.person, id)),
    equipment: Object.entries(shoot.equipment).map(([id, units]) => ({ item: lookup(ctx.ids.item, id), units })),
    after: shoot.after.map((p) => ({ shoot: lookup(ctx.ids.shoot, p.shoot), gapDays: p.gapDays })),
  };
}

/** Locations in the allowed list (or all) that have every required feature, by index. */
function allowedLocations(shoot: Shoot, locations: readonly Location[]): number[] {
  const allowed = shoot.locations === undefined ? null : new Set(shoot.locations);
  return locations.flatMap((l, i) =>
    (allowed === null || allowed.has(l.id)) && shoot.requiredFeatures.every((f) => l.features.includes(f)) ? [i] : [],
  );
}

/** Every placement inside the shoot's window: within one day, or whole consecutive working days. */
export function startOptions(shoot: Shoot, dates: readonly string[], slotsPerDay: number): StartOption[] {
  const from = shoot.notBefore ?? "";
  const to = shoot.deadline ?? "9999-12-31";
  const options: StartOption[] = [];
  const days = Math.ceil(shoot.durationSlots / slotsPerDay);
  const lastFirstSlot = shoot.durationSlots > slotsPerDay ? 0 : slotsPerDay - shoot.durationSlots;
  for (let firstDay = 0; firstDay + days <= dates.length; firstDay += 1) {
    const lastDay = firstDay + days - 1;
    if ((dates[firstDay] ?? "") < from || (dates[lastDay] ?? "") > to) continue;
    for (let firstSlot = 0; firstSlot <= lastFirstSlot; firstSlot += 1) {
      const slot = firstDay * slotsPerDay + firstSlot;
      const slots = Array.from({ length: shoot.durationSlots }, (_, k) => slot + k);
      options.push({ slot, firstDay, lastDay, firstSlot, slots });
    }
  }
  return options;
}

/** 1 for every global slot inside `available` (default all) and outside `unavailable`. */
function availabilityMask(
  calendar: { dates: readonly string[]; slotsPerDay: number },
  available: Problem["crew"][number]["available"],
  unavailable: Problem["crew"][number]["unavailable"],
): Uint8Array {
  const { dates, slotsPerDay } = calendar;
  const only = available === undefined ? null : periodSlotKeys(available, slotsPerDay);
  const off = periodSlotKeys(unavailable, slotsPerDay);
  const mask = new Uint8Array(dates.length * slotsPerDay);
  dates.forEach((date, day) => {
    for (let s = 0; s < slotsPerDay; s += 1) {
      const key = slotKey(date, s);
      mask[day * slotsPerDay + s] = (only === null || only.has(key)) && !off.has(key) ? 1 : 0;
    }
  });
  return mask;
}
