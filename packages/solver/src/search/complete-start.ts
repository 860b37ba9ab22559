import { highsBackend } from "../backends/highs-backend.js";
import type { MilpModel } from "../formulation/milp-model.js";

/**
 * Completes a partial MILP start (the placements, drops and crew of a plan) into a
 * full one: with those variables fixed, the rest (days worked, rentals, hold days,
 * location days) follows at once, so the solve takes milliseconds. HiGHS accepts a
 * complete start far more reliably than a partial one. Null when the fixed part has
 * no completion (the start is not a plan of this model).
 */
export async function completeStart(model: MilpModel, partial: ReadonlyMap<number, number>, timeLimitSeconds: number): Promise<Map<number, number> | null> {
  const fixed: MilpModel = {
    ...model,
    variables: model.variables.map((v, i) => {
      const value = partial.get(i);
      return value === undefined ? v : { ...v, lower: value, upper: value };
    }),
  };
  const result = await highsBackend.solve(fixed, { timeLimitSeconds, relativeGap: 0 });
  if (result.status !== "optimal" && result.status !== "feasible") return null;
  return new Map(result.values.map((value, i) => [i, value]));
}
