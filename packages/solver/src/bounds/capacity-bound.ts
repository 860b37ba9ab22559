/**
 * A Lagrangian strengthening of the combinatorial bound (combinatorial-bound.ts) by
 * the capacity of people and locations. Money in integer minor units.
 *
 * ## What the combinatorial bound misses
 *
 * It prices every shoot on its own, so every shoot seats the cheapest photographer,
 * even when that photographer has ten available days and forty shoots want them. In
 * a plan, a person p works at most D(p) days (days with an available slot, at most
 * their day limit), and, with the weights u(s) of the combinatorial bound (u = slots
 * / slots per day; whole days for a multi-day shoot), the shoots p is on satisfy
 *
 *     sum over shoots s that p is on of u(s)  <=  days p works  <=  D(p)       (1)
 *
 * and likewise, for a location l of capacity c available on A(l) days,
 * sum of u(s) over its shoots <= c x A(l).
 *
 * ## The bound
 *
 * Relax (1) with multipliers lambda(p) >= 0 (and mu(l) >= 0 for locations): for every
 * plan, its cost is at least
 *
 *     L(lambda, mu) = sum over shoots s of [cheapest s at person prices u(s) x (rate(p) + lambda(p))
 *                                           and location prices u(s) x (fee(l) / c + mu(l))]
 *                     - sum over p of lambda(p) x D(p) - sum over l of mu(l) x c x A(l)
 *
 * because the plan's own choices cost at most its cost plus lambda x (what it uses),
 * and what it uses is at most the capacity. Every lambda, mu >= 0 gives a valid bound;
 * lambda = mu = 0 is the combinatorial bound's `linear` weighting without hold spans.
 * The best multipliers are searched by subgradient ascent (Polyak steps towards a
 * known plan's cost): raise the price of people and locations that the shoots'
 * cheapest choices over-use, lower it where capacity is left.
 *
 * Each shoot's cheapest choice is the combinatorial bound's (same staffing flow, same
 * preferred and required people, same places and excess rentals, same optional-shoot
 * rule), only at the modified prices. Budgets, precedence, consecutive-day limits and
 * hold spans are ignored (relaxations keep the bound valid).
 *
 * Measured on generated M instances: the staffing part alone rises by 7-10 %, which
 * brings the whole bound close to the MILP's LP relaxation at a fraction of its time.
 */
import type { PlanningModel } from "../model/planning-model.js";
import { boundFacts, cheapestShootStaffing, requiredDays, type ShootFacts } from "./combinatorial-bound.js";
import { drain } from "../slices.js";
import { ascentBound, subgradientAscentInSlices } from "./subgradient-ascent.js";

export interface CapacityBoundOptions {
  /** Subgradient iterations (default 300; the generated M instances converge in about 150). The bound only grows with them. */
  readonly iterations?: number;
  /** Epoch milliseconds after which no more iterations start. Default: none. */
  readonly deadline?: number;
  /** Cancels like the deadline once aborted. */
  readonly signal?: AbortSignal;
  /** Cost of a known plan in minor units: the Polyak step's target. Default: 10 % above the first bound. */
  readonly upperBound?: number | null;
}

export interface CapacityBoundDetails {
  /** The bound in minor units (an integer), or null on a residual model or a mandatory shoot with nothing usable. */
  readonly value: number | null;
  readonly iterations: number;
  /** The multipliers of the best bound: per person (lambda) and per location (mu), in minor units per day. */
  readonly multipliers: { readonly people: Float64Array; readonly locations: Float64Array } | null;
}

/** Iterations without a better bound after which the step factor halves. */
const PATIENCE = 8;

export function capacityBound(model: PlanningModel, options: CapacityBoundOptions = {}): CapacityBoundDetails {
  return drain(capacityBoundInSlices(model, options));
}

/** {@link capacityBound}, pausing (`yield`, slices.ts) between the ascent's evaluations. */
export function* capacityBoundInSlices(model: PlanningModel, options: CapacityBoundOptions = {}): Generator<void, CapacityBoundDetails> {
  if (isResidual(model)) return { value: null, iterations: 0, multipliers: null };
  const facts = boundFacts(model);
  const prices = new Prices(model, facts);
  let lambda = new Float64Array(model.people.length);
  let mu = new Float64Array(model.locations.length);
  let bestMultipliers: { people: Float64Array; locations: Float64Array } | null = null;
  // Shoots that can be staffed and placed at all (known after the first evaluation).
  let possible: readonly boolean[] | null = null;
  const ascent = yield* subgradientAscentInSlices<{ people: number[]; places: number[] }>(
    {
      evaluate: () => {
        // Only structure makes a shoot impossible, and that shows at the first evaluation;
        // later, extreme prices can defeat the flow's float tolerances: the ascent keeps what it found.
        const value = evaluate(model, facts, prices, lambda, mu, possible);
        if (value === null) return null;
        possible ??= value.possible;
        const people = value.usePeople.map((use, p) => projected(use - (prices.personDays[p] ?? 0), lambda[p] ?? 0));
        const places = value.useLocations.map((use, l) => projected(use - (prices.locationDays[l] ?? 0), mu[l] ?? 0));
        return { value: value.bound, gradient: { people, places }, scale: value.scale };
      },
      // Recursive summation errs by at most about N x 2^-53 x the magnitude of the terms,
      // which after a step towards a huge target is that of the multipliers, not the bound's.
      margin: (e) => (model.people.length + model.locations.length + 100 * facts.length + 1000) * 2.3e-16 * e.scale,
      normSquared: (g) => sumSquares(g.people) + sumSquares(g.places),
      move: (size, g) => {
        lambda = lambda.map((x, p) => Math.max(0, x + size * (g.people[p] ?? 0)));
        mu = mu.map((x, l) => Math.max(0, x + size * (g.places[l] ?? 0)));
      },
      onBest: () => {
        bestMultipliers = { people: lambda, locations: mu };
      },
    },
    {
      iterations: options.iterations ?? 300,
      ...(options.deadline !== undefined ? { deadline: options.deadline } : {}),
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
      upperBound: options.upperBound ?? null,
      patience: PATIENCE,
      firstFactor: 2,
    },
  );
  if (ascent.failed) return { value: null, iterations: ascent.iterations, multipliers: null };
  return { value: ascentBound(ascent), iterations: ascent.iterations, multipliers: bestMultipliers };
}

/** The combinatorial bound's linear weight: slots over slots per day, whole days for a multi-day shoot. */
function weight(model: PlanningModel, f: ShootFacts | undefined): number {
  if (f === undefined) return 0;
  return f.multiDay ? f.days : f.shoot.durationSlots / model.slotsPerDay;
}

/** A subgradient component projected onto the feasible directions (a multiplier at 0 cannot go lower). */
function projected(g: number, multiplier: number): number {
  return multiplier <= 0 && g < 0 ? 0 : g;
}

function sumSquares(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v * v;
  return sum;
}

/** A residual model (shoots held elsewhere) prices used days at 0; this bound is for whole problems only. */
function isResidual(model: PlanningModel): boolean {
  return model.people.some((p) => p.paidDays.size > 0) || model.locations.some((l) => l.paidDays.size > 0) || model.items.some((i) => i.fixedUse !== null);
}

/** Prices and capacities that do not change with the multipliers. */
class Prices {
  /** Days each person can work at most (D(p)). */
  readonly personDays: number[];
  /** Shoot-days each location can hold at most (c x A(l)). */
  readonly locationDays: number[];
  /** Day fee over capacity. */
  readonly feePerTrack: number[];
  /** Day rate charged per shoot (0 for people charged their whole required days instead). */
  readonly rate: number[];
  /** What people charged by whole required days pay in all (see requiredDays in combinatorial-bound.ts). */
  readonly wholeDays: number;

  constructor(model: PlanningModel, facts: readonly ShootFacts[]) {
    const S = model.slotsPerDay;
    const daysWith = (mask: Uint8Array) => {
      let days = 0;
      for (let d = 0; d < model.dates.length; d += 1) {
        for (let k = 0; k < S; k += 1) {
          if (mask[d * S + k] === 1) {
            days += 1;
            break;
          }
        }
      }
      return days;
    };
    this.personDays = model.people.map((p) => Math.min(daysWith(p.available), p.maxDays ?? Infinity));
    this.locationDays = model.locations.map((l) => Math.max(1, l.capacity) * daysWith(l.available));
    this.feePerTrack = model.locations.map((l) => l.dayFee / Math.max(1, l.capacity));
    this.rate = model.people.map((p) => p.dayRate);
    let wholeDays = 0;
    for (const [p, span] of requiredDays(model, facts)) {
      const person = model.people[p];
      if (person === undefined) continue;
      const worked = span.shoots.reduce((sum, s) => sum + weight(model, facts[s]), 0);
      this.rate[p] = 0;
      wholeDays += person.dayRate * Math.max(span.days, Math.ceil(worked - 1e-9));
    }
    this.wholeDays = wholeDays;
  }
}

interface Evaluation {
  readonly bound: number;
  /** The magnitude of the terms added up into `bound` (for round-off). */
  readonly scale: number;
  readonly usePeople: number[];
  readonly useLocations: number[];
  /** Per shoot: it could be staffed and placed. */
  readonly possible: boolean[];
}

/**
 * L(lambda, mu), or null when a mandatory shoot cannot be staffed or placed, or when a
 * shoot that was `possible` no longer is (a numerical failure of the flow at extreme
 * prices: charging an optional shoot its drop penalty then could overshoot).
 */
function evaluate(
  model: PlanningModel,
  facts: readonly ShootFacts[],
  prices: Prices,
  lambda: Float64Array,
  mu: Float64Array,
  possibleBefore: readonly boolean[] | null,
): Evaluation | null {
  const possible: boolean[] = [];
  const usePeople = new Array<number>(model.people.length).fill(0);
  const useLocations = new Array<number>(model.locations.length).fill(0);
  let total = prices.wholeDays;
  for (const f of facts) {
    const u = weight(model, f);
    const staff = cheapestShootStaffing(f, (p) => u * ((prices.rate[p] ?? 0) + (lambda[p] ?? 0)));
    const place = cheapestPlace(f, u, prices, mu);
    possible.push(staff !== null && place !== null);
    if (staff === null || place === null) {
      if (!f.shoot.optional || possibleBefore?.[f.shoot.index] === true) return null;
      total += f.shoot.dropPenalty;
      continue;
    }
    const own = staff.crew + staff.penalties + place.cost;
    if (f.shoot.optional && f.shoot.dropPenalty < own) {
      total += f.shoot.dropPenalty;
      continue;
    }
    total += own;
    for (const p of staff.people) usePeople[p] = (usePeople[p] ?? 0) + u;
    useLocations[place.location] = (useLocations[place.location] ?? 0) + u;
  }
  // Every term is a sum of non-negative prices; the magnitude of the whole sum follows.
  let scale = total;
  lambda.forEach((x, p) => {
    total -= x * (prices.personDays[p] ?? 0);
    scale += x * (prices.personDays[p] ?? 0);
  });
  mu.forEach((x, l) => {
    total -= x * (prices.locationDays[l] ?? 0);
    scale += x * (prices.locationDays[l] ?? 0);
  });
  return { bound: total, scale, usePeople, useLocations, possible };
}

/** Cheapest allowed location (fee per track plus mu, times the weight) with its least excess rentals. */
function cheapestPlace(f: ShootFacts, u: number, prices: Prices, mu: Float64Array): { cost: number; location: number } | null {
  const factor = f.multiDay ? 1 : u;
  let best: { cost: number; location: number } | null = null;
  for (const { location, equipment } of f.places) {
    const cost = factor * ((prices.feePerTrack[location] ?? 0) * f.days + equipment) + u * (mu[location] ?? 0);
    if (best === null || cost < best.cost) best = { cost, location };
  }
  return best;
}
