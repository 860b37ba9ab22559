/**
 * Exact hold-billed scene sequencing (the "talent scheduling problem") by
 * dynamic programming over the set Q of scenes already shot, after Garcia de
 * la Banda, Stuckey & Chu (2011), "Solving talent scheduling with dynamic
 * programming".
 *
 * Why it is exact: the next scene s starts on day t(Q) = sum of durations in
 * Q, and the actors paid during s are those who play s or who have played a
 * scene in Q and still have a scene outside Q ∪ {s}. Both depend only on
 * (Q, s), never on the order inside Q, so the minimal cost to finish from Q
 * is a function of Q alone (Bellman). The calendar callbacks also depend only
 * on (s, t(Q)), so they keep the recursion exact.
 *
 * Units: days are whole working days from day 0; money is in integer minor units.
 */
import { MAX_MASK_SCENES, placementOracle, validateInstance, type PlacementOracle } from "./instance.js";
import type { SequencingInstance, SequencingOptions, SequencingResult } from "./types.js";

export type { SequencingInstance, SequencingOptions, SequencingResult, SequencingStatus } from "./types.js";
export { sequenceCost } from "./instance.js";
export { talentInstanceToSequencing, type TalentInstanceJson } from "./talent-json.js";

const DEFAULT_MAX_SCENES = 24;
/** Poll the signal/deadline once per this many states (power of two minus one as a mask). */
const POLL_MASK = 0xfff;

const TOO_LARGE: SequencingResult = { status: "too_large", order: [], cost: Number.POSITIVE_INFINITY };
const INTERRUPTED: SequencingResult = { status: "interrupted", order: [], cost: Number.POSITIVE_INFINITY };
const INFEASIBLE: SequencingResult = { status: "infeasible", order: [], cost: Number.POSITIVE_INFINITY };

/** Everything a transition needs, precomputed once per solve. */
interface Tables {
  readonly n: number;
  /** Bitmask of all scenes. */
  readonly full: number;
  readonly durations: Float64Array;
  /** Summed day rate of every actor who plays at least one scene. */
  readonly total: number;
  /** finished[X] = summed day rate of actors (with ≥ 1 scene) whose scenes all lie in X. */
  readonly finished: Float64Array;
  /** rest[Q] = minimal cost of shooting the scenes outside Q, given Q was shot first. */
  readonly rest: Float64Array;
  readonly oracle: PlacementOracle | null;
}

/** Allocates a 2^n table, or null when the engine cannot (treated as too large). */
function allocate(size: number): Float64Array | null {
  try {
    return new Float64Array(size);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/**
 * Fills finished[X] by a subset-sum (zeta) transform in O(n·2^n): one pass
 * per scene instead of one per actor per state. Returns false if stopped.
 */
function fillFinished(finished: Float64Array, n: number, masks: readonly number[], rates: readonly number[], stop: () => boolean): boolean {
  masks.forEach((mask, j) => {
    // Actors without scenes are never on location; leaving them out keeps started − finished exact.
    if (mask !== 0) finished[mask] = (finished[mask] as number) + (rates[j] as number);
  });
  const size = finished.length;
  for (let bit = 1; bit < size; bit <<= 1) {
    if (stop()) return false;
    for (let x = 0; x < size; x++) {
      if ((x & bit) !== 0) finished[x] = (finished[x] as number) + (finished[x ^ bit] as number);
    }
  }
  return true;
}

/**
 * Cost of shooting scene s (bit) next from state q starting on `day`, plus
 * the best completion afterwards. Actors on location during s are exactly
 * those started by q ∪ {s} minus those finished by q; "started by Y" is
 * total − finished[complement of Y]. Both the DP and the reconstruction call
 * this, so equal optima compare equal bit for bit.
 */
function move(t: Tables, q: number, s: number, day: number): number {
  const next = q | (1 << s);
  const after = t.rest[next] as number;
  if (after === Number.POSITIVE_INFINITY) return after; // skip the oracle on dead ends
  const onLocation = t.total - (t.finished[t.full ^ next] as number) - (t.finished[q] as number);
  const extra = t.oracle === null ? 0 : t.oracle(s, day);
  return (t.durations[s] as number) * onLocation + extra + after;
}

/** First day free after shooting the scenes in q back to back (visits only q's set bits). */
function dayAfter(t: Tables, q: number): number {
  let day = 0;
  for (let left = q; left !== 0; left &= left - 1) day += t.durations[31 - Math.clz32(left & -left)] as number;
  return day;
}

/** Backward DP over states in decreasing order (every successor q|s > q). Returns false if stopped. */
function fillRest(t: Tables, stop: () => boolean): boolean {
  t.rest[t.full] = 0;
  for (let q = t.full - 1; q >= 0; q--) {
    if ((q & POLL_MASK) === 0 && stop()) return false;
    const day = dayAfter(t, q);
    let best = Number.POSITIVE_INFINITY;
    // Visit only the unshot scenes: lowest set bit of the complement each time.
    for (let open = t.full ^ q; open !== 0; open &= open - 1) {
      const value = move(t, q, 31 - Math.clz32(open & -open), day);
      if (value < best) best = value;
    }
    t.rest[q] = best;
  }
  return true;
}

/** Greedy walk from the empty state taking the lowest scene that stays optimal: the lexicographically smallest optimal order. */
function reconstruct(t: Tables): number[] {
  const order: number[] = [];
  let q = 0;
  while (q !== t.full) {
    const day = dayAfter(t, q);
    let s = 0;
    while ((q & (1 << s)) !== 0 || move(t, q, s, day) !== t.rest[q]) s++;
    order.push(s);
    q |= 1 << s;
  }
  return order;
}

function makeStop(options: SequencingOptions): () => boolean {
  const { signal, deadline } = options;
  return () => signal?.aborted === true || (deadline !== undefined && Date.now() >= deadline);
}

/**
 * Finds a minimal-cost shooting order exactly. Time O(n·2^n), memory 16·2^n
 * bytes for n scenes. Costs are in the instance's minor units and include
 * working days, hold days and placement costs. Among equal-cost orders the
 * lexicographically smallest is returned, so results are deterministic.
 *
 * Returns `too_large` without allocating when n > `maxScenes` (default 24,
 * capped at 30 because JS bitwise operators are 32-bit). Throws RangeError on
 * malformed instances (non-positive durations, non-integer rates, bad indices).
 */
export function solveSequencing(instance: SequencingInstance, options: SequencingOptions = {}): SequencingResult {
  const masks = validateInstance(instance);
  const n = instance.durations.length;
  const limit = Math.min(options.maxScenes ?? DEFAULT_MAX_SCENES, MAX_MASK_SCENES);
  if (!(n <= limit)) return TOO_LARGE; // negated so a NaN limit also refuses
  const stop = makeStop(options);
  if (stop()) return INTERRUPTED;
  const finished = allocate(2 ** n);
  const rest = allocate(2 ** n);
  if (finished === null || rest === null) return TOO_LARGE;
  if (!fillFinished(finished, n, masks, instance.dayRates, stop)) return INTERRUPTED;
  const full = 2 ** n - 1;
  const tables: Tables = {
    n,
    full,
    durations: Float64Array.from(instance.durations),
    total: finished[full] as number,
    finished,
    rest,
    oracle: placementOracle(instance),
  };
  if (!fillRest(tables, stop)) return INTERRUPTED;
  const cost = rest[0] as number;
  if (cost === Number.POSITIVE_INFINITY) return INFEASIBLE;
  return { status: "optimal", order: reconstruct(tables), cost };
}
