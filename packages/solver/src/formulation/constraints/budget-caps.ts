import type { ModelShoot } from "../../model/planning-model.js";
import type { MilpTerm } from "../milp-model.js";
import { term } from "../milp-builder.js";
import type { FormulationContext } from "../formulation-context.js";
import { dayName } from "../formulation-context.js";

/**
 * Rule "a budget cap is hard". The total cap bounds the objective exactly. A project's
 * cost splits shared units across projects, which is not linear; we bound it from
 * above instead (conservative, as the contract allows): the project is charged the
 * full price of every person-day, location-day and rented-unit-day it touches, and of
 * every idle hold day of a hold-billed person who works for it at all.
 */
export function budgetCaps(ctx: FormulationContext, objective: readonly MilpTerm[], constant: number, projects: "conservative" | "relaxed" | "relaxed-tight" | "none"): void {
  const { model, builder } = ctx;
  if (model.budgetTotal !== null) builder.row("budget[total]", objective, { upper: model.budgetTotal - constant });
  if (projects === "none") return;
  if (projects === "relaxed" || projects === "relaxed-tight") {
    relaxedProjectCaps(ctx, projects === "relaxed-tight");
    return;
  }
  if (model.budgetProjects.size > 0) worksOnlyWhenBusy(ctx);
  for (const [project, cap] of model.budgetProjects) {
    const shoots = model.shoots.filter((s) => s.project === project);
    const terms = [...penaltyTerms(ctx, shoots), ...crewTerms(ctx, project, shoots), ...locationTerms(ctx, project, shoots), ...rentalTerms(ctx, project, shoots)];
    builder.row(`budget[project=${project}]`, terms, { upper: cap });
  }
}

/**
 * A valid relaxation of the project caps: every plan within the real caps satisfies
 * these rows, so bounds and infeasibility proofs of the relaxed model hold for the real
 * problem. A project's exact cost is at least its penalties plus, for every person-day
 * and location-day it uses, a share no smaller than (`relaxed`) the first or
 * (`relaxed-tight`) both of:
 *
 * - proportional: price × (its slots that day) / (the most slots that can split the day:
 *   slotsPerDay, times the capacity for a location), rounded down to the cent per day;
 * - alone or shared: the whole price when nobody else uses the unit that day, less
 *   (price / 2 + cents) per slot other projects use it. The exact share is
 *   price × b / (b + o) for b slots of the project and o of others, at least
 *   price × (1 − o / 2) whenever b + o ≥ 2, and largest-remainder rounding takes less
 *   than a cent off each of the project's shoots there (at most `cents` of them).
 *
 * The second is what makes the relaxation see a lone half day: the proportional share
 * alone charged a morning shoot half the day where the plan pays all of it, so the
 * relaxed optimum broke real caps, and the capped proof excluded such plans one at a
 * time (a 3-shoot problem took 8 s to prove infeasible). With `tight` also: rented
 * units of a day that only the project's shoots use are all its own (rentalShares);
 * else rentals, like idle hold days, count as at least 0. The tight rows cost time
 * where the caps do not bind (the generated S instances' proofs took 5-9 s longer), so
 * the capped proof adds them only once the plain relaxation's optimum breaks a cap.
 */
function relaxedProjectCaps(ctx: FormulationContext, tight: boolean): void {
  const { model, builder } = ctx;
  for (const [project, cap] of model.budgetProjects) {
    const shoots = model.shoots.filter((s) => s.project === project);
    const terms = [...penaltyTerms(ctx, shoots), ...personShares(ctx, project, tight), ...locationShares(ctx, project, tight), ...(tight ? rentalShares(ctx, project) : [])];
    builder.row(`budgetRelaxed[project=${project}]`, terms, { upper: cap });
  }
}

/** Variables of one unit-day: the project's own (with their slots that day) and everyone else's. */
interface UnitDay {
  readonly own: { variable: number; slots: number }[];
  readonly others: { variable: number; slots: number }[];
}

function personShares(ctx: FormulationContext, project: string, tight: boolean): MilpTerm[] {
  const { model } = ctx;
  const terms: MilpTerm[] = [];
  for (const person of model.people) {
    if (person.dayRate === 0) continue;
    const days = new Map<number, UnitDay>();
    model.shoots.forEach((shoot) => {
      for (const [start, v] of ctx.busy[shoot.index]?.get(person.index) ?? []) addByDay(days, model.slotsPerDay, shoot.starts[start]?.slots ?? [], v, shoot.project === project);
    });
    for (const [day, unitDay] of days) {
      const name = `project=${project},person=${person.id},date=${dayName(model, day)}`;
      terms.push(...shareOf(ctx, name, unitDay, person.dayRate, model.slotsPerDay, model.slotsPerDay, tight));
    }
  }
  return terms;
}

function locationShares(ctx: FormulationContext, project: string, tight: boolean): MilpTerm[] {
  const { model } = ctx;
  const terms: MilpTerm[] = [];
  for (const location of model.locations) {
    if (location.dayFee === 0) continue;
    const days = new Map<number, UnitDay>();
    model.shoots.forEach((shoot) => {
      for (const placement of ctx.placements[shoot.index] ?? []) {
        if (placement.location === location.index) addByDay(days, model.slotsPerDay, shoot.starts[placement.start]?.slots ?? [], placement.variable, shoot.project === project);
      }
    });
    const sharers = model.slotsPerDay * location.capacity;
    for (const [day, unitDay] of days) {
      terms.push(...shareOf(ctx, `project=${project},location=${location.id},date=${dayName(model, day)}`, unitDay, location.dayFee, sharers, sharers, tight));
    }
  }
  return terms;
}

/**
 * The project's share of each day's rented units of each item, in units (times the
 * rate in the cap row): all of them when the project uses the item that day and no
 * other project does, else at least 0. One row per own placement v:
 * share >= rented - cap x (1 - v) - cap x (others' placements using the item that day).
 */
function rentalShares(ctx: FormulationContext, project: string): MilpTerm[] {
  const { model, builder } = ctx;
  const terms: MilpTerm[] = [];
  for (const [item, rentByDay] of ctx.rentals) {
    const spec = model.items[item];
    if (spec === undefined || spec.rentalRate === 0) continue;
    const days = new Map<number, UnitDay>();
    model.shoots.forEach((shoot) => {
      if (!shoot.equipment.some((e) => e.item === item && e.units > 0)) return;
      for (const placement of ctx.placements[shoot.index] ?? []) addByDay(days, model.slotsPerDay, shoot.starts[placement.start]?.slots ?? [], placement.variable, shoot.project === project);
    });
    for (const [day, rent] of rentByDay) {
      const unitDay = days.get(day);
      if (unitDay === undefined || unitDay.own.length === 0) continue;
      const name = `project=${project},item=${spec.id},date=${dayName(model, day)}`;
      const share = builder.variable(`projectRented[${name}]`, { integer: false, upper: spec.rentalCap });
      const others = unitDay.others.map((o) => term(o.variable, spec.rentalCap));
      for (const o of unitDay.own) {
        builder.row(`rentedAlone[${name},var=${o.variable}]`, [term(share), term(rent, -1), term(o.variable, -spec.rentalCap), ...others], { lower: -spec.rentalCap });
      }
      terms.push(term(share, spec.rentalRate));
    }
  }
  return terms;
}

/** Files a variable under each day its slots cover, with its slots that day. */
function addByDay(days: Map<number, UnitDay>, slotsPerDay: number, slots: readonly number[], variable: number, own: boolean): void {
  const perDay = new Map<number, number>();
  for (const slot of slots) perDay.set(Math.floor(slot / slotsPerDay), (perDay.get(Math.floor(slot / slotsPerDay)) ?? 0) + 1);
  for (const [day, count] of perDay) {
    let unitDay = days.get(day);
    if (unitDay === undefined) days.set(day, (unitDay = { own: [], others: [] }));
    (own ? unitDay.own : unitDay.others).push({ variable, slots: count });
  }
}

/**
 * Terms for the project's share of one unit-day, bounded below as described at
 * {@link relaxedProjectCaps}: the proportional share on the project's own variables,
 * plus (`tight`) a variable for what the "alone or shared" bound adds above it, with one row per
 * own variable v: extra >= price x v - (price / 2 + shoots) x (others' slots) -
 * proportional. Skipped where the proportional share is already the whole price (every
 * use of the project fills the day). `sharers`: the most slots that can split the day;
 * `shoots`: the most shoots of the project that can use it that day.
 */
function shareOf(ctx: FormulationContext, name: string, unitDay: UnitDay, price: number, sharers: number, shoots: number, tight: boolean): MilpTerm[] {
  const proportional = unitDay.own.flatMap((o) => {
    const least = Math.floor((price * o.slots) / sharers);
    return least > 0 ? [term(o.variable, least)] : [];
  });
  if (!tight || unitDay.own.every((o) => o.slots >= sharers)) return proportional;
  // In units of the price (at most 1), so the row's coefficients are near 1, as the
  // other rows' are: javascript-lp-solver stalled on the same row written in minor units.
  const extra = ctx.builder.variable(`projectShare[${name}]`, { integer: false });
  const others = unitDay.others.map((o) => term(o.variable, (0.5 + shoots / price) * o.slots));
  const fractions = proportional.map((t) => term(t.variable, t.coefficient / price));
  for (const o of unitDay.own) {
    ctx.builder.row(`shareAloneOrShared[${name},var=${o.variable}]`, [term(extra), term(o.variable, -1), ...others, ...fractions], { lower: 0 });
  }
  return [...proportional, term(extra, price)];
}

/**
 * The least a shoot can pay of a unit priced `price` per day, over the days its slots
 * cover: each day's share is at least price × (its slots that day) / `sharers` (the
 * most slots that can split the day), rounded down to the cent per day, since
 * largest-remainder rounding can take up to a cent off each day's share.
 */
export function leastShare(slotsPerDay: number, slots: readonly number[], price: number, sharers: number): number {
  const perDay = new Map<number, number>();
  for (const slot of slots) perDay.set(Math.floor(slot / slotsPerDay), (perDay.get(Math.floor(slot / slotsPerDay)) ?? 0) + 1);
  let least = 0;
  for (const count of perDay.values()) least += Math.floor((price * count) / sharers);
  return least;
}

function penaltyTerms(ctx: FormulationContext, shoots: readonly ModelShoot[]): MilpTerm[] {
  return shoots.flatMap((s) => {
    const drop = ctx.drops[s.index] ?? null;
    const misses = [...(ctx.misses[s.index]?.values() ?? [])].map((m) => term(m, s.preferencePenalty));
    return drop === null ? misses : [term(drop, s.dropPenalty), ...misses];
  });
}

/** Indicator per (person, day) of working for the project, and per person of working for it at all. */
function crewTerms(ctx: FormulationContext, project: string, shoots: readonly ModelShoot[]): MilpTerm[] {
  const { model, builder } = ctx;
  const terms: MilpTerm[] = [];
  for (const person of model.people) {
    if (person.dayRate === 0) continue;
    const { byDay, all } = busyByDay(ctx, person.index, shoots);
    if (all.length === 0) continue;
    for (const [day, busyTerms] of byDay) {
      const w = builder.binary(`projectWorks[project=${project},person=${person.id},date=${dayName(model, day)}]`);
      // Busy variables of one day can exceed 1 only across days of a multi-day shoot; the count bounds them.
      builder.row(`projectWorksLink[project=${project},person=${person.id},date=${dayName(model, day)}]`, [...busyTerms, term(w, -busyTerms.length)], { upper: 0 });
      terms.push(term(w, person.dayRate));
    }
    const onPayroll = ctx.onPayroll.get(person.index);
    if (onPayroll !== undefined) terms.push(...holdTerms(ctx, project, person.index, all, onPayroll));
  }
  return terms;
}

/**
 * A hold-billed person's works[day] costs nothing (the day is paid either way), so the
 * objective leaves it free to be 1 on an idle day; that would cancel the idle-day charge
 * in {@link holdTerms} and let a project over its cap through. Here works[day] <= the
 * busy variables covering that day, which every plan meets (days paid by shoots held
 * fixed outside the model stay at 1).
 */
function worksOnlyWhenBusy(ctx: FormulationContext): void {
  const { model, builder } = ctx;
  for (const [personIndex, onPayroll] of ctx.onPayroll) {
    const person = model.people[personIndex];
    const works = ctx.works.get(personIndex);
    if (person === undefined || works === undefined || onPayroll.size === 0) continue;
    const { byDay } = busyByDay(ctx, personIndex, model.shoots);
    for (const [day, w] of works) {
      if (person.paidDays.has(day)) continue;
      builder.row(`worksIfBusy[person=${person.id},date=${dayName(model, day)}]`, [...(byDay.get(day) ?? []), term(w, -1)], { lower: 0 });
    }
  }
}

/** The busy variables of a person on `shoots`: all of them, and by each day their starts cover. */
function busyByDay(ctx: FormulationContext, person: number, shoots: readonly ModelShoot[]): { byDay: Map<number, MilpTerm[]>; all: number[] } {
  const byDay = new Map<number, MilpTerm[]>();
  const all: number[] = [];
  for (const shoot of shoots) {
    for (const [start, v] of ctx.busy[shoot.index]?.get(person) ?? []) {
      all.push(v);
      const option = shoot.starts[start];
      for (let d = option?.firstDay ?? 0; d <= (option?.lastDay ?? -1); d += 1) {
        const terms = byDay.get(d);
        if (terms === undefined) byDay.set(d, [term(v)]);
        else terms.push(term(v));
      }
    }
  }
  return { byDay, all };
}

function holdTerms(ctx: FormulationContext, project: string, personIndex: number, busy: readonly number[], onPayroll: ReadonlyMap<number, number>): MilpTerm[] {
  const { model, builder } = ctx;
  const person = model.people[personIndex];
  if (person === undefined) return [];
  const worksFor = builder.binary(`projectCrew[project=${project},person=${person.id}]`);
  builder.row(`projectCrewLink[project=${project},person=${person.id}]`, [...busy.map((v) => term(v)), term(worksFor, -busy.length)], { upper: 0 });
  const terms: MilpTerm[] = [];
  for (const [day, on] of onPayroll) {
    // Idle hold day charged to the project: on - works + worksFor - 1.
    const idle = builder.variable(`projectHold[project=${project},person=${person.id},date=${dayName(model, day)}]`, { integer: false });
    const works = ctx.works.get(personIndex)?.get(day);
    const rowTerms = [term(idle), term(on, -1), term(worksFor, -1)];
    if (works !== undefined) rowTerms.push(term(works));
    builder.row(`projectHoldLink[project=${project},person=${person.id},date=${dayName(model, day)}]`, rowTerms, { lower: -1 });
    terms.push(term(idle, person.dayRate));
  }
  return terms;
}

function locationTerms(ctx: FormulationContext, project: string, shoots: readonly ModelShoot[]): MilpTerm[] {
  const { model, builder } = ctx;
  const terms: MilpTerm[] = [];
  for (const location of model.locations) {
    if (location.dayFee === 0) continue;
    const byDay = dayTerms(ctx, shoots, (p) => p.location === location.index);
    for (const [day, placed] of byDay) {
      const u = builder.binary(`projectLocation[project=${project},location=${location.id},date=${dayName(model, day)}]`);
      builder.row(`projectLocationLink[project=${project},location=${location.id},date=${dayName(model, day)}]`, [...placed, term(u, -placed.length)], { upper: 0 });
      terms.push(term(u, location.dayFee));
    }
  }
  return terms;
}

function rentalTerms(ctx: FormulationContext, project: string, shoots: readonly ModelShoot[]): MilpTerm[] {
  const { model, builder } = ctx;
  const terms: MilpTerm[] = [];
  for (const [item, rentByDay] of ctx.rentals) {
    const spec = model.items[item];
    if (spec === undefined || spec.rentalRate === 0) continue;
    const users = shoots.filter((s) => s.equipment.some((e) => e.item === item));
    const byDay = dayTerms(ctx, users, () => true);
    for (const [day, rent] of rentByDay) {
      const placed = byDay.get(day);
      if (placed === undefined) continue;
      const uses = builder.binary(`projectUses[project=${project},item=${spec.id},date=${dayName(model, day)}]`);
      builder.row(`projectUsesLink[project=${project},item=${spec.id},date=${dayName(model, day)}]`, [...placed, term(uses, -placed.length)], { upper: 0 });
      // Charged units >= rented units when the project uses the item that day.
      const charged = builder.variable(`projectRent[project=${project},item=${spec.id},date=${dayName(model, day)}]`, { integer: false, upper: spec.rentalCap });
      builder.row(`projectRentLink[project=${project},item=${spec.id},date=${dayName(model, day)}]`, [term(charged), term(rent, -1), term(uses, -spec.rentalCap)], { lower: -spec.rentalCap });
      terms.push(term(charged, spec.rentalRate));
    }
  }
  return terms;
}

/** Placement variables of the given shoots by working day they occupy. */
function dayTerms(ctx: FormulationContext, shoots: readonly ModelShoot[], keep: (p: { location: number }) => boolean): Map<number, MilpTerm[]> {
  const byDay = new Map<number, MilpTerm[]>();
  for (const shoot of shoots) {
    for (const placement of ctx.placements[shoot.index] ?? []) {
      if (!keep(placement)) continue;
      const start = shoot.starts[placement.start];
      for (let d = start?.firstDay ?? 0; d <= (start?.lastDay ?? -1); d += 1) byDay.set(d, [...(byDay.get(d) ?? []), term(placement.variable)]);
    }
  }
  return byDay;
}

