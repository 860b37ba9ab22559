/**
 * A Lagrangian lower bound that keeps time: every shoot takes one start, one location
 * and its crew, and only the rows that tie shoots together, slot by slot, are priced.
 * Money in integer minor units.
 *
 * ## What the per-shoot bounds miss
 *
 * The combinatorial and capacity bounds charge a half-day shoot half of each person's
 * day rate, as if every half day paired up with another shoot of the same person on
 * the same day. Often it cannot (nothing else that person could do falls on that day),
 * and the plan pays the whole day. Pricing slots instead of shoots sees that.
 *
 * ## The relaxation
 *
 * Every plan satisfies, for every person p, location l, item i and slot k of day d:
 *
 *     shoots p is on that cover k                          <= works(p, d)           (P)
 *     shoots at l that cover k                             <= c(l) x used(l, d)     (L)
 *     units of i in use by the shoots that cover k         <= owned(i, d) + rented(i, d)  (I)
 *
 * and costs sum over p, d of rate(p) x works(p, d) (hold billing pays at least that) +
 * fee(l) x used(l, d) + rent(i) x rented(i, d) + penalties. Moving (P), (L), (I) into
 * the cost with multipliers lambda(p, k), mu(l, k), nu(i, k) >= 0 can only lower the
 * minimum, and what is left splits into independent pieces:
 *
 * - each shoot alone: the cheapest start, location and crew (the combinatorial bound's
 *   staffing flow, with required and preferred people, among the people available at
 *   that start) when a seat at slot k costs lambda(p, k), the location mu(l, k) and each
 *   unit nu(i, k), summed over the slots the shoot covers; or its drop penalty;
 * - each person: the days to work, at most their day limit, each costing
 *   rate(p) - sum of lambda(p, k) over the day's slots (only days where that is negative);
 * - each location-day min(0, fee - c x sum of mu over the day), each item-day
 *   min(0, rent - sum of nu) x rental cap - owned x sum of nu.
 *
 * Every multiplier vector gives a valid bound. Starting from lambda = rate / slots per
 * day (the per-shoot bounds' linear pricing), subgradient ascent with Polyak steps
 * towards a known plan's cost moves each person's day rate onto the slots that are
 * actually wanted: a lone morning shoot ends up paying the whole day.
 *
 * Ignored (relaxations keep the bound valid): budgets, precedence, consecutive-day
 * limits, hold spans. Whole problems only: on a residual model the bound is null.
 */
import type { ModelShoot, PlanningModel, StartOption } from "../model/planning-model.js";
import { boundFacts, cheapestShootStaffing, type ShootFacts } from "./combinatorial-bound.js";
import { drain } from "../slices.js";
import { ascentBound, subgradientAscentInSlices } from "./subgradient-ascent.js";

export interface SlotLagrangianBoundOptions {
  /** Subgradient iterations (default 200). The bound only grows with them. */
  readonly iterations?: number;
  /** Epoch milliseconds after which no more iterations start. Default: none. */
  readonly deadline?: number;
  /** Cancels like the deadline once aborted. */
  readonly signal?: AbortSignal;
  /** Cost of a known plan in minor units: the Polyak step's target. Default: 10 % above the first bound. */
  readonly upperBound?: number | null;
  /**
   * Per-person and per-location multipliers of the capacity bound (capacity-bound.ts) to
   * start from: a person's extra price per day worked is spread over the day's slots,
   * which reproduces that bound's relaxation. Default: none (the plain day rates).
   */
  readonly start?: { readonly people: Float64Array; readonly locations: Float64Array } | null;
  /**
   * Skip (value null) when the shoots' usable starts times their seats exceed this:
   * the work of one iteration. Default 12 000 (tier M has 3 000-4 000, about 15 ms per
   * iteration here; tier L has 32 000 and gains nothing in a tenth of its minute).
   */
  readonly maxSeatStarts?: number;
}

export interface SlotLagrangianBoundDetails {
  /** The bound in minor units (an integer), or null on a residual model or when a mandatory shoot has no usable start. */
  readonly value: number | null;
  readonly iterations: number;
}

/** Iterations without a better bound after which the step factor halves. */
const PATIENCE = 10;
/** First step factor of the Polyak rule (small: the start is already a good point), and the factor below which the ascent stops. */
const FIRST_FACTOR = 0.5;
const LAST_FACTOR = FIRST_FACTOR / 64;
const MAX_SEAT_STARTS = 12_000;
/**
 * Share of the previous direction kept in each step (a deflected subgradient): plain
 * subgradient steps zigzag between slots that trade a shoot back and forth. Measured on
 * the generated M instances from the capacity bound's prices, after 60 iterations:
 * 151 534 / 160 963 / 150 904 plain, 152 087 / 162 361 / 151 226 at 0.8 (0.3 and 0.6
 * in between); after 200 the gain is 0.03-0.2 % and it settles sooner.
 */
const DEFLECTION = 0.8;

export function slotLagrangianBound(model: PlanningModel, options: SlotLagrangianBoundOptions = {}): SlotLagrangianBoundDetails {
  return drain(slotLagrangianBoundInSlices(model, options));
}

/** {@link slotLagrangianBound}, pausing (`yield`, slices.ts) between the ascent's evaluations. */
export function* slotLagrangianBoundInSlices(model: PlanningModel, options: SlotLagrangianBoundOptions = {}): Generator<void, SlotLagrangianBoundDetails> {
  if (isResidual(model)) return { value: null, iterations: 0 };
  const facts = boundFacts(model);
  const work = facts.reduce((sum, f) => sum + f.usable.length * f.roles.reduce((seats, r) => seats + r.count, 0), 0);
  if (work > (options.maxSeatStarts ?? MAX_SEAT_STARTS)) return { value: null, iterations: 0 };
  const shoots = facts.map((f) => shootStarts(model, f));
  const prices = new SlotPrices(model, options.start ?? null);
  // Shoots that have some start that can be staffed (known after the first evaluation).
  let possible: readonly boolean[] | null = null;
  const ascent = yield* subgradientAscentInSlices<Gradient>(
    {
      evaluate: () => {
        // Only structure makes a shoot impossible, and that shows at the first evaluation;
        // later, extreme prices can defeat the flow's float tolerances: the ascent keeps what it found.
        const value = evaluate(model, shoots, prices, possible);
        if (value === null) return null;
        possible ??= value.possible;
        return { value: value.bound, gradient: value.gradient, scale: value.shootTotal };
      },
      // The prices are still those of this evaluation (the step comes after); the per-day
      // pieces add at most their magnitude to what the shoots added.
      margin: (e) => roundOff(e.scale + magnitude(model, prices, shoots), prices, shoots),
      direction: (g, previous) => {
        if (previous !== null) deflect(g, previous);
        return g;
      },
      normSquared: normOf,
      move: (size, g) => step(prices, shoots, size, g),
    },
    {
      iterations: options.iterations ?? 200,
      ...(options.deadline !== undefined ? { deadline: options.deadline } : {}),
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
      upperBound: options.upperBound ?? null,
      patience: PATIENCE,
      firstFactor: FIRST_FACTOR,
      lastFactor: LAST_FACTOR,
    },
  );
  return { value: ascent.failed ? null : ascentBound(ascent), iterations: ascent.iterations };
}

/**
 * What floating-point round-off can have added to a bound whose terms add up to
 * `scale` in magnitude: the bound cancels large multiplier sums (shoots pay them, the
 * per-day pieces get them back), so after a step towards a huge target (a plan with an
 * enormous drop penalty) the error grows with the multipliers, not with the bound.
 * Recursive summation of N terms errs by at most about N x 2^-53 x their magnitude.
 */
function roundOff(scale: number, prices: SlotPrices, shoots: readonly ShootStarts[]): number {
  let terms = prices.lambda.length + prices.mu.length + prices.nu.length + 1000;
  for (const s of shoots) terms += s.sigma.length + s.tau.length + 100 * s.choices.length;
  return terms * 2.3e-16 * scale;
}

/** One usable start of a shoot with what it allows: the people available at it and the locations free on all its slots. */
interface StartChoice {
  readonly start: StartOption;
  readonly facts: ShootFacts;
  readonly locations: readonly number[];
}

/**
 * A shoot's usable starts, and the shoot's own multipliers: sigma(p, d) for "the starts
 * of this shoot on day d that p works are at most works(p, d)" and tau(l, d) likewise
 * for "... at location l are at most used(l, d)". A shoot takes one start, so every plan
 * satisfies both; without them a shoot that could go in the morning or the afternoon
 * would dodge a price on either slot, and a lone half day would never pay its whole day.
 */
interface ShootStarts {
  readonly shoot: ModelShoot;
  readonly choices: readonly StartChoice[];
  /** First working day any start covers, and how many days from it the starts cover. */
  readonly firstDay: number;
  readonly span: number;
  /** People who could be on it (by index), and their position in sigma. */
  readonly people: ReadonlyMap<number, number>;
  readonly locations: ReadonlyMap<number, number>;
  /** sigma[position x span + day - firstDay], tau likewise. */
  readonly sigma: Float64Array;
  readonly tau: Float64Array;
}

/** The shoot's usable starts, each with the staffing facts restricted to who is available at it. */
function shootStarts(model: PlanningModel, f: ShootFacts): ShootStarts {
  const choices: StartChoice[] = [];
  for (const start of f.usable) {
    const free = (mask: Uint8Array) => start.slots.every((t) => mask[t] === 1);
    const locations = f.places.map((p) => p.location).filter((l) => {
      const location = model.locations[l];
      return location !== undefined && free(location.available);
    });
    if (locations.length === 0) continue;
    const here = (p: number) => {
      const person = model.people[p];
      return person !== undefined && free(person.available);
    };
    const facts: ShootFacts = {
      ...f,
      roles: f.roles.map((r) => ({ ...r, holders: r.holders.filter(here) })),
      eligible: new Set([...f.eligible].filter(here)),
      preferredOthers: f.preferredOthers.map((o) => ({ person: o.person, available: o.available && here(o.person) })),
    };
    choices.push({ start, facts, locations });
  }
  const firstDay = Math.min(...choices.map((c) => c.start.firstDay));
  const span = choices.length === 0 ? 0 : Math.max(...choices.map((c) => c.start.lastDay)) - firstDay + 1;
  const people = positions(choices.flatMap((c) => [...c.facts.eligible]));
  const locations = positions(choices.flatMap((c) => c.locations));
  return { shoot: f.shoot, choices, firstDay, span, people, locations, sigma: new Float64Array(people.size * span), tau: new Float64Array(locations.size * span) };
}

function positions(values: readonly number[]): Map<number, number> {
  return new Map([...new Set(values)].sort((a, b) => a - b).map((v, i) => [v, i]));
}

/**
 * The multipliers of the slot rows, one per (resource, global slot), in flat arrays;
 * the shoots hold their own (sigma, tau).
 */
class SlotPrices {
  readonly slots: number;
  readonly S: number;
  readonly lambda: Float64Array;
  readonly mu: Float64Array;
  readonly nu: Float64Array;

  constructor(model: PlanningModel, start: { readonly people: Float64Array; readonly locations: Float64Array } | null) {
    this.slots = model.slotCount;
    this.S = model.slotsPerDay;
    const T = this.slots;
    this.lambda = new Float64Array(model.people.length * T);
    this.mu = new Float64Array(model.locations.length * T);
    this.nu = new Float64Array(model.items.length * T);
    // The per-shoot bounds' linear pricing: each slot carries its share of the day.
    model.people.forEach((p) => {
      for (let t = 0; t < T; t += 1) if (p.available[t] === 1) this.lambda[p.index * T + t] = (p.dayRate + (start?.people[p.index] ?? 0)) / this.S;
    });
    model.locations.forEach((l) => {
      for (let t = 0; t < T; t += 1) if (l.available[t] === 1) this.mu[l.index * T + t] = (l.dayFee / Math.max(1, l.capacity) + (start?.locations[l.index] ?? 0)) / this.S;
    });
    // Where no unit is owned every unit in use is rented: its share of the day's rent.
    model.items.forEach((i) => {
      for (let t = 0; t < T; t += 1) if ((i.ownedByDay[Math.floor(t / this.S)] ?? 0) === 0) this.nu[i.index * T + t] = i.rentalRate / this.S;
    });
  }
}

/** A subgradient: shaped like the multipliers, and made from the uses in place (see {@link Uses}). */
type Gradient = Uses;

/** Turns the subgradient `g` into the step direction g + DEFLECTION x the previous direction `d`, in place. */
function deflect(g: Gradient, d: Gradient): void {
  const add = (a: Float64Array, b: Float64Array): void => {
    for (let i = 0; i < a.length; i += 1) a[i] = (a[i] ?? 0) + DEFLECTION * (b[i] ?? 0);
  };
  add(g.people, d.people);
  add(g.locations, d.locations);
  add(g.items, d.items);
  g.sigma.forEach((x, i) => add(x, d.sigma[i] ?? new Float64Array()));
  g.tau.forEach((x, i) => add(x, d.tau[i] ?? new Float64Array()));
}

function normOf(g: Gradient): number {
  let sum = sumSquares(g.people) + sumSquares(g.locations) + sumSquares(g.items);
  for (const x of g.sigma) sum += sumSquares(x);
  for (const x of g.tau) sum += sumSquares(x);
  return sum;
}

/** Moves every multiplier along the subgradient; multipliers stay >= 0. */
function step(prices: SlotPrices, shoots: readonly ShootStarts[], size: number, g: Gradient): void {
  move(prices.lambda, g.people, size);
  move(prices.mu, g.locations, size);
  move(prices.nu, g.items, size);
  shoots.forEach((s, i) => {
    move(s.sigma, g.sigma[i] ?? new Float64Array(), size);
    move(s.tau, g.tau[i] ?? new Float64Array(), size);
  });
}

function move(x: Float64Array, g: Float64Array, size: number): void {
  for (let i = 0; i < x.length; i += 1) {
    const next = (x[i] ?? 0) + size * (g[i] ?? 0);
    x[i] = next > 0 ? next : 0;
  }
}

function sumSquares(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v * v;
  return sum;
}

/** What each shoot took at the current prices, and what the resources it used. */
interface Uses {
  readonly people: Float64Array;
  readonly locations: Float64Array;
  readonly items: Float64Array;
  /** Per shoot, 1 at (position, day) where the chosen start puts that person (sigma) or location (tau) on that day. */
  readonly sigma: Float64Array[];
  readonly tau: Float64Array[];
}

/**
 * L(lambda, mu, nu, sigma, tau), what the shoots add to it (`shootTotal`, non-negative,
 * for the round-off) and a subgradient; null when a mandatory shoot has no option, or when a
 * shoot that was `possible` no longer is (a numerical failure of the flow at extreme
 * prices: charging an optional shoot its drop penalty then could overshoot).
 */
function evaluate(
  model: PlanningModel,
  shoots: readonly ShootStarts[],
  prices: SlotPrices,
  possibleBefore: readonly boolean[] | null,
): { bound: number; shootTotal: number; possible: boolean[]; gradient: Gradient } | null {
  const T = prices.slots;
  const use: Uses = {
    people: new Float64Array(prices.lambda.length),
    locations: new Float64Array(prices.mu.length),
    items: new Float64Array(prices.nu.length),
    sigma: shoots.map((s) => new Float64Array(s.sigma.length)),
    tau: shoots.map((s) => new Float64Array(s.tau.length)),
  };
  let total = 0;
  let failed = false;
  const possible: boolean[] = [];
  shoots.forEach((s, i) => {
    const chosen = cheapestChoice(s, prices);
    possible.push(chosen !== null);
    if (chosen === null && (!s.shoot.optional || possibleBefore?.[i] === true)) failed = true;
    if (chosen === null || (s.shoot.optional && s.shoot.dropPenalty <= chosen.cost)) {
      total += s.shoot.dropPenalty;
      return;
    }
    total += chosen.cost;
    const sigma = use.sigma[i] ?? new Float64Array();
    const tau = use.tau[i] ?? new Float64Array();
    for (let d = chosen.start.firstDay; d <= chosen.start.lastDay; d += 1) {
      for (const p of chosen.people) sigma[(s.people.get(p) ?? 0) * s.span + d - s.firstDay] = 1;
      tau[(s.locations.get(chosen.location) ?? 0) * s.span + d - s.firstDay] = 1;
    }
    for (const t of chosen.start.slots) {
      for (const p of chosen.people) use.people[p * T + t] = (use.people[p * T + t] ?? 0) + 1;
      use.locations[chosen.location * T + t] = (use.locations[chosen.location * T + t] ?? 0) + 1;
      for (const { item, units } of s.shoot.equipment) use.items[item * T + t] = (use.items[item * T + t] ?? 0) + units;
    }
  });
  if (failed) return null;
  const shootTotal = total;
  total += workedDays(model, prices, shoots, use);
  total += usedDays(model, prices, shoots, use);
  total += rentedDays(model, prices, use);
  const gradient: Gradient = use;
  project(gradient.people, prices.lambda);
  project(gradient.locations, prices.mu);
  project(gradient.items, prices.nu);
  shoots.forEach((s, i) => {
    project(gradient.sigma[i] ?? new Float64Array(), s.sigma);
    project(gradient.tau[i] ?? new Float64Array(), s.tau);
  });
  return { bound: total, shootTotal, possible, gradient };
}

/** A bound on the magnitude of what the per-day pieces add (multipliers are >= 0): prices and capacities at their largest, and every multiplier. */
function magnitude(model: PlanningModel, prices: SlotPrices, shoots: readonly ShootStarts[]): number {
  const days = model.dates.length;
  let sum = 0;
  for (const p of model.people) sum += p.dayRate * days;
  for (const l of model.locations) sum += l.dayFee * days;
  for (const x of prices.lambda) sum += x;
  const capacity = Math.max(1, ...model.locations.map((l) => l.capacity));
  for (const x of prices.mu) sum += x * capacity;
  for (const s of shoots) {
    for (const x of s.sigma) sum += x;
    for (const x of s.tau) sum += x;
  }
  for (const item of model.items) {
    const owned = Math.max(0, ...item.ownedByDay);
    sum += item.rentalRate * item.rentalCap * days;
    const base = item.index * prices.slots;
    for (let t = 0; t < prices.slots; t += 1) sum += (prices.nu[base + t] ?? 0) * (owned + item.rentalCap);
  }
  return sum;
}

/** A multiplier at 0 cannot go lower: drop those components. */
function project(g: Float64Array, x: Float64Array): void {
  for (let i = 0; i < g.length; i += 1) if ((x[i] ?? 0) <= 0 && (g[i] ?? 0) < 0) g[i] = 0;
}

/** The shoot's cheapest start, location and crew at slot prices; null when none can be staffed. */
function cheapestChoice(s: ShootStarts, prices: SlotPrices): { cost: number; start: StartOption; location: number; people: readonly number[] } | null {
  const T = prices.slots;
  // Every start with its exact place and equipment price and a quick lower estimate of
  // its staffing; the flow then runs in estimate order until no start can beat the best.
  const priced = s.choices.map((c) => {
    const { slots, firstDay, lastDay } = c.start;
    const days = (values: Float64Array, position: number) => {
      let sum = 0;
      for (let d = firstDay; d <= lastDay; d += 1) sum += values[position * s.span + d - s.firstDay] ?? 0;
      return sum;
    };
    const seat = (p: number) => {
      let sum = days(s.sigma, s.people.get(p) ?? 0);
      for (const t of slots) sum += prices.lambda[p * T + t] ?? 0;
      return sum;
    };
    let location = -1;
    let place = Infinity;
    for (const l of c.locations) {
      let sum = days(s.tau, s.locations.get(l) ?? 0);
      for (const t of slots) sum += prices.mu[l * T + t] ?? 0;
      if (sum < place) {
        place = sum;
        location = l;
      }
    }
    let fixed = place;
    for (const { item, units } of s.shoot.equipment) for (const t of slots) fixed += units * (prices.nu[item * T + t] ?? 0);
    return { choice: c, seat, location, fixed, estimate: fixed + leastStaffing(c.facts, seat) };
  });
  priced.sort((a, b) => a.estimate - b.estimate || a.choice.start.slot - b.choice.start.slot);
  let best: { cost: number; start: StartOption; location: number; people: readonly number[] } | null = null;
  for (const p of priced) {
    if (best !== null && p.estimate >= best.cost) break;
    const staff = cheapestShootStaffing(p.choice.facts, p.seat);
    if (staff === null) continue;
    const cost = staff.crew + staff.penalties + p.fixed;
    if (best === null || cost < best.cost) best = { cost, start: p.choice.start, location: p.location, people: staff.people };
  }
  return best;
}

/**
 * A quick lower estimate of cheapestShootStaffing: every seat of a role at the role's
 * cheapest holder (a preferred holder credited the penalty they save), plus the
 * penalties every preferred holder is owed. Lets most starts be skipped without the flow.
 */
function leastStaffing(f: ShootFacts, seat: (p: number) => number): number {
  const P = f.shoot.preferencePenalty;
  let total = P * f.preferredHolders.size;
  for (const r of f.roles) {
    let least = Infinity;
    for (const p of r.holders) least = Math.min(least, seat(p) - (f.preferredHolders.has(p) ? P : 0));
    total += r.count * least;
  }
  return total;
}

/**
 * Sum over shoots of their sigma (or tau) per resource and day: what a worked day
 * (used location-day) is credited besides its slot multipliers.
 */
function creditsByDay(shoots: readonly ShootStarts[], resources: number, days: number, which: "people" | "locations"): Float64Array {
  const credit = new Float64Array(resources * days);
  for (const s of shoots) {
    const values = which === "people" ? s.sigma : s.tau;
    for (const [r, position] of s[which]) {
      for (let k = 0; k < s.span; k += 1) credit[r * days + s.firstDay + k] = (credit[r * days + s.firstDay + k] ?? 0) + (values[position * s.span + k] ?? 0);
    }
  }
  return credit;
}

/** Subtracts `chosen(resource, day)` from the shoots' sigma (or tau) uses: their subgradient. */
function subtractChosen(shoots: readonly ShootStarts[], use: Uses, days: number, chosen: Uint8Array, which: "people" | "locations"): void {
  shoots.forEach((s, i) => {
    const g = (which === "people" ? use.sigma[i] : use.tau[i]) ?? new Float64Array();
    for (const [r, position] of s[which]) {
      for (let k = 0; k < s.span; k += 1) g[position * s.span + k] = (g[position * s.span + k] ?? 0) - (chosen[r * days + s.firstDay + k] ?? 0);
    }
  });
}

/** A day's slot multipliers from `first` on, each times `weight`, and whether the shoots use any of those slots. */
function dayPrice(multipliers: Float64Array, use: Float64Array, first: number, S: number, weight: number): { sum: number; used: boolean } {
  let sum = 0;
  let used = false;
  for (let k = 0; k < S; k += 1) {
    sum += weight * (multipliers[first + k] ?? 0);
    if ((use[first + k] ?? 0) > 0) used = true;
  }
  return { sum, used };
}

/**
 * Each person's days: working day d costs rate - (its lambda and sigma); the person
 * takes the most negative ones, at most their day limit. Ties at 0 count as worked
 * where the shoots use the person (the subgradient then asks nothing of that day).
 * Turns use.people and use.sigma into their subgradients.
 */
function workedDays(model: PlanningModel, prices: SlotPrices, shoots: readonly ShootStarts[], use: Uses): number {
  const { slots: T, S } = prices;
  const days = model.dates.length;
  const credit = creditsByDay(shoots, model.people.length, days, "people");
  const worked = new Uint8Array(model.people.length * days);
  let total = 0;
  for (const person of model.people) {
    const base = person.index * T;
    const reduced: { day: number; cost: number }[] = [];
    for (let d = 0; d < days; d += 1) {
      const { sum, used } = dayPrice(prices.lambda, use.people, base + d * S, S, 1);
      const cost = person.dayRate - (credit[person.index * days + d] ?? 0) - sum;
      if (cost < 0 || (cost === 0 && used)) reduced.push({ day: d, cost });
    }
    reduced.sort((a, b) => a.cost - b.cost || a.day - b.day);
    for (const [i, r] of reduced.entries()) {
      if (person.maxDays !== null && i >= person.maxDays) break;
      worked[person.index * days + r.day] = 1;
      total += r.cost;
    }
    for (let t = 0; t < T; t += 1) use.people[base + t] = (use.people[base + t] ?? 0) - (worked[person.index * days + Math.floor(t / S)] ?? 0);
  }
  subtractChosen(shoots, use, days, worked, "people");
  return total;
}

/** Each location-day: used when fee - capacity x (sum of mu) - (sum of tau) is negative (or 0 and in use). */
function usedDays(model: PlanningModel, prices: SlotPrices, shoots: readonly ShootStarts[], use: Uses): number {
  const { slots: T, S } = prices;
  const days = model.dates.length;
  const credit = creditsByDay(shoots, model.locations.length, days, "locations");
  const open = new Uint8Array(model.locations.length * days);
  let total = 0;
  for (const location of model.locations) {
    const base = location.index * T;
    const c = Math.max(1, location.capacity);
    for (let d = 0; d < days; d += 1) {
      const { sum, used } = dayPrice(prices.mu, use.locations, base + d * S, S, c);
      const cost = location.dayFee - (credit[location.index * days + d] ?? 0) - sum;
      if (cost < 0 || (cost === 0 && used)) {
        open[location.index * days + d] = 1;
        total += cost;
      }
      for (let k = 0; k < S; k += 1) use.locations[base + d * S + k] = (use.locations[base + d * S + k] ?? 0) - c * (open[location.index * days + d] ?? 0);
    }
  }
  subtractChosen(shoots, use, days, open, "locations");
  return total;
}

/**
 * Each item-day: rent the cap when rent - (sum of nu) is negative, nothing when
 * positive, and what the shoots need beyond the owned units when 0; the owned units
 * are credited at nu in every slot. Turns use.items into its subgradient.
 */
function rentedDays(model: PlanningModel, prices: SlotPrices, use: Uses): number {
  const { slots: T, S } = prices;
  let total = 0;
  for (const item of model.items) {
    const base = item.index * T;
    for (let d = 0; d < model.dates.length; d += 1) {
      const owned = item.ownedByDay[d] ?? 0;
      let sum = 0;
      let excess = 0;
      for (let k = 0; k < S; k += 1) {
        const nu = prices.nu[base + d * S + k] ?? 0;
        sum += nu;
        total -= nu * owned;
        excess = Math.max(excess, (use.items[base + d * S + k] ?? 0) - owned);
      }
      const cost = item.rentalRate - sum;
      const rented = cost < 0 ? item.rentalCap : cost === 0 ? Math.min(item.rentalCap, excess) : 0;
      total += cost * rented;
      for (let k = 0; k < S; k += 1) use.items[base + d * S + k] = (use.items[base + d * S + k] ?? 0) - owned - rented;
    }
  }
  return total;
}

function isResidual(model: PlanningModel): boolean {
  return model.people.some((p) => p.paidDays.size > 0) || model.locations.some((l) => l.paidDays.size > 0) || model.items.some((i) => i.fixedUse !== null);
}
