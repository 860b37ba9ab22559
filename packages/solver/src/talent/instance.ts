/**
 * Validation, bitmask encoding and exact order evaluation shared by the
 * sequencing solver and its callers. Money in integer minor units, time in days.
 */
import type { SequencingInstance } from "./types.js";

/** Largest scene count whose bitmasks stay inside JS's 32-bit bitwise operators. */
export const MAX_MASK_SCENES = 30;

/** Caches (scene, day) answers when the table stays this small (entries). */
const PLACEMENT_TABLE_LIMIT = 1 << 22;

/** Returns the per-actor scene sets as bitmasks; throws RangeError on bad input. */
export function validateInstance(instance: SequencingInstance): number[] {
  const n = instance.durations.length;
  for (const d of instance.durations) {
    if (!Number.isSafeInteger(d) || d <= 0) throw new RangeError(`duration ${d} is not a positive integer`);
  }
  if (!Number.isSafeInteger(horizonOf(instance))) throw new RangeError("total duration is not a safe integer");
  if (instance.dayRates.length !== instance.scenesByActor.length) {
    throw new RangeError("dayRates and scenesByActor must have one entry per actor");
  }
  for (const r of instance.dayRates) {
    if (!Number.isSafeInteger(r)) throw new RangeError(`day rate ${r} is not an integer (minor units)`);
  }
  return instance.scenesByActor.map((scenes) => {
    let mask = 0;
    for (const s of scenes) {
      if (!Number.isInteger(s) || s < 0 || s >= n) throw new RangeError(`scene index ${s} out of range`);
      // Masks only matter for n <= MAX_MASK_SCENES; larger instances are rejected before use.
      if (s < MAX_MASK_SCENES) mask |= 1 << s;
    }
    return mask;
  });
}

/** Sum of all scene durations in days: the shooting horizon. */
export function horizonOf(instance: SequencingInstance): number {
  return instance.durations.reduce((a, b) => a + b, 0);
}

/** Extra cost of a scene starting on a day: `Infinity` when forbidden. */
export type PlacementOracle = (scene: number, startDay: number) => number;

/** Combines canStart and placementCost into one oracle; throws if a cost is not finite. */
function directOracle(instance: SequencingInstance): PlacementOracle {
  const { canStart, placementCost } = instance;
  return (scene, day) => {
    if (canStart !== undefined && !canStart(scene, day)) return Number.POSITIVE_INFINITY;
    const extra = placementCost === undefined ? 0 : placementCost(scene, day);
    if (!Number.isFinite(extra)) throw new RangeError(`placementCost(${scene}, ${day}) = ${extra} is not finite`);
    return extra;
  };
}

/**
 * The placement oracle, or null when the instance has no calendar callbacks
 * (so the hot loop can skip it). Answers are memoised per (scene, day) because
 * the DP asks the same pair from up to 2^(n-1) states.
 */
export function placementOracle(instance: SequencingInstance): PlacementOracle | null {
  if (instance.canStart === undefined && instance.placementCost === undefined) return null;
  const direct = directOracle(instance);
  const width = horizonOf(instance) + 1;
  const size = instance.durations.length * width;
  if (size > PLACEMENT_TABLE_LIMIT) return direct;
  const memo = new Float64Array(size).fill(Number.NaN);
  return (scene, day) => {
    const key = scene * width + day;
    let value = memo[key] as number;
    if (Number.isNaN(value)) {
      value = direct(scene, day);
      memo[key] = value;
    }
    return value;
  };
}

/** Throws unless `order` lists every scene exactly once. */
function assertPermutation(n: number, order: readonly number[]): void {
  const seen = new Uint8Array(n);
  if (order.length !== n) throw new RangeError(`order has ${order.length} scenes, expected ${n}`);
  for (const s of order) {
    if (!Number.isInteger(s) || s < 0 || s >= n || seen[s] === 1) {
      throw new RangeError(`order is not a permutation of 0..${n - 1}`);
    }
    seen[s] = 1;
  }
}

/**
 * Exact total cost in minor units of shooting the scenes in `order` back to
 * back from day 0: each actor's day rate times their span in days (first day
 * of first scene through last day of last scene), plus placement costs.
 * Returns `Infinity` when some scene starts on a day `canStart` forbids.
 * Throws RangeError when `order` is not a permutation of all scenes.
 */
export function sequenceCost(instance: SequencingInstance, order: readonly number[]): number {
  validateInstance(instance);
  const n = instance.durations.length;
  assertPermutation(n, order);
  const oracle = directOracle(instance);
  const start = new Array<number>(n);
  let day = 0;
  let total = 0;
  for (const s of order) {
    start[s] = day;
    total += oracle(s, day);
    day += instance.durations[s] as number;
  }
  instance.scenesByActor.forEach((scenes, j) => {
    if (scenes.length === 0) return; // never called, never paid
    const first = Math.min(...scenes.map((s) => start[s] as number));
    const last = Math.max(...scenes.map((s) => (start[s] as number) + (instance.durations[s] as number)));
    total += (instance.dayRates[j] as number) * (last - first);
  });
  return total;
}
