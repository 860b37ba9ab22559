import { describe, expect, it } from "vitest";
import { createRandom, hashUniform } from "../../src/heuristics/prng.js";

describe("createRandom", () => {
  it("gives the same sequence for the same seed and another for another seed", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
  });
});

describe("hashUniform", () => {
  it("depends on the salt and the key only, not on the order of calls", () => {
    const forward = [0, 1, 2, 3].map((k) => hashUniform(7, k));
    const backward = [3, 2, 1, 0].map((k) => hashUniform(7, k)).reverse();
    expect(backward).toEqual(forward);
    expect(hashUniform(8, 0)).not.toBe(hashUniform(7, 0));
  });

  it("spreads over [0, 1) like a uniform draw", () => {
    const buckets = new Array<number>(10).fill(0);
    const n = 20_000;
    for (let key = 0; key < n; key += 1) {
      const x = hashUniform(123_456_789, key);
      expect(x >= 0 && x < 1).toBe(true);
      buckets[Math.floor(x * 10)] = (buckets[Math.floor(x * 10)] ?? 0) + 1;
    }
    // Each tenth holds 2 000 on average; 1 700..2 300 is over six standard deviations wide.
    for (const count of buckets) expect(Math.abs(count - n / 10)).toBeLessThan(300);
  });
});
