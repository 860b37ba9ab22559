import type { ModelShoot } from "../../model/planning-model.js";
import { term } from "../milp-builder.js";
import type { FormulationContext } from "../formulation-context.js";
import { placementTerms, slotName } from "../formulation-context.js";
import type { CrewVariable } from "../variable-index.js";

/**
 * Rules "every role is filled with its count", "one role per person per shoot",
 * "required people are on the shoot", "preferred people cost a penalty when missing",
 * and the link between who is on a shoot and when it happens (busy variables).
 */
export function staffEachShoot(ctx: FormulationContext): void {
  for (const shoot of ctx.model.shoots) {
    if (ctx.placements[shoot.index]?.length === 0) continue;
    const crew = crewVariables(ctx, shoot);
    ctx.crew[shoot.index] = crew;
    // Grouped once: a shoot may list thousands of roles, and filtering the crew per role
    // and per start was quadratic (20 000 roles: 15 s of model building).
    const byRole = groupBy(crew, (c) => c.role);
    const byPerson = groupBy(crew, (c) => c.person);
    coverRoles(ctx, shoot, byRole);
    for (const [person, assigned] of byPerson) linkBusy(ctx, shoot, person, assigned);
    namedPeople(ctx, shoot, byPerson);
    staffFollowsPlacement(ctx, shoot, byRole);
  }
}

/**
 * Not needed for correctness, but it makes the LP relaxation honest: wherever the
 * shoot starts (even fractionally), enough holders of each role are busy there. Every
 * integer plan satisfies it; without it the relaxation spreads crew over starts the
 * shoot does not take and the bound is far too low.
 */
function staffFollowsPlacement(ctx: FormulationContext, shoot: ModelShoot, byRole: ReadonlyMap<string | null, readonly CrewVariable[]>): void {
  const { model, builder } = ctx;
  const busy = ctx.busy[shoot.index];
  if (busy === undefined) return;
  const attendees = new Set((byRole.get(null) ?? []).map((c) => c.person));
  const attending = shoot.required.filter((p) => attendees.has(p)).length;
  const total = shoot.roles.reduce((sum, r) => sum + r.count, 0) + attending;
  const holdersOf = new Map(shoot.roles.map(({ role }) => [role, new Set((byRole.get(role) ?? []).map((c) => c.person))]));
  shoot.starts.forEach((start, index) => {
    const placed = placementTerms(ctx, shoot.index, index);
    if (placed.length === 0) return;
    const name = `shoot=${shoot.id},slot=${slotName(model, start.slot)}`;
    const busyOf = (people: Iterable<number>) => [...people].flatMap((p) => {
      const v = busy.get(p)?.get(index);
      return v === undefined ? [] : [term(v)];
    });
    for (const { role, count } of shoot.roles) {
      const holders = holdersOf.get(role) ?? new Set<number>();
      builder.row(`staffed[${name},role=${role}]`, [...busyOf(holders), ...placed.map((p) => term(p.variable, -count))], { lower: 0 });
    }
    if (total > 0) builder.row(`crewed[${name}]`, [...busyOf(busy.keys()), ...placed.map((p) => term(p.variable, -total))], { lower: 0 });
  });
}

/** One variable per (person, role) the person can fill, plus `attend` for named people holding none of the roles. */
function crewVariables(ctx: FormulationContext, shoot: ModelShoot): CrewVariable[] {
  const { model, builder } = ctx;
  const named = new Set([...shoot.required, ...shoot.preferred]);
  const crew: CrewVariable[] = [];
  for (const person of model.people) {
    if (!shoot.starts.some((start) => start.slots.every((t) => person.available[t] === 1))) continue;
    const roles = shoot.roles.filter((r) => person.roles.has(r.role));
    for (const { role } of roles) {
      crew.push({ person: person.index, role, variable: builder.binary(`fill[shoot=${shoot.id},person=${person.id},role=${role}]`) });
    }
    if (roles.length === 0 && named.has(person.index)) {
      crew.push({ person: person.index, role: null, variable: builder.binary(`attend[shoot=${shoot.id},person=${person.id}]`) });
    }
  }
  return crew;
}

function coverRoles(ctx: FormulationContext, shoot: ModelShoot, byRole: ReadonlyMap<string | null, readonly CrewVariable[]>): void {
  const drop = ctx.drops[shoot.index] ?? null;
  for (const { role, count } of shoot.roles) {
    const terms = (byRole.get(role) ?? []).map((c) => term(c.variable));
    // Filled count equals the need when scheduled, 0 when dropped.
    if (drop !== null) terms.push(term(drop, count));
    ctx.builder.row(`cover[shoot=${shoot.id},role=${role}]`, terms, { lower: count, upper: count });
  }
}

/** busy[shoot,person,start] is on exactly when the person is on the shoot and the shoot starts there. */
function linkBusy(ctx: FormulationContext, shoot: ModelShoot, person: number, assigned: readonly CrewVariable[]): void {
  const { model, builder } = ctx;
  const who = model.people[person];
  if (who === undefined) return;
  const busy = new Map<number, number>();
  shoot.starts.forEach((start, index) => {
    if (!start.slots.every((t) => who.available[t] === 1)) return;
    const placed = placementTerms(ctx, shoot.index, index);
    if (placed.length === 0) return;
    const variable = builder.binary(`busy[shoot=${shoot.id},person=${who.id},slot=${slotName(model, start.slot)}]`);
    busy.set(index, variable);
    builder.row(`follow[shoot=${shoot.id},person=${who.id},slot=${slotName(model, start.slot)}]`, [term(variable), ...placed.map((p) => term(p.variable, -1))], { upper: 0 });
  });
  ctx.busy[shoot.index]?.set(person, busy);
  builder.row(`link[shoot=${shoot.id},person=${who.id}]`, [...[...busy.values()].map((v) => term(v)), ...assigned.map((c) => term(c.variable, -1))], { lower: 0, upper: 0 });
  if (assigned.length > 1) builder.row(`oneRole[shoot=${shoot.id},person=${who.id}]`, assigned.map((c) => term(c.variable)), { upper: 1 });
}

function namedPeople(ctx: FormulationContext, shoot: ModelShoot, byPerson: ReadonlyMap<number, readonly CrewVariable[]>): void {
  const { model, builder } = ctx;
  const drop = ctx.drops[shoot.index] ?? null;
  const onShoot = (person: number) => (byPerson.get(person) ?? []).map((c) => term(c.variable));
  for (const person of shoot.required) {
    const terms = onShoot(person);
    if (drop !== null) terms.push(term(drop));
    builder.row(`required[shoot=${shoot.id},person=${model.people[person]?.id ?? person}]`, terms, { lower: 1, upper: 1 });
  }
  for (const person of shoot.preferred) {
    const id = model.people[person]?.id ?? String(person);
    const miss = builder.variable(`miss[shoot=${shoot.id},person=${id}]`, { integer: false, cost: shoot.preferencePenalty });
    ctx.misses[shoot.index]?.set(person, miss);
    const terms = [...onShoot(person), term(miss)];
    if (drop !== null) terms.push(term(drop));
    // miss = 1 - assigned - dropped: a dropped shoot pays no preference penalty.
    builder.row(`preferred[shoot=${shoot.id},person=${id}]`, terms, { lower: 1, upper: 1 });
  }
}

/** Items by key, keys in first-seen order (the rows keep the order they had). */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return groups;
}
