import type { MilpModel } from "./milp-model.js";

/**
 * Returns a copy of the model with the named variables fixed (lower = upper = value).
 * The basis of pinning and of neighbourhood search. Throws on an unknown name so a
 * typo never silently frees a variable.
 */
export function fixVariables(model: MilpModel, values: ReadonlyMap<string, number>): MilpModel {
  const byName = new Map(model.variables.map((v, i) => [v.name, i]));
  for (const name of values.keys()) {
    if (!byName.has(name)) throw new RangeError(`no variable named ${name}`);
  }
  return {
    ...model,
    variables: model.variables.map((v) => {
      const value = values.get(v.name);
      return value === undefined ? v : { ...v, lower: value, upper: value };
    }),
  };
}
