import type { Plan, ScheduledShoot } from "../domain/plan-schema.js";

/** When and where a shoot happens, as a plan states it. */
export interface ShootTime {
  readonly days: readonly string[];
  readonly firstSlot: number;
  readonly location: string;
}

/**
 * One difference between an earlier plan and a repaired one. `counted` says whether it
 * is a changed assignment (penalised by `changePenalty`): `rescheduled` (time or
 * location, one assignment), `crew_removed` (one person in one role), `dropped` (the
 * placement; its crew appear as `crew_removed` too) and `restored` (a shoot the earlier
 * plan dropped, now scheduled). Not counted: `crew_added` (the other side of a
 * replacement, or a seat the problem added), `added` (a shoot the earlier plan did not
 * know) and `cancelled` (a shoot the problem no longer has).
 */
export type PlanChange =
  | { readonly kind: "rescheduled"; readonly shoot: string; readonly from: ShootTime; readonly to: ShootTime; readonly counted: true }
  | { readonly kind: "crew_removed"; readonly shoot: string; readonly person: string; readonly role: string | null; readonly counted: true }
  | { readonly kind: "crew_added"; readonly shoot: string; readonly person: string; readonly role: string | null; readonly counted: false }
  | { readonly kind: "dropped"; readonly shoot: string; readonly counted: true }
  | { readonly kind: "restored"; readonly shoot: string; readonly to: ShootTime; readonly counted: true }
  | { readonly kind: "added"; readonly shoot: string; readonly counted: false }
  | { readonly kind: "cancelled"; readonly shoot: string; readonly counted: false };

/**
 * Every difference between two plans of a problem whose shoots are `shootIds`, in the
 * order of those ids (then cancelled shoots by id). Needs nothing but the two plans:
 * it is how a repaired plan's changes are reported, and how tests recount them.
 */
export function planChanges(shootIds: readonly string[], earlier: Pick<Plan, "shoots" | "dropped">, repaired: Pick<Plan, "shoots" | "dropped">): PlanChange[] {
  const before = new Map(earlier.shoots.map((s) => [s.shoot, s]));
  const after = new Map(repaired.shoots.map((s) => [s.shoot, s]));
  const droppedBefore = new Set(earlier.dropped);
  const changes: PlanChange[] = [];
  for (const id of shootIds) {
    const old = before.get(id);
    const now = after.get(id);
    if (old === undefined) {
      if (droppedBefore.has(id) && now !== undefined) changes.push({ kind: "restored", shoot: id, to: timeOf(now), counted: true });
      // A new shoot is reported when scheduled; a new optional shoot left out changes nothing.
      else if (!droppedBefore.has(id) && now !== undefined) changes.push({ kind: "added", shoot: id, counted: false });
      continue;
    }
    if (now === undefined) {
      changes.push({ kind: "dropped", shoot: id, counted: true });
      for (const c of old.crew) changes.push({ kind: "crew_removed", shoot: id, person: c.person, role: c.role, counted: true });
      continue;
    }
    if (!sameTime(timeOf(old), timeOf(now))) changes.push({ kind: "rescheduled", shoot: id, from: timeOf(old), to: timeOf(now), counted: true });
    const has = (crew: ScheduledShoot["crew"], c: ScheduledShoot["crew"][number]) => crew.some((x) => x.person === c.person && x.role === c.role);
    for (const c of old.crew) if (!has(now.crew, c)) changes.push({ kind: "crew_removed", shoot: id, person: c.person, role: c.role, counted: true });
    for (const c of now.crew) if (!has(old.crew, c)) changes.push({ kind: "crew_added", shoot: id, person: c.person, role: c.role, counted: false });
  }
  const known = new Set(shootIds);
  const gone = [...new Set([...before.keys(), ...droppedBefore])].filter((id) => !known.has(id)).sort();
  for (const id of gone) changes.push({ kind: "cancelled", shoot: id, counted: false });
  return changes;
}

/** Changed assignments among `changes` (what the change penalty is paid on). */
export function countedChanges(changes: readonly PlanChange[]): number {
  return changes.filter((c) => c.counted).length;
}

function timeOf(s: ScheduledShoot): ShootTime {
  return { days: s.days, firstSlot: s.firstSlot, location: s.location };
}

function sameTime(a: ShootTime, b: ShootTime): boolean {
  return a.firstSlot === b.firstSlot && a.location === b.location && a.days.length === b.days.length && a.days.every((d, i) => d === b.days[i]);
}
