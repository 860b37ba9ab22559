import type { PlanningModel, StartOption } from "../model/planning-model.js";
import type { Placement } from "../model/placement.js";

/**
 * A partial schedule held in flat typed arrays, so heuristics can test and price a
 * placement in time proportional to its size: who is busy in which slot, which
 * person and location days are paid, how many units of each item are in use per
 * slot and rented per day. `apply` and `remove` keep every figure, and the exact
 * cost `total` (minor units), up to date; applying then removing a placement
 * restores the state exactly.
 *
 * Shoots held fixed outside the model (a neighbourhood-search sub-model) are taken
 * in from the model: their location load and item use occupy capacity, and their
 * paid person and location days are worked/used at no extra cost. Their slots are
 * expected to be unavailable in the people's masks.
 */
export class ScheduleState {
  readonly model: PlanningModel;
  /** Slots per day, working days, global slots. */
  readonly spd: number;
  readonly days: number;
  readonly slots: number;
  /** person × slot: 1 when the person is in a placed shoot. */
  readonly busy: Uint8Array;
  /** person × day: slots worked in placed shoots (the weight of the person's day). */
  readonly personDaySlots: Int32Array;
  /** person × day: 1 when worked (placed shoots or days paid outside the model). */
  readonly worked: Uint8Array;
  /** person: worked days (flags of `worked`). */
  readonly workedDays: Int32Array;
  /** person: first and last worked day, -1 when none (the hold-billing span). */
  readonly spanFirst: Int32Array;
  readonly spanLast: Int32Array;
  /** person: slots of every placed shoot they are in (weights of idle hold days). */
  readonly personSlots: Int32Array;
  /** location × slot: shoots at the location (fixed load included). */
  readonly locationLoad: Int32Array;
  /** location × day: slots used by placed shoots. */
  readonly locationDaySlots: Int32Array;
  /** location × day: 1 when the day's fee is paid. */
  readonly locationUsed: Uint8Array;
  /** item × slot: units in use (fixed use included). */
  readonly itemUse: Int32Array;
  /** item × day: slots × units of placed shoots (weights of the day's rental). */
  readonly itemDayWeight: Int32Array;
  /** item × day: rented units (peak use minus owned units, at least 0). */
  readonly rented: Int32Array;
  /** person: slots of unplaced mandatory shoots that require them (their committed demand). */
  readonly pendingDemand: Int32Array;
  /** person: available slots not yet busy. */
  readonly freeSlots: Int32Array;
  /** Placement of each shoot, null when not placed. */
  readonly placed: (Placement | null)[];
  /** Mandatory shoots not placed. */
  unplacedMandatory = 0;
  /** Called after every apply and remove with the placement concerned. */
  readonly listeners: ((placement: Placement) => void)[] = [];
  /** Exact cost in minor units: crew, locations, rentals, preference penalties, penalties of unplaced optional shoots. */
  total = 0;
  private readonly fixedPaidPerson: Uint8Array;
  private readonly fixedPaidLocation: Uint8Array;

  constructor(model: PlanningModel) {
    this.model = model;
    const spd = model.slotsPerDay;
    const days = model.dates.length;
    const slots = model.slotCount;
    const people = model.people.length;
    const locations = model.locations.length;
    const items = model.items.length;
    this.spd = spd;
    this.days = days;
    this.slots = slots;
    this.busy = new Uint8Array(people * slots);
    this.personDaySlots = new Int32Array(people * days);
    this.worked = new Uint8Array(people * days);
    this.workedDays = new Int32Array(people);
    this.spanFirst = new Int32Array(people).fill(-1);
    this.spanLast = new Int32Array(people).fill(-1);
    this.personSlots = new Int32Array(people);
    this.locationLoad = new Int32Array(locations * slots);
    this.locationDaySlots = new Int32Array(locations * days);
    this.locationUsed = new Uint8Array(locations * days);
    this.itemUse = new Int32Array(items * slots);
    this.itemDayWeight = new Int32Array(items * days);
    this.rented = new Int32Array(items * days);
    this.placed = model.shoots.map(() => null);
    this.pendingDemand = new Int32Array(people);
    this.freeSlots = new Int32Array(people);
    for (const person of model.people) {
      let free = 0;
      for (let t = 0; t < slots; t += 1) free += person.available[t] === 1 ? 1 : 0;
      this.freeSlots[person.index] = free;
    }
    for (const shoot of model.shoots) {
      if (shoot.optional) continue;
      for (const r of shoot.required) if (r >= 0 && r < people) this.pendingDemand[r] = (this.pendingDemand[r] ?? 0) + shoot.durationSlots;
    }
    this.fixedPaidPerson = new Uint8Array(people * days);
    this.fixedPaidLocation = new Uint8Array(locations * days);
    for (const person of model.people) {
      for (const day of person.paidDays) {
        if (day < 0 || day >= days) continue;
        this.fixedPaidPerson[person.index * days + day] = 1;
        this.worked[person.index * days + day] = 1;
      }
      this.refreshPerson(person.index);
      this.total += this.personCost(person.index);
    }
    for (const location of model.locations) {
      for (const day of location.paidDays) {
        if (day < 0 || day >= days) continue;
        this.fixedPaidLocation[location.index * days + day] = 1;
        this.locationUsed[location.index * days + day] = 1;
        this.total += location.dayFee;
      }
      if (location.load !== null) for (let t = 0; t < slots; t += 1) this.locationLoad[location.index * slots + t] = location.load[t] ?? 0;
    }
    for (const item of model.items) {
      if (item.fixedUse !== null) for (let t = 0; t < slots; t += 1) this.itemUse[item.index * slots + t] = item.fixedUse[t] ?? 0;
      for (let d = 0; d < days; d += 1) {
        const rent = Math.max(0, this.peak(item.index, d) - (item.ownedByDay[d] ?? 0));
        this.rented[item.index * days + d] = rent;
        this.total += rent * item.rentalRate;
      }
    }
    for (const shoot of model.shoots) {
      if (shoot.optional) this.total += shoot.dropPenalty;
      else this.unplacedMandatory += 1;
    }
  }

  /** What the person costs as things stand: day rate × worked days, or × span days under hold billing. */
  personCost(person: number): number {
    const p = this.model.people[person];
    if (p === undefined) return 0;
    if (!p.hold) return (this.workedDays[person] ?? 0) * p.dayRate;
    const first = this.spanFirst[person] ?? -1;
    return first < 0 ? 0 : ((this.spanLast[person] ?? 0) - first + 1) * p.dayRate;
  }

  /** Peak units of the item in use in any slot of the day. */
  peak(item: number, day: number): number {
    let peak = 0;
    const base = item * this.slots + day * this.spd;
    for (let s = 0; s < this.spd; s += 1) peak = Math.max(peak, this.itemUse[base + s] ?? 0);
    return peak;
  }

  /** Preferred people of the shoot missing from the crew. */
  missingPreferred(placement: Placement): number {
    const shoot = this.model.shoots[placement.shoot];
    if (shoot === undefined) return 0;
    let missing = 0;
    for (const p of shoot.preferred) if (!placement.crew.some((c) => c.person === p)) missing += 1;
    return missing;
  }

  /** Places a shoot (it must not be placed yet); the caller has checked feasibility. */
  apply(placement: Placement): void {
    const { model, slots, days } = this;
    const shoot = model.shoots[placement.shoot];
    if (shoot === undefined) throw new RangeError(`no shoot ${placement.shoot}`);
    if (this.placed[placement.shoot] !== null) throw new RangeError(`shoot ${shoot.id} is placed already`);
    this.placed[placement.shoot] = placement;
    const { start } = placement;
    if (shoot.optional) this.total -= shoot.dropPenalty;
    this.total += this.missingPreferred(placement) * shoot.preferencePenalty;
    if (!shoot.optional) {
      this.unplacedMandatory -= 1;
      for (const r of shoot.required) this.pendingDemand[r] = (this.pendingDemand[r] ?? 0) - shoot.durationSlots;
    }
    for (const { person } of placement.crew) {
      const before = this.personCost(person);
      for (const t of start.slots) this.busy[person * slots + t] = 1;
      this.freeSlots[person] = (this.freeSlots[person] ?? 0) - start.slots.length;
      for (let d = start.firstDay; d <= start.lastDay; d += 1) {
        const k = person * days + d;
        this.personDaySlots[k] = (this.personDaySlots[k] ?? 0) + slotsOnDay(start, d, this.spd);
        if (this.worked[k] === 0) {
          this.worked[k] = 1;
          this.workedDays[person] = (this.workedDays[person] ?? 0) + 1;
        }
      }
      const first = this.spanFirst[person] ?? -1;
      this.spanFirst[person] = first < 0 ? start.firstDay : Math.min(first, start.firstDay);
      this.spanLast[person] = Math.max(this.spanLast[person] ?? -1, start.lastDay);
      this.personSlots[person] = (this.personSlots[person] ?? 0) + start.slots.length;
      this.total += this.personCost(person) - before;
    }
    const location = model.locations[placement.location];
    if (location === undefined) throw new RangeError(`no location ${placement.location}`);
    for (const t of start.slots) this.locationLoad[location.index * slots + t] = (this.locationLoad[location.index * slots + t] ?? 0) + 1;
    for (let d = start.firstDay; d <= start.lastDay; d += 1) {
      const k = location.index * days + d;
      this.locationDaySlots[k] = (this.locationDaySlots[k] ?? 0) + slotsOnDay(start, d, this.spd);
      if (this.locationUsed[k] === 0) {
        this.locationUsed[k] = 1;
        this.total += location.dayFee;
      }
    }
    this.changeItems(shoot.equipment, start, 1);
    for (const listener of this.listeners) listener(placement);
  }

  /** Takes a placed shoot out and returns its placement (null when it was not placed). */
  remove(shootIndex: number): Placement | null {
    const placement = this.placed[shootIndex] ?? null;
    if (placement === null) return null;
    const { model, slots, days } = this;
    const shoot = model.shoots[shootIndex];
    if (shoot === undefined) return null;
    this.placed[shootIndex] = null;
    const { start } = placement;
    if (shoot.optional) this.total += shoot.dropPenalty;
    this.total -= this.missingPreferred(placement) * shoot.preferencePenalty;
    if (!shoot.optional) {
      this.unplacedMandatory += 1;
      for (const r of shoot.required) this.pendingDemand[r] = (this.pendingDemand[r] ?? 0) + shoot.durationSlots;
    }
    for (const { person } of placement.crew) {
      const before = this.personCost(person);
      for (const t of start.slots) this.busy[person * slots + t] = 0;
      this.freeSlots[person] = (this.freeSlots[person] ?? 0) + start.slots.length;
      for (let d = start.firstDay; d <= start.lastDay; d += 1) {
        const k = person * days + d;
        const left = (this.personDaySlots[k] ?? 0) - slotsOnDay(start, d, this.spd);
        this.personDaySlots[k] = left;
        if (left === 0 && this.fixedPaidPerson[k] === 0 && this.worked[k] === 1) {
          this.worked[k] = 0;
          this.workedDays[person] = (this.workedDays[person] ?? 0) - 1;
        }
      }
      this.personSlots[person] = (this.personSlots[person] ?? 0) - start.slots.length;
      this.refreshSpan(person);
      this.total += this.personCost(person) - before;
    }
    const location = model.locations[placement.location];
    if (location !== undefined) {
      for (const t of start.slots) this.locationLoad[location.index * slots + t] = (this.locationLoad[location.index * slots + t] ?? 0) - 1;
      for (let d = start.firstDay; d <= start.lastDay; d += 1) {
        const k = location.index * days + d;
        const left = (this.locationDaySlots[k] ?? 0) - slotsOnDay(start, d, this.spd);
        this.locationDaySlots[k] = left;
        if (left === 0 && this.fixedPaidLocation[k] === 0 && this.locationUsed[k] === 1) {
          this.locationUsed[k] = 0;
          this.total -= location.dayFee;
        }
      }
    }
    this.changeItems(shoot.equipment, start, -1);
    for (const listener of this.listeners) listener(placement);
    return placement;
  }

  private changeItems(equipment: readonly { readonly item: number; readonly units: number }[], start: StartOption, sign: 1 | -1): void {
    const { slots, days } = this;
    for (const { item, units } of equipment) {
      const it = this.model.items[item];
      if (it === undefined) continue;
      for (const t of start.slots) this.itemUse[item * slots + t] = (this.itemUse[item * slots + t] ?? 0) + sign * units;
      for (let d = start.firstDay; d <= start.lastDay; d += 1) {
        const k = item * days + d;
        this.itemDayWeight[k] = (this.itemDayWeight[k] ?? 0) + sign * units * slotsOnDay(start, d, this.spd);
        const rent = Math.max(0, this.peak(item, d) - (it.ownedByDay[d] ?? 0));
        this.total += (rent - (this.rented[k] ?? 0)) * it.rentalRate;
        this.rented[k] = rent;
      }
    }
  }

  private refreshPerson(person: number): void {
    let count = 0;
    for (let d = 0; d < this.days; d += 1) if (this.worked[person * this.days + d] === 1) count += 1;
    this.workedDays[person] = count;
    this.refreshSpan(person);
  }

  private refreshSpan(person: number): void {
    let first = -1;
    let last = -1;
    const base = person * this.days;
    for (let d = 0; d < this.days; d += 1) {
      if (this.worked[base + d] !== 1) continue;
      if (first < 0) first = d;
      last = d;
    }
    this.spanFirst[person] = first;
    this.spanLast[person] = last;
  }
}

/** Slots of the start option that fall on working day `day`. */
export function slotsOnDay(start: StartOption, day: number, slotsPerDay: number): number {
  if (start.firstDay === start.lastDay) return day === start.firstDay ? start.slots.length : 0;
  let n = 0;
  for (const t of start.slots) if (Math.floor(t / slotsPerDay) === day) n += 1;
  return n;
}
