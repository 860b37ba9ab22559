import type { Problem } from "../../../packages/solver/src/domain/problem-schema.js";
import type { Witness, WitnessShoot } from "../../src/generate-instance.js";

/**
 * An independent check of a witness against a parsed problem: it reads only the
 * problem (defaults applied) and the witness, none of the generator's internals, and
 * returns one sentence per broken hard rule (empty = the witness is a valid plan).
 * Money is checked against the witness's stated project costs, which a separate test
 * compares with the solver's own pricing.
 */
export function checkWitness(problem: Problem, witness: Witness): string[] {
  const errors: string[] = [];
  const ctx = calendarOf(problem);
  const shoots = new Map(problem.shoots.map((s) => [s.id, s]));
  const seen = new Set<string>();
  for (const id of [...witness.shoots.map((w) => w.shoot), ...witness.dropped]) {
    if (seen.has(id)) errors.push(`${id}: listed twice`);
    seen.add(id);
    if (!shoots.has(id)) errors.push(`${id}: no such shoot`);
  }
  for (const s of problem.shoots) if (!seen.has(s.id)) errors.push(`${s.id}: neither placed nor dropped`);
  for (const id of witness.dropped) if (shoots.get(id)?.optional === undefined) errors.push(`${id}: mandatory but dropped`);
  const placed = new Map<string, { first: number; end: number; days: number[] }>();
  const personSlots = new Map<string, Set<number>>();
  const locationSlots = new Map<string, Map<number, number>>();
  const itemSlots = new Map<string, Map<number, number>>();
  for (const w of witness.shoots) {
    const shoot = shoots.get(w.shoot);
    if (shoot === undefined) continue;
    const span = checkTiming(problem, ctx, shoot, w, errors);
    if (span === null) continue;
    placed.set(w.shoot, span);
    checkLocation(problem, ctx, shoot, w, span, locationSlots, errors);
    checkCrew(problem, ctx, shoot, w, span, personSlots, errors);
    if (JSON.stringify(w.equipment.map((e) => [e.item, e.units])) !== JSON.stringify(Object.entries(shoot.equipment))) errors.push(`${w.shoot}: equipment differs from the shoot's`);
    for (const { item, units } of w.equipment) for (let t = span.first; t < span.end; t += 1) add(itemSlots, item, t, units);
  }
  checkPrecedence(problem, placed, ctx.perDay, errors);
  checkPeopleLimits(problem, ctx, personSlots, errors);
  checkEquipment(problem, ctx, witness, itemSlots, errors);
  for (const [project, cap] of Object.entries(problem.budget?.projects ?? {})) {
    const cost = witness.cost.byProject[project] ?? 0;
    if (cost > cap) errors.push(`project ${project}: witness cost ${cost} over cap ${cap}`);
  }
  return errors;
}

interface Calendar {
  readonly dates: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly perDay: number;
}

function calendarOf(problem: Problem): Calendar {
  const { horizon } = problem;
  const names = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
  const dates: string[] = [];
  for (let ms = Date.parse(`${horizon.start}T00:00:00Z`); ms <= Date.parse(`${horizon.end}T00:00:00Z`); ms += 86_400_000) {
    const date = new Date(ms).toISOString().slice(0, 10);
    const weekday = names[new Date(ms).getUTCDay()] as (typeof horizon.workingDays)[number];
    if (horizon.workingDays.includes(weekday) && !horizon.excludedDates.includes(date)) dates.push(date);
  }
  return { dates, index: new Map(dates.map((d, i) => [d, i])), perDay: horizon.slotsPerDay };
}

type Periods = readonly { from: string; to?: string | undefined; slots?: readonly number[] | undefined }[];

/** Is global slot `t` inside one of the periods? */
function inPeriods(periods: Periods, ctx: Calendar, t: number): boolean {
  const date = ctx.dates[Math.floor(t / ctx.perDay)] ?? "";
  const slot = t % ctx.perDay;
  return periods.some((p) => p.from <= date && date <= (p.to ?? p.from) && (p.slots === undefined || p.slots.includes(slot)));
}

function bookable(available: Periods | undefined, unavailable: Periods, ctx: Calendar, t: number): boolean {
  return (available === undefined || inPeriods(available, ctx, t)) && !inPeriods(unavailable, ctx, t);
}

function checkTiming(problem: Problem, ctx: Calendar, shoot: Problem["shoots"][number], w: WitnessShoot, errors: string[]): { first: number; end: number; days: number[] } | null {
  const days = w.days.map((d) => ctx.index.get(d) ?? -1);
  const perDay = ctx.perDay;
  if (days.some((d) => d < 0) || w.date !== w.days[0]) return errors.push(`${w.shoot}: not on working dates`), null;
  if (days.some((d, i) => i > 0 && d !== (days[i - 1] ?? 0) + 1)) errors.push(`${w.shoot}: days are not consecutive working days`);
  if (w.durationSlots !== shoot.durationSlots) errors.push(`${w.shoot}: duration ${w.durationSlots}, shoot says ${shoot.durationSlots}`);
  const single = shoot.durationSlots <= perDay;
  if (single ? days.length !== 1 || w.firstSlot + shoot.durationSlots > perDay : w.firstSlot !== 0 || days.length * perDay !== shoot.durationSlots) {
    errors.push(`${w.shoot}: slots do not fit its days`);
  }
  const firstDate = w.days[0] ?? "";
  const lastDate = w.days[w.days.length - 1] ?? "";
  if (firstDate < (shoot.notBefore ?? problem.horizon.start)) errors.push(`${w.shoot}: starts ${firstDate} before ${shoot.notBefore}`);
  if (lastDate > (shoot.deadline ?? problem.horizon.end)) errors.push(`${w.shoot}: ends ${lastDate} after its deadline ${shoot.deadline}`);
  const first = (days[0] ?? 0) * perDay + w.firstSlot;
  return { first, end: first + shoot.durationSlots, days };
}

function checkLocation(problem: Problem, ctx: Calendar, shoot: Problem["shoots"][number], w: WitnessShoot, span: { first: number; end: number }, use: Map<string, Map<number, number>>, errors: string[]): void {
  const location = problem.locations.find((l) => l.id === w.location);
  if (location === undefined) return void errors.push(`${w.shoot}: unknown location ${w.location}`);
  if (shoot.locations !== undefined && !shoot.locations.includes(location.id)) errors.push(`${w.shoot}: ${location.id} is not an allowed location`);
  for (const f of shoot.requiredFeatures) if (!location.features.includes(f)) errors.push(`${w.shoot}: ${location.id} lacks ${f}`);
  for (let t = span.first; t < span.end; t += 1) {
    if (!bookable(location.available, location.unavailable, ctx, t)) errors.push(`${w.shoot}: ${location.id} not bookable in slot ${t}`);
    if (add(use, location.id, t, 1) > location.capacity) errors.push(`${w.shoot}: ${location.id} over capacity in slot ${t}`);
  }
}

function checkCrew(problem: Problem, ctx: Calendar, shoot: Problem["shoots"][number], w: WitnessShoot, span: { first: number; end: number }, busy: Map<string, Set<number>>, errors: string[]): void {
  const filled = new Map<string, number>();
  const named = new Set([...shoot.requiredPeople, ...shoot.preferredPeople]);
  const onShoot = new Set<string>();
  for (const { person: id, role } of w.crew) {
    const person = problem.crew.find((c) => c.id === id);
    if (person === undefined) {
      errors.push(`${w.shoot}: unknown person ${id}`);
      continue;
    }
    if (onShoot.has(id)) errors.push(`${w.shoot}: ${id} listed twice`);
    onShoot.add(id);
    if (role === null) {
      if (!named.has(id)) errors.push(`${w.shoot}: ${id} has no role and is not named`);
      if (person.roles.some((r) => (shoot.roles[r] ?? 0) > 0)) errors.push(`${w.shoot}: ${id} holds a needed role but fills none`);
    } else {
      if (!person.roles.includes(role)) errors.push(`${w.shoot}: ${id} cannot be ${role}`);
      filled.set(role, (filled.get(role) ?? 0) + 1);
    }
    const slots = busy.get(id) ?? new Set<number>();
    busy.set(id, slots);
    for (let t = span.first; t < span.end; t += 1) {
      if (!bookable(person.available, person.unavailable, ctx, t)) errors.push(`${w.shoot}: ${id} unavailable in slot ${t}`);
      if (slots.has(t)) errors.push(`${w.shoot}: ${id} double-booked in slot ${t}`);
      slots.add(t);
    }
  }
  for (const role of new Set([...Object.keys(shoot.roles), ...filled.keys()])) {
    if ((filled.get(role) ?? 0) !== (shoot.roles[role] ?? 0)) errors.push(`${w.shoot}: ${filled.get(role) ?? 0} ${role}(s), needs ${shoot.roles[role] ?? 0}`);
  }
  for (const id of shoot.requiredPeople) if (!onShoot.has(id)) errors.push(`${w.shoot}: required ${id} missing`);
}

function checkPrecedence(problem: Problem, placed: ReadonlyMap<string, { first: number; end: number; days: number[] }>, perDay: number, errors: string[]): void {
  for (const shoot of problem.shoots) {
    const me = placed.get(shoot.id);
    for (const rule of shoot.after) {
      const before = placed.get(rule.shoot);
      if (me === undefined || before === undefined) continue;
      const lastDay = before.days[before.days.length - 1] ?? 0;
      const ok = rule.gapDays === 0 ? me.first >= before.end : Math.floor(me.first / perDay) >= lastDay + rule.gapDays + 1;
      if (!ok) errors.push(`${shoot.id}: starts too soon after ${rule.shoot} (gap ${rule.gapDays})`);
    }
  }
}

function checkPeopleLimits(problem: Problem, ctx: Calendar, busy: ReadonlyMap<string, Set<number>>, errors: string[]): void {
  for (const person of problem.crew) {
    const days = [...new Set([...(busy.get(person.id) ?? [])].map((t) => Math.floor(t / ctx.perDay)))].sort((a, b) => a - b);
    if (person.maxDays !== undefined && days.length > person.maxDays) errors.push(`${person.id}: works ${days.length} days, max ${person.maxDays}`);
    if (person.maxConsecutiveDays === undefined) continue;
    let run = 0;
    let previous = Number.NaN;
    for (const d of days) {
      const ms = Date.parse(`${ctx.dates[d]}T00:00:00Z`);
      run = ms - previous === 86_400_000 ? run + 1 : 1;
      previous = ms;
      if (run > person.maxConsecutiveDays) errors.push(`${person.id}: ${run} consecutive days, max ${person.maxConsecutiveDays}`);
    }
  }
}

function checkEquipment(problem: Problem, ctx: Calendar, witness: Witness, use: ReadonlyMap<string, Map<number, number>>, errors: string[]): void {
  const rented = new Map(witness.rentals.map((r) => [`${r.item}@${r.date}`, r.units]));
  for (const r of witness.rentals) {
    const item = problem.equipment.find((e) => e.id === r.item);
    if (item?.rental === undefined || r.units > item.rental.maxUnits) errors.push(`${r.item}: ${r.units} rented on ${r.date}, beyond what can be rented`);
  }
  for (const [id, slots] of use) {
    const item = problem.equipment.find((e) => e.id === id);
    if (item === undefined) {
      errors.push(`unknown item ${id}`);
      continue;
    }
    for (const [t, units] of slots) {
      const date = ctx.dates[Math.floor(t / ctx.perDay)] ?? "";
      const maintained = item.unavailable.some((u) => u.from <= date && date <= (u.to ?? u.from));
      const supply = (maintained ? 0 : item.owned) + (rented.get(`${id}@${date}`) ?? 0);
      if (units > supply) errors.push(`${id}: ${units} in use in slot ${t}, ${supply} available`);
    }
  }
}

function add(map: Map<string, Map<number, number>>, key: string, t: number, amount: number): number {
  const slots = map.get(key) ?? new Map<number, number>();
  map.set(key, slots);
  const value = (slots.get(t) ?? 0) + amount;
  slots.set(t, value);
  return value;
}
