/**
 * A combinatorial lower bound on the cost of every plan of a problem, computed in
 * milliseconds at any size (no LP). Money in integer minor units.
 *
 * ## Idea: charge every shoot a share of each paid unit it uses
 *
 * Every cost of a plan is a price times a count of paid units: person-days,
 * location-days, rented unit-days, plus penalties. We give every shoot s a weight
 * u(s) ("what fraction of a day it occupies") such that, for every paid unit, the
 * shoots that use it have weights adding up to at most 1 (at most `capacity` for a
 * location-day). Then, resource by resource,
 *
 *     price x paid units  >=  sum over shoots s using the resource of  price x u(s)
 *
 * and summing over resources and regrouping by shoot gives
 *
 *     cost(plan) >= sum over shoots s of  [what s pays at these per-shoot prices]
 *
 * which we minimise shoot by shoot (each shoot over its own options, independently of
 * the others: a relaxation). This is why the sum over shoots is valid although shoots
 * share paid days: a shared person-day is split, never counted twice.
 *
 * ## The weights (see duration-weights.ts)
 *
 * u(s) = w(k) for a shoot of k <= S slots (S = slots per day), where w satisfies
 * "k_1 + ... + k_n <= S implies w(k_1) + ... + w(k_n) <= 1", e.g. w(k) = k / S; and
 * u(s) = d for a multi-day shoot of d whole days (it fills every slot of its days).
 *
 * - Person p (day rate r): on each day p works, the single-day shoots p is on occupy
 *   disjoint slots (a person is never in two overlapping shoots), so their weights
 *   add up to at most 1; a day of a multi-day shoot holds nothing else and counts 1 of
 *   its d. Hence sum of u(s) over the shoots p is on <= days worked <= days paid
 *   (hold billing pays at least the days worked), and p's cost >= r x that sum.
 * - Location l (fee f, capacity c): at any slot at most c shoots are there, so the
 *   shoots of one day split into c tracks of non-overlapping shoots (interval graphs
 *   are perfect: maximum overlap c means c colours suffice); each track weighs <= 1,
 *   the day weighs <= c, and l's fees >= sum of (f / c) x u(s) over its shoots.
 * - Item i (rent r per unit-day, owned o_d on day d): a shoot needing q units uses
 *   e = max(0, q - o_d) units beyond the owned ones. In every slot of day d the rented
 *   units cover the excess of all running shoots together (if any runs with q > o_d,
 *   sum of their (q - o_d) <= total use - o_d <= rented_d). Giving each shoot e
 *   "excess units" as e copies of its interval, the copies overlap at most rented_d
 *   deep, so they split into rented_d tracks of weight <= 1 each: rented_d >=
 *   sum of e x w(k) over single-day shoots (a multi-day shoot counts e on each day).
 *   A start where e exceeds the rental cap cannot be used at all.
 *
 * ## What one shoot pays at these prices
 *
 * - Staff: role seats filled by distinct people holding the role (one person fills
 *   at most one role), each seated person p costing u(s) x r_p; required people who
 *   hold a needed role take a seat, others (talent) attend on top. The cheapest such
 *   seating is a small min-cost flow (staffing-flow.ts). Only people available on every
 *   slot of some usable start of the shoot are candidates.
 * - Preferred people: a miss costs the preference penalty P. A preferred holder of a
 *   role is credited P when seated; a preferred person without a needed role pays
 *   min(P, u(s) x r_p) (attend or be missed).
 * - Place and equipment: the cheapest usable start, at it the cheapest allowed
 *   available location's f / c plus the excess rentals, all times the weight.
 * - Optional shoots: min(drop penalty, the above) (a dropped shoot uses nothing and
 *   pays no preference penalty).
 *
 * ## Hold spans and whole days
 *
 * A person p required on mandatory shoots R works on whole days: at least
 * ceil(sum over s in R of u(s)) of them, and at least as many as R has shoots with
 * pairwise disjoint windows of usable days (they cannot share a day; the largest such
 * set is found greedily by window end). Per-shoot charges instead pay u(s) for each,
 * as if p's half days always paired up. A hold-billed p is moreover paid every working
 * day from their first to their last worked day. Each s in R starts at the latest on its
 * latest usable first day and ends at the earliest on its earliest usable last day, so
 * p's span covers at least span(p) = max_s earliestLast(s) - min_s latestFirst(s) + 1
 * days; p's cost >= r_p x max(span(p), whole days of R). This per-person bound
 * cannot be added to per-shoot charges of p (idle days may fill with other shoots), so
 * when it is used, p is charged 0 in every shoot's staffing instead (still seated where
 * needed): p's total charge is then r_p x max(span, whole days) <= p's cost. Two variants
 * are evaluated (persons for whom this loses nothing elsewhere, and all), and the
 * better bound kept.
 *
 * Several weightings w are tried (only `linear` when S <= 2); every one gives a valid
 * bound, the largest is returned, rounded up (costs are integers in minor units).
 *
 * Budgets, precedence and day limits are ignored (relaxations keep the bound valid).
 */
import type { ModelItem, ModelLocation, ModelPerson, ModelShoot, PlanningModel, StartOption } from "../model/planning-model.js";
import { holdersByRole } from "../model/role-holders.js";
import { durationWeightings, type DurationWeights } from "./duration-weights.js";
import { cheapestSeating, type StaffingRole } from "./staffing-flow.js";

export interface CombinatorialBoundDetails {
  /** The bound in minor units (an integer; never above the cost of any plan). */
  readonly value: number;
  /** The duration weighting that gave it (see duration-weights.ts). */
  readonly weighting: string;
  /** True when hold-billed people were charged their unavoidable span in the best variant. */
  readonly holdSpans: boolean;
  /** The bound's parts in minor units (before rounding; they add up to about `value`). */
  readonly parts: { readonly crew: number; readonly locations: number; readonly equipment: number; readonly penalties: number; readonly holdSpans: number };
  /**
   * Proven infeasibility: a mandatory shoot has no usable start (window, availability,
   * rental caps) or cannot be staffed by distinct available holders of its roles, or the
   * bound exceeds the total budget. `value` is still a (vacuous) finite bound then.
   */
  readonly provesInfeasible: boolean;
}

/** The combinatorial lower bound in minor units: never above the cost of any plan. */
export function combinatorialBound(model: PlanningModel): number {
  return combinatorialBoundDetails(model).value;
}

export function combinatorialBoundDetails(model: PlanningModel): CombinatorialBoundDetails {
  const facts = boundFacts(model);
  return combine(model, facts);
}

/** Facts per model: a solve asks for them up to three times (this bound, the capacity and the slot bound; 0.1 s each at 1 000 shoots). */
const factsByModel = new WeakMap<PlanningModel, readonly ShootFacts[]>();

/**
 * What the bound knows about each shoot, independent of weights and prices (shared
 * with capacity-bound.ts and slot-lagrangian-bound.ts). Computed once per model
 * object: models are immutable, and residual models are new objects.
 */
export function boundFacts(model: PlanningModel): readonly ShootFacts[] {
  const known = factsByModel.get(model);
  if (known !== undefined) return known;
  const facts = computeFacts(model);
  factsByModel.set(model, facts);
  return facts;
}

function computeFacts(model: PlanningModel): ShootFacts[] {
  const availability = new PrefixCounts(model.people.map((p) => p.available));
  const locationAvailability = new PrefixCounts(model.locations.map((l) => l.available));
  const holdersOf = holdersByRole(model.people, dayRate);
  return model.shoots.map((s) => shootFacts(model, s, availability, locationAvailability, holdersOf));
}

function combine(model: PlanningModel, facts: readonly ShootFacts[]): CombinatorialBoundDetails {
  const spans = holdSpans(model, facts);
  const durations = new Set(model.shoots.filter((s) => s.durationSlots <= model.slotsPerDay).map((s) => s.durationSlots));
  const pureGain = new Set([...spans.keys()].filter((p) => chargesNothingElsewhere(model, facts, p, spans.get(p)?.shoots ?? [])));
  const variants = [pureGain];
  if (pureGain.size < spans.size) variants.push(new Set(spans.keys()));
  let best: Evaluation | null = null;
  for (const weighting of durationWeightings(model.slotsPerDay, durations)) {
    for (const spanned of variants) {
      const evaluation = evaluate(model, facts, spans, weighting, spanned);
      if (best === null || evaluation.total > best.total) best = evaluation;
    }
  }
  const result = best ?? { total: 0, weighting: "linear", holdSpans: false, infeasible: false, parts: { crew: 0, locations: 0, equipment: 0, penalties: 0, holdSpans: 0 } };
  const value = Math.max(0, Math.ceil(result.total - 1e-6 - 1e-12 * Math.abs(result.total)));
  const overBudget = model.budgetTotal !== null && value > model.budgetTotal;
  return { value, weighting: result.weighting, holdSpans: result.holdSpans, parts: result.parts, provesInfeasible: result.infeasible || overBudget };
}

/**
 * People whose whole-day (or hold-span) charge loses nothing elsewhere: required on
 * mandatory shoots and eligible for no other shoot. `days`: the days their required
 * shoots force (hold span, pairwise separate windows); the caller adds ceil(sum of weights).
 */
export function requiredDays(model: PlanningModel, facts: readonly ShootFacts[]): Map<number, { readonly shoots: readonly number[]; readonly days: number }> {
  const spans = holdSpans(model, facts);
  return new Map([...spans].filter(([p, span]) => chargesNothingElsewhere(model, facts, p, span.shoots)));
}

/** Everything about one shoot that does not depend on the weighting. */
export interface ShootFacts {
  readonly shoot: ModelShoot;
  readonly multiDay: boolean;
  /**
   * Whole days the shoot fills (1 for a single-day shoot). Validation makes a multi-day
   * duration a whole number of days; were it not, the partial last day is not charged.
   */
  readonly days: number;
  /** Starts usable on their own (some allowed location available, rentals within caps). */
  readonly usable: readonly StartOption[];
  /**
   * Cheapest location + excess rental price of a usable start: per unit of weight for a
   * single-day shoot, in total for a multi-day one; split into its two parts.
   */
  readonly place: { readonly location: number; readonly equipment: number } | null;
  /**
   * Per allowed location available on some usable start: the least excess-rental price
   * of those starts (per unit of weight for a single-day shoot, in total for a multi-day one).
   */
  readonly places: readonly { readonly location: number; readonly equipment: number }[];
  /** Role seats with their available holders, cheapest first. */
  readonly roles: readonly (StaffingRole & { readonly role: string })[];
  /** Everyone who could be on the shoot: available on a usable start, holding a needed role or named. */
  readonly eligible: ReadonlySet<number>;
  /** Required people who hold a needed role (must take a seat). */
  readonly forced: ReadonlySet<number>;
  /** Required people who hold none of the roles (attend on top). */
  readonly attendees: readonly number[];
  /** Preferred (not required) people holding a needed role. */
  readonly preferredHolders: ReadonlySet<number>;
  /** Preferred (not required) people holding no needed role, with whether they are available. */
  readonly preferredOthers: readonly { readonly person: number; readonly available: boolean }[];
}

function shootFacts(model: PlanningModel, shoot: ModelShoot, people: PrefixCounts, locations: PrefixCounts, holdersOf: ReadonlyMap<string, readonly number[]>): ShootFacts {
  const S = model.slotsPerDay;
  const multiDay = shoot.durationSlots > S;
  const days = multiDay ? Math.floor(shoot.durationSlots / S) : 1;
  const usable: StartOption[] = [];
  let place: { location: number; equipment: number } | null = null;
  const feeOf = (l: number) => {
    const location = model.locations[l];
    return location === undefined ? Infinity : dayFee(location) / Math.max(1, location.capacity);
  };
  const cheapestFirst = [...shoot.locations].sort((a, b) => feeOf(a) - feeOf(b) || a - b);
  const leastEquipment = new Map<number, number>();
  for (const start of shoot.starts) {
    const available = cheapestFirst.find((l) => locations.full(l, start.slot, shoot.durationSlots));
    const fee = available === undefined ? Infinity : feeOf(available);
    const equipment = excessRental(model, shoot, start, days);
    if (fee === Infinity || equipment === null) continue;
    usable.push(start);
    for (const l of cheapestFirst) {
      if (locations.full(l, start.slot, shoot.durationSlots)) leastEquipment.set(l, Math.min(leastEquipment.get(l) ?? Infinity, equipment));
    }
    const location = fee * days;
    if (place === null || location + equipment < place.location + place.equipment) place = { location, equipment };
  }
  const canWork = (p: number) => usable.some((start) => people.full(p, start.slot, shoot.durationSlots));
  const needed = shoot.roles.filter((r) => r.count > 0);
  const holdsNeeded = (p: number) => needed.some((r) => model.people[p]?.roles.has(r.role) === true);
  const seen = new Uint8Array(model.people.length);
  const eligible = new Set<number>();
  const consider = (p: number) => {
    if (seen[p] === 1) return;
    seen[p] = 1;
    if (canWork(p)) eligible.add(p);
  };
  for (const r of needed) for (const p of holdersOf.get(r.role) ?? []) consider(p);
  for (const p of shoot.required) consider(p);
  for (const p of shoot.preferred) consider(p);
  const required = new Set(shoot.required);
  // holdersOf lists each role's holders by day rate, so the cheapest come first.
  const roles = needed.map((r) => ({ role: r.role, count: r.count, holders: (holdersOf.get(r.role) ?? []).filter((p) => eligible.has(p)) }));
  const preferred = [...new Set(shoot.preferred)].filter((p) => !required.has(p));
  return {
    shoot,
    multiDay,
    days,
    usable,
    place,
    places: [...leastEquipment].map(([location, equipment]) => ({ location, equipment })),
    roles,
    eligible,
    forced: new Set([...required].filter(holdsNeeded)),
    attendees: [...required].filter((p) => !holdsNeeded(p)),
    preferredHolders: new Set(preferred.filter(holdsNeeded)),
    preferredOthers: preferred.filter((p) => !holdsNeeded(p)).map((person) => ({ person, available: eligible.has(person) })),
  };
}

/**
 * Sum over items and the first `days` days of rate x units beyond the owned ones, or
 * null when a rental cap is exceeded on any day of the start.
 */
function excessRental(model: PlanningModel, shoot: ModelShoot, start: StartOption, days: number): number | null {
  let total = 0;
  for (const { item, units } of shoot.equipment) {
    const spec = model.items[item];
    if (spec === undefined) continue;
    for (let d = start.firstDay; d <= start.lastDay; d += 1) {
      const excess = Math.max(0, units - (spec.ownedByDay[d] ?? 0));
      if (excess > spec.rentalCap) return null;
      if (d < start.firstDay + days) total += excess * rentalRate(spec);
    }
  }
  return total;
}

interface HoldSpan {
  /** Mandatory shoots the person is required on. */
  readonly shoots: readonly number[];
  /** Working days their span covers at least. */
  readonly days: number;
}

/** People required on mandatory shoots, with the days those shoots force (span for hold billing, separate days). */
function holdSpans(model: PlanningModel, facts: readonly ShootFacts[]): Map<number, HoldSpan> {
  const spans = new Map<number, HoldSpan>();
  for (const person of model.people) {
    if (dayRate(person) === 0) continue;
    const shoots = facts.filter((f) => !f.shoot.optional && f.shoot.required.includes(person.index) && f.usable.length > 0);
    if (shoots.length === 0) continue;
    const earliestLast = Math.max(...shoots.map((f) => Math.min(...f.usable.map((s) => s.lastDay))));
    const latestFirst = Math.min(...shoots.map((f) => Math.max(...f.usable.map((s) => s.firstDay))));
    const span = person.hold ? Math.max(0, earliestLast - latestFirst + 1) : 0;
    spans.set(person.index, { shoots: shoots.map((f) => f.shoot.index), days: Math.max(span, separateDays(shoots)) });
  }
  return spans;
}

/** Most shoots with pairwise disjoint ranges of usable days (earliest first day to latest last day), greedily by range end. */
function separateDays(shoots: readonly ShootFacts[]): number {
  const ranges = shoots
    .map((f) => ({ from: Math.min(...f.usable.map((s) => s.firstDay)), to: Math.max(...f.usable.map((s) => s.lastDay)) }))
    .sort((a, b) => a.to - b.to || a.from - b.from);
  let count = 0;
  let end = -Infinity;
  for (const r of ranges) {
    if (r.from <= end) continue;
    count += 1;
    end = r.to;
  }
  return count;
}

/** True when charging p nothing in shoots outside `own` changes none of their staffing costs. */
function chargesNothingElsewhere(model: PlanningModel, facts: readonly ShootFacts[], p: number, own: readonly number[]): boolean {
  const mine = new Set(own);
  // Only shoots p could be on charge p anything (seats, attendance, preferred attendance).
  return facts.every((f) => mine.has(f.shoot.index) || f.usable.length === 0 || !f.eligible.has(p));
}

interface Evaluation {
  readonly total: number;
  readonly weighting: string;
  readonly holdSpans: boolean;
  readonly infeasible: boolean;
  readonly parts: { crew: number; locations: number; equipment: number; penalties: number; holdSpans: number };
}

function evaluate(model: PlanningModel, facts: readonly ShootFacts[], spans: ReadonlyMap<number, HoldSpan>, weighting: DurationWeights, spanned: ReadonlySet<number>): Evaluation {
  const weightOf = (f: ShootFacts) => (f.multiDay ? f.days : (weighting.weight[f.shoot.durationSlots] ?? 0));
  const parts = { crew: 0, locations: 0, equipment: 0, penalties: 0, holdSpans: 0 };
  let infeasible = false;
  for (const f of facts) {
    const u = weightOf(f);
    const staff = staffingCost(model, f, u, spanned);
    const factor = f.multiDay ? 1 : u;
    const place = f.place === null ? null : { locations: factor * f.place.location, equipment: factor * f.place.equipment };
    if (staff === null || place === null) {
      if (f.shoot.optional) parts.penalties += f.shoot.dropPenalty;
      else infeasible = true;
      continue;
    }
    const own = staff.crew + staff.penalties + place.locations + place.equipment;
    if (f.shoot.optional && f.shoot.dropPenalty < own) {
      parts.penalties += f.shoot.dropPenalty;
      continue;
    }
    parts.crew += staff.crew;
    parts.penalties += staff.penalties;
    parts.locations += place.locations;
    parts.equipment += place.equipment;
  }
  for (const p of spanned) {
    const span = spans.get(p);
    const person = model.people[p];
    if (span === undefined || person === undefined) continue;
    const rate = dayRate(person);
    const worked = span.shoots.reduce((sum, s) => {
      const f = facts[s];
      return sum + (f === undefined ? 0 : weightOf(f));
    }, 0);
    // Days are whole: the weights of one day add up to at most 1, so p works >= ceil(worked) days.
    parts.holdSpans += rate * Math.max(span.days, Math.ceil(worked - 1e-9));
  }
  const total = parts.crew + parts.locations + parts.equipment + parts.penalties + parts.holdSpans;
  return { total, weighting: weighting.name, holdSpans: spanned.size > 0, infeasible, parts };
}

/** Cheapest staffing of one shoot at weight u, split into crew cost and preference penalties; null if impossible. */
function staffingCost(model: PlanningModel, f: ShootFacts, u: number, spanned: ReadonlySet<number>): { crew: number; penalties: number } | null {
  const pay = (p: number) => {
    const person = model.people[p];
    return spanned.has(p) || person === undefined ? 0 : u * dayRate(person);
  };
  return cheapestShootStaffing(f, pay, spanned);
}

/** No special people (the default of {@link cheapestShootStaffing}, called for every shoot, start and iteration). */
const NOBODY: ReadonlySet<number> = new Set();

/**
 * Cheapest staffing of one shoot at per-person prices `pay` (shared with
 * capacity-bound.ts): the seats, required people on top, and each preferred person
 * seated (credited the penalty), attending (when cheaper than the penalty) or missed.
 * Returns the crew cost, the preference penalties and the people it uses; null if impossible.
 * `special` people are always shortlisted (see {@link shortlist}).
 */
export function cheapestShootStaffing(
  f: ShootFacts,
  pay: (p: number) => number,
  special: ReadonlySet<number> = NOBODY,
): { crew: number; penalties: number; people: number[] } | null {
  const P = f.shoot.preferencePenalty;
  const seated = cheapestSeating(shortlist(f, pay, special), (p) => pay(p) - (f.preferredHolders.has(p) ? P : 0), f.forced);
  if (seated === null) return null;
  // seated = crew of the seats - P per seated preferred holder; every preferred holder is owed P unless seated.
  let crew = seated.cost + P * f.preferredHolders.size;
  let penalties = 0;
  const people = [...seated.seated];
  for (const p of f.attendees) {
    crew += pay(p);
    people.push(p);
  }
  for (const { person, available } of f.preferredOthers) {
    const attend = available ? pay(person) : Infinity;
    if (attend < P) {
      crew += attend;
      people.push(person);
    } else penalties += P;
  }
  // The split between seated crew and missed preferred holders is not recovered; report it all as crew.
  return { crew, penalties, people };
}

/**
 * Per role, the holders worth considering: every "special" holder (forced, preferred,
 * or given), then the `seats` cheapest others at `pay` (ties by index; by the exchange
 * argument of staffing-flow.ts nobody dearer is ever needed).
 */
function shortlist(f: ShootFacts, pay: (p: number) => number, given: ReadonlySet<number>): StaffingRole[] {
  const seats = f.roles.reduce((sum, r) => sum + r.count, 0);
  const special = (p: number) => f.forced.has(p) || f.preferredHolders.has(p) || given.has(p);
  return f.roles.map((r) => {
    const cheapest: { p: number; price: number }[] = [];
    for (const p of r.holders) {
      if (special(p)) continue;
      const price = pay(p);
      // Insertion into a list of at most `seats` (a handful): no full sort per shoot and role.
      let at = cheapest.length;
      while (at > 0 && ((cheapest[at - 1]?.price ?? 0) > price || ((cheapest[at - 1]?.price ?? 0) === price && (cheapest[at - 1]?.p ?? 0) > p))) at -= 1;
      if (at >= seats) continue;
      cheapest.splice(at, 0, { p, price });
      if (cheapest.length > seats) cheapest.pop();
    }
    return { count: r.count, holders: [...r.holders.filter(special), ...cheapest.map((c) => c.p)] };
  });
}

/**
 * Prices as far as this bound is concerned. On a residual model (neighbourhood search:
 * some shoots held fixed), days already paid and units already in use make extra work
 * free or cheaper; the bound then simply prices such a person, location or item at 0,
 * which keeps it valid (the bound is meant for whole problems, where nothing changes).
 */
function dayRate(person: ModelPerson): number {
  return person.paidDays.size > 0 ? 0 : person.dayRate;
}

function dayFee(location: ModelLocation): number {
  return location.paidDays.size > 0 ? 0 : location.dayFee;
}

function rentalRate(item: ModelItem): number {
  return item.fixedUse !== null ? 0 : item.rentalRate;
}

/** Per resource, prefix counts of available slots: "available on every slot of [from, from+length)" in O(1). */
class PrefixCounts {
  private readonly prefix: Int32Array[];

  constructor(masks: readonly Uint8Array[]) {
    this.prefix = masks.map((mask) => {
      const counts = new Int32Array(mask.length + 1);
      for (let t = 0; t < mask.length; t += 1) counts[t + 1] = (counts[t] ?? 0) + (mask[t] === 1 ? 1 : 0);
      return counts;
    });
  }

  full(resource: number, from: number, length: number): boolean {
    const counts = this.prefix[resource];
    if (counts === undefined || from < 0 || from + length > counts.length - 1) return false;
    return (counts[from + length] ?? 0) - (counts[from] ?? 0) === length;
  }
}
