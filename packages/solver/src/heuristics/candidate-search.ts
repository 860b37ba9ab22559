import { earliestFollowingStart } from "../model/precedence-time.js";
import type { ModelShoot, PlanningModel, StartOption } from "../model/planning-model.js";
import type { Placement } from "../model/placement.js";
import { holdersByRole } from "../model/role-holders.js";
import type { ScheduleState } from "./schedule-state.js";

/** A feasible way to place a shoot now, with its exact cost increase (minor units, drop penalty not included). */
export interface Candidate {
  readonly placement: Placement;
  readonly cost: number;
}

type CrewEntry = { person: number; role: string | null; cost: number; fixed: boolean };

/**
 * Finds the cheapest feasible placements of one shoot against a {@link ScheduleState}.
 * For each start option (inside the precedence window set by placed predecessors
 * and successors) it checks the required people, equipment stock and rental caps,
 * picks the cheapest free location, then staffs the roles with the cheapest free
 * holders by incremental cost. The location does not change the crew, so starts are
 * priced once, not once per location.
 *
 * Incremental cost of a person: their day rate for each day of the shoot not yet
 * worked (worked-days billing), or for each day the shoot adds to their first-to-last
 * span (hold billing). A person is free when available and not busy in every slot,
 * and the new days keep `maxDays` and `maxConsecutiveDays` (calendar days).
 */
export class CandidateSearch {
  private readonly model: PlanningModel;
  private readonly state: ScheduleState;
  /** Role name → holders, cheapest day rate first. */
  private readonly holders: ReadonlyMap<string, readonly number[]>;
  /** Shoots that must follow each shoot, with their gaps. */
  readonly successors: readonly (readonly { shoot: number; gapDays: number }[])[];
  /** Latest start slot of each shoot that leaves its mandatory successors a start in their windows. */
  private readonly latest: Int32Array;
  /** Earliest start slot of each shoot after its mandatory predecessors at their earliest. */
  private readonly earliest: Int32Array;
  private readonly stamp: Int32Array;
  private readonly cached: Float64Array;
  private readonly inCrew: Int32Array;
  private epoch = 0;

  constructor(model: PlanningModel, state: ScheduleState) {
    this.model = model;
    this.state = state;
    this.holders = holdersByRole(model.people);
    const successors: { shoot: number; gapDays: number }[][] = model.shoots.map(() => []);
    for (const s of model.shoots) for (const a of s.after) successors[a.shoot]?.push({ shoot: s.index, gapDays: a.gapDays });
    this.successors = successors;
    this.latest = latestStarts(model, successors);
    this.earliest = earliestStarts(model);
    this.stamp = new Int32Array(model.people.length);
    this.cached = new Float64Array(model.people.length);
    this.inCrew = new Int32Array(model.people.length);
  }

  /** Start options inside the static precedence window (earliest after mandatory predecessors, latest before mandatory successors). */
  windowSize(shoot: ModelShoot): number {
    const lo = this.earliest[shoot.index] ?? 0;
    const hi = this.latest[shoot.index] ?? -1;
    let n = 0;
    for (const start of shoot.starts) if (start.slot >= lo && start.slot <= hi) n += 1;
    return n;
  }

  /** Indices into `shoot.starts` allowed by the placed predecessors and successors (a contiguous range, maybe empty). */
  startRange(shoot: ModelShoot): { from: number; to: number } {
    const { state, model } = this;
    let earliest = 0;
    for (const { shoot: first, gapDays } of shoot.after) {
      const p = state.placed[first];
      if (p) earliest = Math.max(earliest, earliestFollowingStart(model, p.start, gapDays));
    }
    const starts = shoot.starts;
    let from = 0;
    while (from < starts.length && (starts[from]?.slot ?? 0) < earliest) from += 1;
    let to = starts.length;
    const latest = this.latest[shoot.index] ?? Infinity;
    while (to > from && (starts[to - 1]?.slot ?? 0) > latest) to -= 1;
    const after = this.successors[shoot.index] ?? [];
    if (after.some((a) => state.placed[a.shoot])) {
      while (to > from) {
        const start = starts[to - 1];
        if (start === undefined) break;
        const ok = after.every((a) => {
          const p = state.placed[a.shoot];
          return !p || earliestFollowingStart(model, start, a.gapDays) <= p.start.slot;
        });
        if (ok) break;
        to -= 1;
      }
    }
    return { from, to };
  }

  /**
   * The `keep` cheapest candidates over the given start indices, cheapest first,
   * ties by the order of `indices` (pass them ascending for earliest-first).
   */
  search(shoot: ModelShoot, indices: readonly number[], keep: number): Candidate[] {
    const best: Candidate[] = [];
    for (const i of indices) {
      const start = shoot.starts[i];
      if (start === undefined) continue;
      const rental = this.rentalCost(shoot, start);
      if (rental < 0) continue;
      const location = this.bestLocation(shoot, start);
      if (location === null) continue;
      const partial = rental + location.cost;
      const worst = best.length < keep ? Infinity : (best[best.length - 1]?.cost ?? Infinity);
      if (partial >= worst) continue;
      const crew = this.staff(shoot, start, worst - partial);
      if (crew === null) continue;
      const cost = partial + crew.cost;
      if (cost >= worst) continue;
      const candidate: Candidate = { placement: { shoot: shoot.index, start, location: location.location, crew: crew.crew }, cost };
      let at = best.length;
      while (at > 0 && (best[at - 1]?.cost ?? 0) > cost) at -= 1;
      best.splice(at, 0, candidate);
      if (best.length > keep) best.pop();
    }
    return best;
  }

  /** Rental cost increase of the shoot's equipment at `start`, or -1 when stock plus rental caps fall short. */
  rentalCost(shoot: ModelShoot, start: StartOption): number {
    const { state, model } = this;
    let cost = 0;
    for (const { item, units } of shoot.equipment) {
      const it = model.items[item];
      if (it === undefined) return -1;
      for (let d = start.firstDay; d <= start.lastDay; d += 1) {
        const owned = it.ownedByDay[d] ?? 0;
        const limit = owned + it.rentalCap;
        let peak = state.peak(item, d);
        const old = Math.max(0, peak - owned);
        for (const t of start.slots) {
          if (Math.floor(t / state.spd) !== d) continue;
          const use = (state.itemUse[item * state.slots + t] ?? 0) + units;
          if (use > limit) return -1;
          if (use > peak) peak = use;
        }
        cost += (Math.max(0, peak - owned) - old) * it.rentalRate;
      }
    }
    return cost;
  }

  /** Cheapest allowed location available with spare capacity in every slot (ties: lower index). */
  bestLocation(shoot: ModelShoot, start: StartOption): { location: number; cost: number } | null {
    const { state, model } = this;
    let best: { location: number; cost: number } | null = null;
    for (const l of shoot.locations) {
      const loc = model.locations[l];
      if (loc === undefined) continue;
      let ok = true;
      for (const t of start.slots) {
        if (loc.available[t] !== 1 || (state.locationLoad[l * state.slots + t] ?? 0) + 1 > loc.capacity) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      let cost = 0;
      if (loc.dayFee > 0) for (let d = start.firstDay; d <= start.lastDay; d += 1) if (state.locationUsed[l * state.days + d] === 0) cost += loc.dayFee;
      if (best === null || cost < best.cost) best = { location: l, cost };
    }
    return best;
  }

  /**
   * Incremental cost of adding the person at `start`, or -1 when they cannot work it.
   * Cached per staffing call (`epoch`).
   */
  personCost(person: number, start: StartOption): number {
    if (this.stamp[person] === this.epoch) return this.cached[person] ?? -1;
    const cost = this.computePersonCost(person, start);
    this.stamp[person] = this.epoch;
    this.cached[person] = cost;
    return cost;
  }

  private computePersonCost(person: number, start: StartOption): number {
    const { state, model } = this;
    const p = model.people[person];
    if (p === undefined) return -1;
    const base = person * state.slots;
    for (const t of start.slots) if (p.available[t] !== 1 || state.busy[base + t] === 1) return -1;
    const dayBase = person * state.days;
    let newDays = 0;
    for (let d = start.firstDay; d <= start.lastDay; d += 1) if (state.worked[dayBase + d] === 0) newDays += 1;
    if (newDays === 0) return 0;
    if (p.maxDays !== null && (state.workedDays[person] ?? 0) + newDays > p.maxDays) return -1;
    if (p.maxConsecutiveDays !== null && !this.runsFit(dayBase, start, p.maxConsecutiveDays)) return -1;
    if (!p.hold) return newDays * p.dayRate;
    const first = state.spanFirst[person] ?? -1;
    if (first < 0) return (start.lastDay - start.firstDay + 1) * p.dayRate;
    const last = state.spanLast[person] ?? first;
    const span = Math.max(last, start.lastDay) - Math.min(first, start.firstDay) + 1;
    return (span - (last - first + 1)) * p.dayRate;
  }

  /** Whether working the start's days keeps every run of consecutive calendar days worked at most `limit`. */
  private runsFit(dayBase: number, start: StartOption, limit: number): boolean {
    const { state, model } = this;
    const from = Math.max(0, start.firstDay - limit);
    const to = Math.min(state.days - 1, start.lastDay + limit);
    let run = 0;
    for (let d = from; d <= to; d += 1) {
      const works = state.worked[dayBase + d] === 1 || (d >= start.firstDay && d <= start.lastDay);
      if (!works) {
        run = 0;
        continue;
      }
      const contiguous = d > from && (model.dayNumbers[d] ?? 0) === (model.dayNumbers[d - 1] ?? 0) + 1;
      run = contiguous && run > 0 ? run + 1 : 1;
      if (run > limit) return false;
    }
    return true;
  }

  /**
   * The cheapest crew for the shoot at `start`, or null when the roles cannot be
   * filled or a required person is not free. Required people come first (on the
   * scarcest of their needed roles, or with role null when they hold none), then
   * the roles are filled scarcest first with the cheapest free holders (a one-step
   * swap rescues a role a multi-role person was taken from), then each preferred
   * person replaces the dearest filler of a role they hold, or attends with role
   * null, when the extra cost is below the preference penalty. The cost includes
   * the penalties of the preferred people left out. Gives up (null) as soon as the
   * cost reaches `limit`, when a cheaper candidate is already known.
   */
  staff(shoot: ModelShoot, start: StartOption, limit = Infinity): { crew: Placement["crew"]; cost: number } | null {
    const { model } = this;
    this.epoch += 1;
    const epoch = this.epoch;
    const roles = shoot.roles;
    const remaining = roles.map((r) => r.count);
    const crew: CrewEntry[] = [];
    const pending: { person: number; cost: number; roles: number[] }[] = [];
    for (const r of shoot.required) {
      const cost = this.personCost(r, start);
      if (cost < 0) return null;
      if (this.inCrew[r] === epoch) continue;
      this.inCrew[r] = epoch;
      const held = heldRoles(model, r, roles);
      if (held.length === 0) crew.push({ person: r, role: null, cost, fixed: true });
      else pending.push({ person: r, cost, roles: held });
    }
    let spent = 0;
    for (const c of crew) spent += c.cost;
    for (const req of pending) spent += req.cost;
    if (spent >= limit) return null;
    // Holders per role: the scarcity measure (static, so that a dear start can be abandoned early).
    const free = roles.map((r) => (this.holders.get(r.role)?.length ?? 0));
    pending.sort((a, b) => a.roles.length - b.roles.length || a.person - b.person);
    for (const req of pending) {
      let pick = -1;
      for (const j of req.roles) {
        if ((remaining[j] ?? 0) <= 0) continue;
        if (pick < 0 || slack(free, remaining, j) < slack(free, remaining, pick)) pick = j;
      }
      if (pick < 0) return null;
      remaining[pick] = (remaining[pick] ?? 0) - 1;
      crew.push({ person: req.person, role: roles[pick]?.role ?? null, cost: req.cost, fixed: true });
    }
    const order = roles.map((_, j) => j).sort((a, b) => slack(free, remaining, a) - slack(free, remaining, b) || a - b);
    for (const j of order) {
      const role = roles[j]?.role ?? "";
      while ((remaining[j] ?? 0) > 0) {
        const x = this.cheapestFree(role, start);
        if (x >= 0) {
          this.inCrew[x] = epoch;
          const cost = this.personCost(x, start);
          crew.push({ person: x, role, cost, fixed: false });
          spent += cost;
          if (spent >= limit) return null;
        } else if (!this.swapInto(role, crew, start)) {
          return null;
        }
        remaining[j] = (remaining[j] ?? 0) - 1;
      }
    }
    let missing = 0;
    for (const p of shoot.preferred) {
      if (this.inCrew[p] === epoch) continue;
      const cost = this.personCost(p, start);
      if (cost < 0 || !this.takePreferred(p, cost, shoot, crew)) missing += 1;
    }
    let cost = missing * shoot.preferencePenalty;
    for (const c of crew) cost += c.cost;
    return { crew: crew.map((c) => ({ person: c.person, role: c.role })), cost };
  }

  /**
   * Cheapest free holder of the role not yet in the crew; ties: fewer roles, lower
   * day rate, lower index. A person whose unplaced mandatory shoots need a large
   * share of their free slots counts dearer here ({@link reservePenalty}), so they
   * are kept for the shoots that cannot do without them.
   */
  private cheapestFree(role: string, start: StartOption): number {
    const { model } = this;
    let best = -1;
    let bestCost = Infinity;
    let bestRoles = Infinity;
    for (const x of this.holders.get(role) ?? []) {
      if (this.inCrew[x] === this.epoch) continue;
      // A worked-days person not yet working every day of the start costs at least their
      // day rate: when that is already dearer than the best, skip the full check (same pick).
      const person = model.people[x];
      if (person === undefined || (person.dayRate > bestCost && !person.hold && !this.worksEveryDay(x, start))) continue;
      const base = this.personCost(x, start);
      if (base < 0) continue;
      const cost = base + this.reservePenalty(x);
      if (cost > bestCost) continue;
      const n = person.roles.size;
      if (cost < bestCost || n < bestRoles) {
        best = x;
        bestCost = cost;
        bestRoles = n;
      }
    }
    return best;
  }

  /** Whether the person already works every day of the start (then adding them costs no day). */
  private worksEveryDay(person: number, start: StartOption): boolean {
    const { state } = this;
    const base = person * state.days;
    for (let d = start.firstDay; d <= start.lastDay; d += 1) if (state.worked[base + d] === 0) return false;
    return true;
  }

  /** Day rate × twice the share of the person's free slots that unplaced mandatory shoots requiring them need. */
  private reservePenalty(person: number): number {
    const demand = this.state.pendingDemand[person] ?? 0;
    if (demand <= 0) return 0;
    const free = Math.max(1, this.state.freeSlots[person] ?? 0);
    return (this.model.people[person]?.dayRate ?? 0) * Math.min(4, (2 * demand) / free);
  }

  /** Moves a filler who also holds `role` into it and refills their old role with a free holder. */
  private swapInto(role: string, crew: CrewEntry[], start: StartOption): boolean {
    const { model } = this;
    for (const entry of crew) {
      if (entry.fixed || entry.role === null || entry.role === role) continue;
      if (!model.people[entry.person]?.roles.has(role)) continue;
      const other = this.cheapestFree(entry.role, start);
      if (other < 0) continue;
      this.inCrew[other] = this.epoch;
      crew.push({ person: other, role: entry.role, cost: this.personCost(other, start), fixed: false });
      entry.role = role;
      return true;
    }
    return false;
  }

  /** Takes a preferred person when it costs less than the penalty; false when they stay out. */
  private takePreferred(person: number, cost: number, shoot: ModelShoot, crew: CrewEntry[]): boolean {
    const held = heldRoles(this.model, person, shoot.roles);
    if (held.length === 0) {
      if (cost >= shoot.preferencePenalty) return false;
      this.inCrew[person] = this.epoch;
      crew.push({ person, role: null, cost, fixed: true });
      return true;
    }
    let replace: CrewEntry | null = null;
    for (const entry of crew) {
      if (entry.fixed || entry.role === null) continue;
      if (!held.some((j) => shoot.roles[j]?.role === entry.role)) continue;
      if (replace === null || entry.cost > replace.cost) replace = entry;
    }
    if (replace === null || cost - replace.cost >= shoot.preferencePenalty) return false;
    this.inCrew[replace.person] = this.epoch - 1;
    this.inCrew[person] = this.epoch;
    replace.person = person;
    replace.cost = cost;
    replace.fixed = true;
    return true;
  }
}

/** Indices into `roles` of the roles the person holds. */
function heldRoles(model: PlanningModel, person: number, roles: ModelShoot["roles"]): number[] {
  const p = model.people[person];
  if (p === undefined) return [];
  const held: number[] = [];
  roles.forEach((r, j) => {
    if (r.count > 0 && p.roles.has(r.role)) held.push(j);
  });
  return held;
}

function slack(free: readonly number[], remaining: readonly number[], j: number): number {
  return (free[j] ?? 0) - (remaining[j] ?? 0);
}

/**
 * Backward propagation of deadlines over precedence: the latest start slot of each
 * shoot such that every mandatory successor (at its own latest start, within its
 * start options) can still follow with its gap. Unconstrained shoots get their last
 * start's slot. Iterates to a fixed point (bounded by the number of shoots).
 */
function latestStarts(model: PlanningModel, successors: readonly (readonly { shoot: number; gapDays: number }[])[]): Int32Array {
  const latest = new Int32Array(model.shoots.length);
  model.shoots.forEach((s) => {
    latest[s.index] = s.starts[s.starts.length - 1]?.slot ?? -1;
  });
  for (let round = 0; round <= model.shoots.length; round += 1) {
    let changed = false;
    for (const shoot of model.shoots) {
      const limit = latest[shoot.index] ?? -1;
      let bound = -1;
      for (let i = shoot.starts.length - 1; i >= 0; i -= 1) {
        const start = shoot.starts[i];
        if (start === undefined || start.slot > limit) continue;
        const ok = (successors[shoot.index] ?? []).every((a) => {
          const next = model.shoots[a.shoot];
          return next === undefined || next.optional || earliestFollowingStart(model, start, a.gapDays) <= (latest[a.shoot] ?? -1);
        });
        if (ok) {
          bound = start.slot;
          break;
        }
      }
      if (bound < limit) {
        latest[shoot.index] = bound;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return latest;
}

/** Forward propagation: the earliest start slot of each shoot after its mandatory predecessors, each at its earliest start. */
function earliestStarts(model: PlanningModel): Int32Array {
  const earliest = new Int32Array(model.shoots.length);
  model.shoots.forEach((s) => {
    earliest[s.index] = s.starts[0]?.slot ?? 0;
  });
  for (let round = 0; round <= model.shoots.length; round += 1) {
    let changed = false;
    for (const shoot of model.shoots) {
      let bound = earliest[shoot.index] ?? 0;
      for (const { shoot: first, gapDays } of shoot.after) {
        const pred = model.shoots[first];
        if (pred === undefined || pred.optional) continue;
        const from = earliest[first] ?? 0;
        const start = pred.starts.find((o) => o.slot >= from);
        if (start !== undefined) bound = Math.max(bound, earliestFollowingStart(model, start, gapDays));
      }
      const own = shoot.starts.find((o) => o.slot >= bound);
      const next = own === undefined ? bound : own.slot;
      if (next > (earliest[shoot.index] ?? 0)) {
        earliest[shoot.index] = next;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return earliest;
}
