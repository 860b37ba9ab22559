import { slotKey, workingDates } from "../domain/calendar.js";
import { minorDigits } from "../domain/money.js";
import type { ScheduledShoot, Plan } from "../domain/plan-schema.js";
import type { CrewMember, EquipmentItem, Location, Problem, Shoot } from "../domain/problem-schema.js";

/** One occupied slot: an ISO date and a 0-based slot of that day. */
export interface SlotRef {
  readonly date: string;
  readonly slot: number;
}

/**
 * A plan entry of a known shoot, with what the rules and the cost need derived once.
 * Only the first entry of each shoot id becomes a placement: a repeated entry is
 * reported as `shoot_scheduled_twice` and otherwise ignored, so it neither double-counts
 * money nor raises knock-on violations.
 */
export interface Placement {
  /** Position of the entry in `plan.shoots`. */
  readonly position: number;
  readonly entry: ScheduledShoot;
  readonly shoot: Shoot;
  /** Occupied slots in time order, derived from `days`, `firstSlot` and the entry's `durationSlots`. */
  readonly occupied: readonly SlotRef[];
  /** `date#slot` keys of `occupied`. */
  readonly keys: ReadonlySet<string>;
  /** Slots occupied per date, in date order of `days`. */
  readonly slotsByDate: ReadonlyMap<string, number>;
  /** Distinct person ids of the entry's crew that exist in the problem. */
  readonly people: readonly string[];
  /** Units per item id the entry says it uses (duplicates summed), known items only. */
  readonly units: ReadonlyMap<string, number>;
}

/** Lookups of the problem and the plan's placements, shared by the rules and the cost. */
export interface PlanIndex {
  readonly problem: Problem;
  readonly plan: Plan;
  readonly slotsPerDay: number;
  /** Minor digits of the problem's currency (2 for EUR). */
  readonly digits: number;
  /** The horizon's working dates in order. */
  readonly workingDates: readonly string[];
  /** Position of each working date in `workingDates`. */
  readonly workingPosition: ReadonlyMap<string, number>;
  readonly shoots: ReadonlyMap<string, Shoot>;
  readonly people: ReadonlyMap<string, CrewMember>;
  readonly locations: ReadonlyMap<string, Location>;
  readonly items: ReadonlyMap<string, EquipmentItem>;
  /** First plan entry of each known shoot, in plan order. */
  readonly placements: readonly Placement[];
  readonly placementOf: ReadonlyMap<string, Placement>;
  /** Distinct ids listed as dropped, in plan order. */
  readonly dropped: readonly string[];
}

/** Builds the {@link PlanIndex} of a plan against its problem. Never throws on a broken plan. */
export function indexPlan(problem: Problem, plan: Plan): PlanIndex {
  const dates = workingDates(problem.horizon);
  const shoots = new Map(problem.shoots.map((s) => [s.id, s]));
  const people = new Map(problem.crew.map((c) => [c.id, c]));
  const items = new Map(problem.equipment.map((e) => [e.id, e]));
  const placementOf = new Map<string, Placement>();
  plan.shoots.forEach((entry, position) => {
    const shoot = shoots.get(entry.shoot);
    if (shoot === undefined || placementOf.has(entry.shoot)) return;
    placementOf.set(entry.shoot, placementFor(entry, position, shoot, problem.horizon.slotsPerDay, people, items));
  });
  return {
    problem,
    plan,
    slotsPerDay: problem.horizon.slotsPerDay,
    digits: minorDigits(problem.currency),
    workingDates: dates,
    workingPosition: new Map(dates.map((d, i) => [d, i])),
    shoots,
    people,
    locations: new Map(problem.locations.map((l) => [l.id, l])),
    items,
    placements: [...placementOf.values()],
    placementOf,
    dropped: [...new Set(plan.dropped)],
  };
}

function placementFor(
  entry: ScheduledShoot,
  position: number,
  shoot: Shoot,
  slotsPerDay: number,
  people: ReadonlyMap<string, CrewMember>,
  items: ReadonlyMap<string, EquipmentItem>,
): Placement {
  const occupied = occupiedSlots(entry, slotsPerDay);
  const slotsByDate = new Map<string, number>();
  for (const { date } of occupied) slotsByDate.set(date, (slotsByDate.get(date) ?? 0) + 1);
  const units = new Map<string, number>();
  for (const { item, units: n } of entry.equipment) if (items.has(item)) units.set(item, (units.get(item) ?? 0) + n);
  return {
    position,
    entry,
    shoot,
    occupied,
    keys: new Set(occupied.map((s) => slotKey(s.date, s.slot))),
    slotsByDate,
    people: [...new Set(entry.crew.map((c) => c.person))].filter((id) => people.has(id)),
    units,
  };
}

/**
 * The slots an entry occupies: from `firstSlot` of its first listed day onwards, day
 * after listed day, `durationSlots` in all, never past a day's last slot nor the last
 * listed day. A well-formed entry occupies exactly its duration; a malformed one
 * (reported by the calendar rules) occupies what fits, so it is still priced sanely.
 */
export function occupiedSlots(entry: ScheduledShoot, slotsPerDay: number): SlotRef[] {
  const occupied: SlotRef[] = [];
  let left = entry.durationSlots;
  entry.days.forEach((date, i) => {
    for (let slot = i === 0 ? entry.firstSlot : 0; slot < slotsPerDay && left > 0; slot += 1) {
      occupied.push({ date, slot });
      left -= 1;
    }
  });
  return occupied;
}

/** Ids compared by UTF-16 code units: the same order in every locale (reports and split ties). */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
