import type { Formulation } from "./build-milp.js";
import type { PlanningModel } from "../model/planning-model.js";
import type { Placement } from "../model/placement.js";

/** Reads placements and crew from a verified integer solution of the formulation. */
export function decodeMilp(model: PlanningModel, formulation: Formulation, values: readonly number[]): Placement[] {
  const on = (variable: number): boolean => (values[variable] ?? 0) > 0.5;
  const placements: Placement[] = [];
  formulation.index.shoots.forEach((vars, shootIndex) => {
    const chosen = vars.placements.find((p) => on(p.variable));
    if (chosen === undefined) return;
    const start = model.shoots[shootIndex]?.starts[chosen.start];
    if (start === undefined) return;
    const crew = vars.crew.filter((c) => on(c.variable)).map((c) => ({ person: c.person, role: c.role }));
    placements.push({ shoot: shootIndex, start, location: chosen.location, crew });
  });
  return placements;
}
