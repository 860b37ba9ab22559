/**
 * The MILP whose relaxations bound the cost of every plan.
 *
 * `buildMilp` enforces per-project budget caps conservatively (a project is charged the
 * full price of every unit it touches, see budget-caps.ts): that cuts off some valid
 * plans, so the MILP's optimum and its bounds may exceed the true optimum (measured:
 * on a generated S instance the LP relaxation with those rows is 31 134 EUR while a
 * valid plan costs 24 700 EUR). Dropping those rows and their private variables
 * leaves only rows every valid plan satisfies (the other families are exact, and their
 * tightenings are valid for every integer plan; the total cap bounds the objective
 * exactly and stays), so relaxations of what remains are valid lower bounds.
 */
import type { MilpModel, MilpRow, MilpVariable } from "../formulation/milp-model.js";
import type { PlanningModel } from "../model/planning-model.js";

/** Names of the variables budget-caps.ts creates only for project rows. */
const PROJECT_VARIABLE = /^project(Works|Crew|Hold|Location|Uses|Rent)\[/;
const PROJECT_ROW = /^(budget\[project=|project(Works|Crew|Hold|Location|Uses|Rent)Link\[)/;

/**
 * The MILP without the conservative project-budget rows. Any row that mentions a dropped
 * variable is dropped too (dropping rows only enlarges the feasible set), and the
 * objective must not mention one (it never does; if it did, they would be kept).
 */
export function boundingMilp(milp: MilpModel): MilpModel {
  const inObjective = new Set(milp.objective.terms.map((t) => t.variable));
  const dropped = milp.variables.map((v, i) => PROJECT_VARIABLE.test(v.name) && !inObjective.has(i));
  if (!dropped.includes(true) && !milp.rows.some((r) => PROJECT_ROW.test(r.name))) return milp;
  const newIndex = new Int32Array(milp.variables.length).fill(-1);
  const variables: MilpVariable[] = [];
  milp.variables.forEach((v, i) => {
    if (dropped[i] === true) return;
    newIndex[i] = variables.length;
    variables.push(v);
  });
  const rows: MilpRow[] = [];
  for (const row of milp.rows) {
    if (PROJECT_ROW.test(row.name) || row.terms.some((t) => dropped[t.variable] === true)) continue;
    rows.push({ ...row, terms: row.terms.map((t) => ({ variable: newIndex[t.variable] ?? -1, coefficient: t.coefficient })) });
  }
  const terms = milp.objective.terms.map((t) => ({ variable: newIndex[t.variable] ?? -1, coefficient: t.coefficient }));
  return { sense: milp.sense, variables, rows, objective: { terms, constant: milp.objective.constant } };
}

/** The same model with every variable continuous. */
export function linearRelaxation(milp: MilpModel): MilpModel {
  return { ...milp, variables: milp.variables.map((v) => (v.integer ? { ...v, integer: false } : v)) };
}

/**
 * A cheap over-estimate of the number of MILP variables, without building it (building
 * takes about 12 s at tier L and runs out of memory at XL): per shoot, start options
 * times (allowed locations + people who hold a needed role or are named), one per
 * seat a holder could fill (person x role: one person holding 20 000 needed roles is
 * 20 000 variables, not one) and the named people's; per person-, location- and
 * item-day one (three per hold-billed person-day); and per capped project, its own
 * copies of those days. The busy variables (person x start) dominate the real count on
 * realistic problems.
 */
export function estimateMilpVariables(model: PlanningModel): number {
  const holders = new Map<string, number>();
  for (const person of model.people) for (const role of person.roles) holders.set(role, (holders.get(role) ?? 0) + 1);
  let total = 0;
  for (const shoot of model.shoots) {
    const seats = shoot.roles.reduce((sum, r) => sum + (holders.get(r.role) ?? 0), 0);
    const candidates = Math.min(model.people.length, seats + shoot.required.length + shoot.preferred.length);
    total += shoot.starts.length * (shoot.locations.length + candidates) + seats + candidates + shoot.required.length + shoot.preferred.length + 1;
  }
  const days = model.dates.length;
  const hold = model.people.filter((p) => p.hold).length;
  const people = model.people.length;
  const perDay = people + 3 * hold + model.locations.length + model.items.length;
  const capped = model.budgetProjects.size + (model.budgetTotal === null ? 0 : 1);
  const perCap = (people + hold + model.locations.length + 2 * model.items.length) * days + people + model.items.length + 1;
  return total + perDay * days + capped * perCap;
}
