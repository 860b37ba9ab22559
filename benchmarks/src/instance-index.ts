import { createHash } from "node:crypto";
import type { ProblemInput } from "@shootplan/solver";
import { DEFAULT_ANCHOR_DATE, TIERS, generateInstance, type Tier } from "./generate-instance.js";

/** One entry of `benchmarks/instances/index.json`. */
export interface InstanceEntry {
  /** `<tier>-<seed>` in lower case, e.g. `s-1`. */
  readonly name: string;
  readonly tier: Tier;
  readonly seed: number;
  readonly anchorDate: string;
  readonly shoots: number;
  readonly crew: number;
  readonly locations: number;
  /** Working days of the horizon. */
  readonly days: number;
  /** Proven optimal cost in euros once known; null until then. */
  readonly expectedObjective: number | null;
  /** File under `benchmarks/instances/` for committed instances; absent = generated on the fly. */
  readonly file?: string;
  /** SHA-256 (hex) of the canonical JSON ({@link instanceJson}); proves byte-identical generation on every machine. */
  readonly sha256: string;
}

/** The benchmark set: S instances are committed, larger ones are generated when needed. */
export const BENCHMARK_SET: readonly { readonly tier: Tier; readonly seeds: readonly number[]; readonly committed: boolean }[] = [
  { tier: "S", seeds: [1, 2, 3], committed: true },
  { tier: "M", seeds: [1, 2, 3], committed: false },
  { tier: "L", seeds: [1, 2, 3], committed: false },
  { tier: "XL", seeds: [1, 2], committed: false },
];

/** The canonical serialisation of an instance: two-space JSON and a final newline. */
export function instanceJson(problem: ProblemInput): string {
  return `${JSON.stringify(problem, null, 2)}\n`;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The index entry and canonical JSON of one instance, generated afresh. */
export function buildEntry(tier: Tier, seed: number, committed: boolean, expectedObjective: number | null = null): { entry: InstanceEntry; json: string } {
  const json = instanceJson(generateInstance({ tier, seed, anchorDate: DEFAULT_ANCHOR_DATE }));
  const spec = TIERS[tier];
  const name = `${tier.toLowerCase()}-${seed}`;
  const entry: InstanceEntry = {
    name, tier, seed, anchorDate: DEFAULT_ANCHOR_DATE, shoots: spec.shoots, crew: spec.crew, locations: spec.locations, days: spec.days,
    expectedObjective, ...(committed ? { file: `${name}.json` } : {}), sha256: sha256(json),
  };
  return { entry, json };
}
