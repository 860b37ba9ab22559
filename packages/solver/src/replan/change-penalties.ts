import type { Formulation } from "../formulation/build-milp.js";
import type { MilpModel, MilpTerm, MilpVariable } from "../formulation/milp-model.js";
import type { PlanningModel } from "../model/planning-model.js";
import { sameStart, type EarlierShoot } from "./earlier-plan.js";

/**
 * The repair objective: the plan's cost plus `penalty` (minor units) per changed
 * assignment. Each earlier assignment contributes `penalty * (1 - kept)`, where `kept` is
 * the binary that keeps it: the placement variable of the earlier start and location,
 * the crew variable of the earlier person and role, or `1 - drop` for a shoot the
 * earlier plan dropped. An assignment the current model cannot express at all (a gone
 * date, location or person) is a constant: it changes in every plan. Linear, so the
 * MILP's proof of optimality covers the penalties too.
 *
 * Pinned shoots (indices of the formulation's model) get their earlier placement and
 * crew fixed to 1 and every other decision of theirs to 0; `unkept` lists those whose
 * earlier assignment the model has no variable for.
 */
export function withChangePenalties(
  formulation: Formulation,
  model: PlanningModel,
  earlier: readonly EarlierShoot[],
  penalty: number,
  pinned: ReadonlySet<number>,
): { readonly milp: MilpModel; readonly unkept: readonly number[] } {
  const extra = new Map<number, number>();
  const fixed = new Map<number, number>();
  const unkept: number[] = [];
  let constant = 0;
  const keep = (variable: number | undefined): void => {
    constant += penalty;
    if (variable !== undefined) extra.set(variable, (extra.get(variable) ?? 0) - penalty);
  };
  model.shoots.forEach((shoot) => {
    const before = earlier[shoot.index];
    const vars = formulation.index.shoots[shoot.index];
    if (before === undefined || vars === undefined) return;
    if (before.kind === "dropped") {
      // Scheduling a shoot the earlier plan dropped changes it: penalty * (1 - drop).
      keep(vars.drop ?? undefined);
      return;
    }
    if (before.kind !== "scheduled") return;
    const startIndex = shoot.starts.findIndex((s) => sameStart(s, before));
    const placement = vars.placements.find((p) => p.start === startIndex && p.location === before.location);
    keep(placement?.variable);
    const crew = before.crew.map((c) => vars.crew.find((v) => v.person === c.person && v.role === c.role));
    crew.forEach((c) => keep(c?.variable));
    if (!pinned.has(shoot.index)) return;
    if (placement === undefined || crew.some((c) => c === undefined)) {
      unkept.push(shoot.index);
      return;
    }
    for (const p of vars.placements) fixed.set(p.variable, p === placement ? 1 : 0);
    for (const c of vars.crew) fixed.set(c.variable, crew.includes(c) ? 1 : 0);
    if (vars.drop !== null) fixed.set(vars.drop, 0);
  });
  return { milp: penalised(formulation.milp, extra, constant, fixed), unkept };
}

function penalised(milp: MilpModel, extra: ReadonlyMap<number, number>, constant: number, fixed: ReadonlyMap<number, number>): MilpModel {
  const merged = new Map<number, number>();
  for (const t of milp.objective.terms) merged.set(t.variable, (merged.get(t.variable) ?? 0) + t.coefficient);
  for (const [v, c] of extra) merged.set(v, (merged.get(v) ?? 0) + c);
  const terms: MilpTerm[] = [...merged].filter(([, c]) => c !== 0).sort((a, b) => a[0] - b[0]).map(([variable, coefficient]) => ({ variable, coefficient }));
  const variables = milp.variables.map((v, i): MilpVariable => {
    const value = fixed.get(i);
    return value === undefined ? v : { ...v, lower: value, upper: value };
  });
  return { ...milp, variables, objective: { terms, constant: milp.objective.constant + constant } };
}
