/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives the same
 * sequence on every machine, so heuristics stay deterministic for a seed.
 */
export type Random = () => number;

/** Uniform numbers in [0, 1) from a 32-bit seed (any safe integer is folded to 32 bits). */
export function createRandom(seed: number): Random {
  let a = (seed ^ Math.floor(seed / 2 ** 32)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A uniform number in [0, 1) determined by `salt` and `key` alone (a hash): jitter for
 * many keys from one draw of a {@link Random}, whatever order the keys are visited in.
 */
export function hashUniform(salt: number, key: number): number {
  let t = (salt ^ Math.imul(key + 1, 0x9e3779b9)) >>> 0;
  t = Math.imul(t ^ (t >>> 16), 0x21f0aaad);
  t = Math.imul(t ^ (t >>> 15), 0x735a2d97);
  return ((t ^ (t >>> 15)) >>> 0) / 4294967296;
}
