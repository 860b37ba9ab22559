import type { ModelPerson } from "./planning-model.js";

/**
 * Each role's holders (person indices), cheapest first by `rate` (default: the day
 * rate), ties by index: the scarcity and staffing lists of the construction, the
 * bounds and the MILP's whole-day rows.
 */
export function holdersByRole(people: readonly ModelPerson[], rate: (person: ModelPerson) => number = (p) => p.dayRate): Map<string, number[]> {
  const holders = new Map<string, number[]>();
  const byRate = [...people].sort((a, b) => rate(a) - rate(b) || a.index - b.index);
  for (const person of byRate) {
    for (const role of person.roles) {
      const list = holders.get(role);
      if (list === undefined) holders.set(role, [person.index]);
      else list.push(person.index);
    }
  }
  return holders;
}
