import type { Plan } from "../domain/plan-schema.js";
import type { Placement } from "../model/placement.js";
import type { ModelShoot, PlanningModel, StartOption } from "../model/planning-model.js";

/** One crew assignment of the earlier plan; `person` null when the current problem no longer has that person. */
export interface EarlierCrew {
  readonly person: number | null;
  readonly role: string | null;
}

/**
 * What the earlier plan did with one shoot of the current problem. `slot` is the
 * global start slot, null when its date is no longer a working date of the horizon;
 * `location` null when the location is gone.
 */
export type EarlierShoot =
  | { readonly kind: "new" }
  | { readonly kind: "dropped" }
  | {
      readonly kind: "scheduled";
      readonly slot: number | null;
      /** Working dates it spanned; a start of the current model is the same time only if it spans as many from the same slot. */
      readonly dayCount: number;
      readonly location: number | null;
      readonly crew: readonly EarlierCrew[];
    };

/**
 * The earlier plan in the current model's indices, one entry per current shoot.
 * Shoots the plan mentions that the problem no longer has are simply absent.
 */
export function earlierShoots(model: PlanningModel, plan: Plan): EarlierShoot[] {
  const day = new Map(model.dates.map((d, i) => [d, i]));
  const location = new Map(model.locations.map((l) => [l.id, l.index]));
  const person = new Map(model.people.map((p) => [p.id, p.index]));
  const scheduled = new Map(plan.shoots.map((s) => [s.shoot, s]));
  const dropped = new Set(plan.dropped);
  return model.shoots.map((shoot): EarlierShoot => {
    const entry = scheduled.get(shoot.id);
    if (entry === undefined) return dropped.has(shoot.id) ? { kind: "dropped" } : { kind: "new" };
    const first = day.get(entry.days[0] ?? "");
    // The same time only if every date it spanned is still a consecutive working date.
    const spans = first !== undefined && entry.firstSlot < model.slotsPerDay && entry.days.every((d, k) => model.dates[first + k] === d);
    return {
      kind: "scheduled",
      slot: spans ? first * model.slotsPerDay + entry.firstSlot : null,
      dayCount: entry.days.length,
      location: location.get(entry.location) ?? null,
      crew: entry.crew.map((c) => ({ person: person.get(c.person) ?? null, role: c.role })),
    };
  });
}

/**
 * The earlier placement of a shoot if the current problem still allows it on its own
 * (time, location, each person's availability and roles, the role counts and required
 * people), else a sentence saying what no longer fits. Conflicts with other shoots
 * (a person or unit now needed twice) are left to the checker.
 */
export function keptPlacement(model: PlanningModel, shoot: ModelShoot, earlier: EarlierShoot): Placement | string {
  if (earlier.kind !== "scheduled") return "the earlier plan did not schedule it";
  const start = shoot.starts.find((s) => sameStart(s, earlier));
  if (start === undefined) return "its earlier time is no longer possible (window, calendar, or a required person's or every location's availability)";
  const where = earlier.location === null ? undefined : model.locations[earlier.location];
  if (where === undefined || !shoot.locations.includes(where.index)) return "its earlier location is no longer allowed or no longer exists";
  if (!start.slots.every((t) => where.available[t] === 1)) return `location "${where.id}" is no longer available then`;
  const crew: { person: number; role: string | null }[] = [];
  for (const c of earlier.crew) {
    const who = c.person === null ? undefined : model.people[c.person];
    if (who === undefined) return "a person of its earlier crew is no longer in the problem";
    if (!start.slots.every((t) => who.available[t] === 1)) return `${who.id} is no longer available then`;
    if (c.role !== null && !who.roles.has(c.role)) return `${who.id} no longer holds the role ${c.role}`;
    if (c.role === null && !shoot.required.includes(who.index) && !shoot.preferred.includes(who.index)) return `${who.id} is no longer named on the shoot`;
    // A named person who holds a role the shoot needs fills it rather than attending on top (the checker's rule).
    if (c.role === null && shoot.roles.some((r) => who.roles.has(r.role))) return `${who.id} now holds a role the shoot needs, so must fill it rather than attend`;
    crew.push({ person: who.index, role: c.role });
  }
  for (const { role, count } of shoot.roles) {
    if (crew.filter((c) => c.role === role).length !== count) return `its role ${role} now needs ${count}`;
  }
  if (crew.some((c) => c.role !== null && !shoot.roles.some((r) => r.role === c.role))) return "it no longer needs a role its earlier crew filled";
  const missing = shoot.required.find((p) => !crew.some((c) => c.person === p));
  if (missing !== undefined) return `${model.people[missing]?.id ?? missing} is now required on it`;
  return { shoot: shoot.index, start, location: where.index, crew };
}

/** Whether a start option of the current model is the earlier plan's time of a shoot: same first slot, same number of dates. */
export function sameStart(start: StartOption, earlier: { readonly slot: number | null; readonly dayCount: number }): boolean {
  return start.slot === earlier.slot && start.lastDay - start.firstDay + 1 === earlier.dayCount;
}
