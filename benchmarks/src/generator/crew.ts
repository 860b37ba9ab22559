import { availabilityMask, personCapacity, roleLoads } from "./availability.js";
import { DAY_RATES, FIRST_NAMES, LAST_NAMES, SECOND_ROLES, SPARE_CREW_WEIGHTS } from "./catalogue.js";
import type { Calendar } from "./dates.js";
import { ROLES, must, type DayPeriod, type PersonSpec, type Role, type ShootSpec } from "./model.js";
import type { Random } from "./random.js";
import { EXPECTED_AVAILABILITY, PART_TIME_LOAD, SIZING_LOAD, type TierSpec } from "./tiers.js";

/**
 * How many people of each primary role, so every role carries its demand at about
 * SIZING_LOAD; when the tier's crew is too small for that, extra role needs (a second
 * assistant, make-up on a look) are trimmed from shoots, and failing that the longest
 * shoots are shortened, until it fits.
 */
export function sizeCrew(tier: TierSpec, shoots: ShootSpec[], slotCount: number, random: Random): Record<Role, number> {
  const perPerson = SIZING_LOAD * slotCount * EXPECTED_AVAILABILITY;
  for (;;) {
    const demand = sizingDemand(shoots);
    // Every role some shoot (optional ones too) needs has at least its minimum of holders.
    const needed = (r: Role): boolean => shoots.some((s) => (s.roles[r] ?? 0) > 0 || (r === "model" && s.talent > 0));
    const counts = Object.fromEntries(ROLES.map((r) => [r, needed(r) ? Math.max(minimumOf(r), Math.ceil(demand[r] / perPerson)) : 0])) as Record<Role, number>;
    const total = ROLES.reduce((sum, r) => sum + counts[r], 0);
    if (total <= tier.crew) return addSpare(counts, tier.crew - total);
    const over = [...ROLES].filter((r) => counts[r] > minimumOf(r)).sort((a, b) => counts[b] - minimumOf(b) - (counts[a] - minimumOf(a)) || ROLES.indexOf(a) - ROLES.indexOf(b));
    // Trimming helps a role above its minimum, or a role needed only as an extra (it may vanish).
    const trimmable = [...over, ...ROLES.filter((r) => !over.includes(r))].find((r) =>
      shoots.some((s) => s.extras.includes(r) && s.optionalPenalty === null) && (over.includes(r) || shoots.every((s) => (s.roles[r] ?? 0) === s.extras.filter((e) => e === r).length)));
    if (trimmable !== undefined) trimExtra(random.pick(shoots.filter((s) => s.extras.includes(trimmable) && s.optionalPenalty === null)), trimmable);
    else shortenLongest(shoots, over);
  }
}

function trimExtra(shoot: ShootSpec, role: Role): void {
  shoot.extras.splice(shoot.extras.indexOf(role), 1);
  const left = must(shoot.roles[role]) - 1;
  if (left === 0) delete shoot.roles[role];
  else shoot.roles[role] = left;
}

/** Halves the longest shoot (to whole days while multi-day) needing one of the over-subscribed roles. */
function shortenLongest(shoots: ShootSpec[], over: readonly Role[]): void {
  const longest = shoots
    .filter((s) => s.durationSlots > 1 && s.optionalPenalty === null && over.some((r) => (s.roles[r] ?? 0) > 0))
    .sort((a, b) => b.durationSlots - a.durationSlots || a.index - b.index)[0];
  if (longest === undefined) throw new Error("generator defect: the tier's crew cannot carry its shoots");
  longest.durationSlots = longest.durationSlots > 2 ? longest.durationSlots - 2 : 1;
}

function minimumOf(role: Role): number {
  return role === "photographer" || role === "assistant" ? 2 : 1;
}

/**
 * Role slots plus named talent (one face per talent shoot, two for a fitting) of the
 * mandatory shoots: optional ones are placed only where the crew has room.
 */
function sizingDemand(shoots: readonly ShootSpec[]): Record<Role, number> {
  const demand = Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<Role, number>;
  for (const s of shoots) {
    if (s.optionalPenalty !== null) continue;
    for (const role of ROLES) demand[role] += (s.roles[role] ?? 0) * s.durationSlots;
    demand.model += s.talent * s.durationSlots;
  }
  return demand;
}

function addSpare(counts: Record<Role, number>, spare: number): Record<Role, number> {
  const exact = SPARE_CREW_WEIGHTS.map(([role, w]) => ({ role, x: spare * w }));
  const out = { ...counts };
  let left = spare;
  for (const { role, x } of exact) {
    out[role] += Math.floor(x);
    left -= Math.floor(x);
  }
  const order = [...exact].sort((a, b) => b.x - Math.floor(b.x) - (a.x - Math.floor(a.x)));
  for (let i = 0; left > 0; i += 1, left -= 1) out[must(order[i % order.length]).role] += 1;
  return out;
}

/** People grouped by primary role (scarce roles first), with names, rates and second roles. */
export function createCrew(counts: Record<Role, number>, random: Random): PersonSpec[] {
  const used = new Set<string>();
  const crew: PersonSpec[] = [];
  for (const role of ROLES) {
    for (let k = 0; k < counts[role]; k += 1) {
      let first: string = random.pick(FIRST_NAMES);
      let last: string = random.pick(LAST_NAMES);
      while (used.has(`${first} ${last}`)) {
        first = random.pick(FIRST_NAMES);
        last = random.pick(LAST_NAMES);
      }
      used.add(`${first} ${last}`);
      const [min, max, step] = DAY_RATES[role];
      let dayRate = min + step * random.int(0, Math.floor((max - min) / step));
      // A few star photographers, much dearer than the rest.
      if (role === "photographer" && random.chance(0.15)) dayRate += 50 * random.int(8, 16);
      const roles: Role[] = [role];
      for (const [primary, second, probability] of SECOND_ROLES) if (primary === role && random.chance(probability)) roles.push(second);
      crew.push({
        index: crew.length, id: `${first}-${last}`.toLowerCase(), name: `${first} ${last}`, roles, primaryRole: role, dayRate,
        billing: "worked", available: null, unavailable: [], maxDays: null, maxConsecutiveDays: null,
      });
    }
  }
  return crew;
}

/**
 * Part-timers (~12 % of the crew): mornings only, Monday to Wednesday, joining late or
 * leaving early. A pattern is kept only while every role the person holds stays
 * under PART_TIME_LOAD (with room for later gaps). Returns the availability masks.
 */
export function assignPartTime(crew: PersonSpec[], shoots: readonly ShootSpec[], calendar: Calendar, random: Random): Uint8Array[] {
  const { slotsPerDay } = calendar;
  const days = calendar.dates.length;
  const masks = crew.map((p) => availabilityMask(p.available, p.unavailable, days, slotsPerDay));
  const capacities = crew.map((p) => personCapacity(p, must(masks[p.index]), slotsPerDay));
  for (const person of random.shuffle(crew)) {
    // Talent is booked by the job; their gaps come later, as bookings elsewhere.
    if (!random.chance(0.12) || person.primaryRole === "model") continue;
    if (!enoughFullTime(person, crew, shoots)) continue;
    const pattern = partTimePattern(calendar, random);
    const mask = availabilityMask(pattern, [], days, slotsPerDay);
    const before = must(capacities[person.index]);
    capacities[person.index] = personCapacity(person, mask, slotsPerDay);
    const loads = roleLoads(shoots, crew, capacities);
    if (person.roles.some((r) => loads[r] > PART_TIME_LOAD)) {
      capacities[person.index] = before;
      continue;
    }
    person.available = pattern;
    masks[person.index] = mask;
  }
  return masks;
}

/**
 * Aggregate load is not enough: a full-day shoot needing two assistants needs two
 * assistants free all day. A person may go part-time only while every role they hold
 * keeps more full-time holders than any single shoot needs.
 */
function enoughFullTime(person: PersonSpec, crew: readonly PersonSpec[], shoots: readonly ShootSpec[]): boolean {
  return person.roles.every((role) => {
    const needed = Math.max(0, ...shoots.map((s) => s.roles[role] ?? 0));
    const fullTime = crew.filter((p) => p !== person && p.available === null && p.roles.includes(role)).length;
    return fullTime > needed;
  });
}

function partTimePattern(calendar: Calendar, random: Random): DayPeriod[] {
  const days = calendar.dates.length;
  const kind = random.weighted([["mornings", 3], ["early-week", 3], ["joins", 2], ["leaves", 2]] as const);
  if (kind === "mornings") return [{ from: 0, to: days - 1, slots: [0] }];
  if (kind === "joins") return [{ from: random.int(Math.floor(days * 0.2), Math.floor(days * 0.45)), to: days - 1 }];
  if (kind === "leaves") return [{ from: 0, to: random.int(Math.ceil(days * 0.55), Math.ceil(days * 0.8)) }];
  // Monday to Wednesday of every week: runs of working days whose weekday is 0-2.
  const periods: DayPeriod[] = [];
  calendar.dayNumbers.forEach((day, d) => {
    const weekday = (((day + 3) % 7) + 7) % 7;
    const last = periods[periods.length - 1];
    if (weekday > 2) return;
    if (last !== undefined && last.to === d - 1 && weekday > 0) periods[periods.length - 1] = { from: last.from, to: d };
    else periods.push({ from: d, to: d });
  });
  return periods;
}
