import type { Placement } from "../model/placement.js";
import type { PlanningModel } from "../model/planning-model.js";
import { slotsOnDay, type ScheduleState } from "./schedule-state.js";

/**
 * Upper bounds on each capped project's exact cost (the split of `computeCost`) in
 * the current state, so a construction that keeps every bound at or under its cap
 * never returns a plan over a cap.
 *
 * The exact rule splits every paid unit (a person's day, a location's day, an
 * item's rental day, an idle hold day) over the shoots using it by weight, rounded
 * by largest remainder: each shoot's part is floor(amount × w / W) or one minor unit
 * more, so it is at most amount × w / W + 1 (and exactly the amount when the shoot
 * is the unit's only user). A project's bound sums these over its placed shoots,
 * plus its preference penalties and the penalties of its unplaced optional shoots.
 * Much tighter than charging the project the full price of every unit it touches,
 * which fails tight caps as soon as projects share people or locations.
 *
 * Kept incrementally: each shoot's part is cached and recomputed only after a change
 * to a unit it uses (the state reports every apply and remove).
 */
export class BudgetBounds {
  /** Capped projects, their caps (minor units) and their shoots. */
  readonly projects: readonly { readonly project: string; readonly cap: number; readonly shoots: readonly number[] }[];
  private readonly model: PlanningModel;
  private readonly state: ScheduleState;
  /** Only shoots of capped projects are tracked. */
  private readonly tracked: Uint8Array;
  private readonly cached: Float64Array;
  private readonly dirty: Uint8Array;
  /** Tracked placed shoots per person day, location day and item day (key: index × days + day), and per hold-billed person. */
  private readonly byPersonDay = new Map<number, Set<number>>();
  private readonly byLocationDay = new Map<number, Set<number>>();
  private readonly byItemDay = new Map<number, Set<number>>();
  private readonly byHoldPerson = new Map<number, Set<number>>();

  constructor(model: PlanningModel, state: ScheduleState) {
    this.model = model;
    this.state = state;
    this.projects = [...model.budgetProjects]
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([project, cap]) => ({ project, cap, shoots: model.shoots.filter((s) => s.project === project).map((s) => s.index) }));
    this.tracked = new Uint8Array(model.shoots.length);
    for (const p of this.projects) for (const s of p.shoots) this.tracked[s] = 1;
    this.cached = new Float64Array(model.shoots.length);
    this.dirty = new Uint8Array(model.shoots.length).fill(1);
    for (const p of state.placed) if (p !== null) this.changed(p);
    if (this.projects.length > 0) state.listeners.push((p) => this.changed(p));
  }

  /** True when the model has any cap. */
  get active(): boolean {
    return this.projects.length > 0 || this.model.budgetTotal !== null;
  }

  /** Bound of every capped project, in the order of `projects`. */
  bounds(state: ScheduleState): number[] {
    return this.projects.map((p) => this.projectBound(state, p.shoots));
  }

  /** Upper bound on the exact cost of a project with the given shoots. */
  projectBound(state: ScheduleState, shoots: readonly number[]): number {
    let sum = 0;
    for (const s of shoots) sum += this.shootBound(state, s);
    return sum;
  }

  /** Upper bound on one shoot's exact part of the cost (its penalty when an unplaced optional shoot). */
  shootBound(state: ScheduleState, shootIndex: number): number {
    if (state !== this.state || this.tracked[shootIndex] !== 1) return this.computeShootBound(state, shootIndex);
    if (this.dirty[shootIndex] === 1) {
      this.cached[shootIndex] = this.computeShootBound(state, shootIndex);
      this.dirty[shootIndex] = 0;
    }
    return this.cached[shootIndex] ?? 0;
  }

  /** Marks the shoots whose parts a change of `placement` may move, and keeps the indexes. */
  private changed(placement: Placement): void {
    const { model, state } = this;
    const s = placement.shoot;
    const add = state.placed[s] === placement && this.tracked[s] === 1;
    const remove = state.placed[s] !== placement && this.tracked[s] === 1;
    this.dirty[s] = 1;
    const { firstDay, lastDay } = placement.start;
    const days = state.days;
    for (const { person } of placement.crew) {
      if (model.people[person]?.hold) this.touch(this.byHoldPerson, person, s, add, remove);
      for (let d = firstDay; d <= lastDay; d += 1) this.touch(this.byPersonDay, person * days + d, s, add, remove);
    }
    for (let d = firstDay; d <= lastDay; d += 1) this.touch(this.byLocationDay, placement.location * days + d, s, add, remove);
    for (const { item } of model.shoots[s]?.equipment ?? []) {
      for (let d = firstDay; d <= lastDay; d += 1) this.touch(this.byItemDay, item * days + d, s, add, remove);
    }
  }

  private touch(table: Map<number, Set<number>>, key: number, shoot: number, add: boolean, remove: boolean): void {
    let set = table.get(key);
    if (set !== undefined) for (const other of set) this.dirty[other] = 1;
    if (add) {
      if (set === undefined) {
        set = new Set();
        table.set(key, set);
      }
      set.add(shoot);
    } else if (remove && set !== undefined) {
      set.delete(shoot);
    }
  }

  private computeShootBound(state: ScheduleState, shootIndex: number): number {
    const { model } = this;
    const shoot = model.shoots[shootIndex];
    if (shoot === undefined) return 0;
    const placement = state.placed[shootIndex] ?? null;
    if (placement === null) return shoot.optional ? shoot.dropPenalty : 0;
    const { start } = placement;
    const { days, spd } = state;
    let sum = state.missingPreferred(placement) * shoot.preferencePenalty;
    for (const { person } of placement.crew) {
      const p = model.people[person];
      if (p === undefined || p.dayRate === 0) continue;
      for (let d = start.firstDay; d <= start.lastDay; d += 1) {
        sum += share(p.dayRate, slotsOnDay(start, d, spd), state.personDaySlots[person * days + d] ?? 0);
      }
      if (!p.hold) continue;
      const first = state.spanFirst[person] ?? -1;
      const idle = first < 0 ? 0 : (state.spanLast[person] ?? 0) - first + 1 - (state.workedDays[person] ?? 0);
      if (idle > 0) sum += idle * share(p.dayRate, start.slots.length, state.personSlots[person] ?? 0);
    }
    const location = model.locations[placement.location];
    if (location !== undefined && location.dayFee > 0) {
      for (let d = start.firstDay; d <= start.lastDay; d += 1) {
        sum += share(location.dayFee, slotsOnDay(start, d, spd), state.locationDaySlots[location.index * days + d] ?? 0);
      }
    }
    for (const { item, units } of shoot.equipment) {
      const it = model.items[item];
      if (it === undefined || it.rentalRate === 0) continue;
      for (let d = start.firstDay; d <= start.lastDay; d += 1) {
        const rent = state.rented[item * days + d] ?? 0;
        if (rent > 0) sum += share(rent * it.rentalRate, units * slotsOnDay(start, d, spd), state.itemDayWeight[item * days + d] ?? 0);
      }
    }
    return sum;
  }
}

/** Largest possible part of `amount` for weight `w` out of `total`. */
function share(amount: number, w: number, total: number): number {
  if (w <= 0) return 0;
  return w >= total ? amount : (amount * w) / total + 1;
}
