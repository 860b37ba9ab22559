/**
 * Day weights of shoot durations: how much of a paid day (of a person, a location
 * track or a rented unit) a shoot is charged for, such that the charges of all shoots
 * that can share one paid day never add up to more than 1.
 *
 * A shoot of k slots with k <= slotsPerDay (S) lies inside one working day; shoots
 * that share a person (or a location track, or a rented unit) on one day occupy
 * disjoint slot intervals of that day, so their durations add up to at most S. A
 * weight function w on durations is therefore valid when
 *
 *     k_1 + ... + k_n <= S  implies  w(k_1) + ... + w(k_n) <= 1           (*)
 *
 * (a "dual-feasible function" of bin packing). `w(k) = k / S` is one. Others charge
 * long shoots more: with S = 10, a 6-slot shoot leaves room for nothing longer than
 * 4 slots, so it may be charged more than 0.6. Rather than proving each classical
 * family valid, every candidate here is made valid by construction: the largest left
 * side of (*) over the durations that actually occur is computed exactly by an
 * unbounded knapsack over 0..S, and the candidate is divided by it. Any non-negative
 * function so normalised satisfies (*) (over the durations present, which is all the
 * bound needs). Multi-day shoots (k > S, a whole number of days) occupy every slot
 * of each of their days, so they are charged exactly their number of days.
 */

/** A weight per single-day duration (1..slotsPerDay), valid in the sense of (*). */
export interface DurationWeights {
  /** Readable name for reports, e.g. `linear` or `fekete-schepers(q=2)`. */
  readonly name: string;
  /** weight[k] for k in 1..slotsPerDay (index 0 unused, 0). */
  readonly weight: readonly number[];
}

/**
 * The candidate weightings for the given slots per day and single-day durations in
 * use, each normalised to satisfy (*), duplicates removed. Always contains `linear`
 * (k / S, possibly scaled up when the durations present cannot fill a day).
 */
export function durationWeightings(slotsPerDay: number, durations: ReadonlySet<number>): DurationWeights[] {
  const S = slotsPerDay;
  const present = [...durations].filter((k) => k >= 1 && k <= S).sort((a, b) => a - b);
  const raw: { name: string; f: (x: number) => number }[] = [{ name: "linear", f: (x) => x }];
  if (S >= 3 && present.length > 0) {
    // Fekete-Schepers u^(q): x if (q+1)x is integral, else floor((q+1)x)/q.
    for (let q = 1; q <= Math.min(S, 12); q += 1) {
      raw.push({
        name: `fekete-schepers(q=${q})`,
        f: (x) => {
          const scaled = (q + 1) * x;
          return Math.abs(scaled - Math.round(scaled)) < 1e-9 ? x : Math.floor(scaled) / q;
        },
      });
    }
    // U^eps: 1 above 1-eps, x in between, 0 below eps (eps <= 1/2).
    for (let j = 1; j <= Math.min(Math.floor(S / 2), 12); j += 1) {
      const eps = j / S;
      raw.push({ name: `threshold(eps=${j}/${S})`, f: (x) => (x > 1 - eps + 1e-12 ? 1 : x < eps - 1e-12 ? 0 : x) });
    }
    raw.push({ name: "count", f: () => 1 });
  }
  const result: DurationWeights[] = [];
  const seen = new Set<string>();
  for (const candidate of raw) {
    const weight = new Array<number>(S + 1).fill(0);
    for (const k of present) weight[k] = Math.max(0, candidate.f(k / S));
    const most = knapsackMaximum(S, present, weight);
    if (!(most > 0)) {
      // No duration present gets weight: keep the all-zero weighting only as linear's stand-in.
      if (candidate.name !== "linear") continue;
    } else {
      for (const k of present) weight[k] = (weight[k] ?? 0) / most;
    }
    const key = weight.map((w) => w.toFixed(12)).join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ name: candidate.name, weight });
  }
  return result;
}

/** max sum of weight[k] over multisets of `sizes` whose sizes add up to at most `capacity`. */
export function knapsackMaximum(capacity: number, sizes: readonly number[], weight: readonly number[]): number {
  const best = new Array<number>(capacity + 1).fill(0);
  for (let c = 1; c <= capacity; c += 1) {
    let value = best[c - 1] ?? 0;
    for (const k of sizes) {
      if (k > c) break;
      value = Math.max(value, (best[c - k] ?? 0) + (weight[k] ?? 0));
    }
    best[c] = value;
  }
  return best[capacity] ?? 0;
}
