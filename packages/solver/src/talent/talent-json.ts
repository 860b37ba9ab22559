/**
 * Reads the literature's talent-scheduling JSON format
 * (`/work/shared/data/talent/*.json`) into a {@link SequencingInstance}.
 */
import type { SequencingInstance } from "./types.js";

/** The fields of a talent JSON file that define the problem (others are ignored). */
export interface TalentInstanceJson {
  /** Days each scene takes. */
  readonly durations: readonly number[];
  /** Per actor: day rate in whole currency units. */
  readonly costs: readonly number[];
  /** `plays[j][i] = 1` when actor j is in scene i, else 0. */
  readonly plays: readonly (readonly number[])[];
}

function numberArray(value: unknown, what: string): number[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === "number")) {
    throw new TypeError(`${what} must be an array of numbers`);
  }
  return value as number[];
}

/**
 * Converts a parsed talent JSON object (e.g. `JSON.parse` of a data file) to
 * a sequencing instance. Costs are copied unchanged (factor 1), i.e. treated
 * as whole currency units; callers wanting cents multiply `dayRates` by 100.
 * Throws TypeError on a malformed object.
 */
export function talentInstanceToSequencing(json: unknown): SequencingInstance {
  if (typeof json !== "object" || json === null) throw new TypeError("talent instance must be an object");
  const raw = json as Record<string, unknown>;
  const durations = numberArray(raw["durations"], "durations");
  const costs = numberArray(raw["costs"], "costs");
  const plays = raw["plays"];
  if (!Array.isArray(plays) || plays.length !== costs.length) {
    throw new TypeError("plays must have one row per actor (same length as costs)");
  }
  const scenesByActor = plays.map((row: unknown, j) => {
    const cells = numberArray(row, `plays[${j}]`);
    if (cells.length !== durations.length) throw new TypeError(`plays[${j}] must have one cell per scene`);
    if (!cells.every((cell) => cell === 0 || cell === 1)) throw new TypeError(`plays[${j}] cells must be 0 or 1`);
    return cells.flatMap((cell, i) => (cell === 1 ? [i] : []));
  });
  return { durations: [...durations], dayRates: [...costs], scenesByActor };
}
