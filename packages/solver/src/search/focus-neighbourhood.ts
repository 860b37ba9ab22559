import type { Placement } from "../model/placement.js";
import type { ModelPerson, ModelShoot, PlanningModel } from "../model/planning-model.js";
import type { ResidualModel } from "../model/residual-model.js";

/**
 * How far a neighbourhood's sub-problem may move things. Defaults in {@link defaultFocus}.
 */
export interface Focus {
  /** A placed shoot may move at most this many working days from where it is now. */
  readonly days: number;
  /** Per role the freed shoots need, this many holders besides the people already on them. */
  readonly holdersPerRole: number;
}

/**
 * Measured on the generated tiers: a residual MILP over whole windows and all crew has
 * about 10 000 columns per freed shoot at XL (20 shoots: 200 000 columns, 3 s to build,
 * 0.5 GB); with +-3 days and 8 holders per role it has a few hundred per freed shoot.
 */
export const defaultFocus: Focus = { days: 3, holdersPerRole: 8 };

/**
 * Narrows a residual model to the moves a neighbourhood is about: every placed freed
 * shoot keeps only the start options within `days` working days of its current start
 * (the current one always stays, so the current plan remains a solution), and only a
 * pool of people may be staffed: those on the freed shoots now, their required and
 * preferred people, and per needed role the `holdersPerRole` holders that are cheapest
 * near the freed shoots, where a day some held shoot already pays costs nothing.
 * Everyone else is masked as unavailable. Shoots not placed now keep all their starts.
 *
 * This is what keeps sub-problems small at every tier: the sub-MILP is still a MILP
 * over a smaller (but never empty) set of choices, solved to optimality or to the
 * caller's node limit from the current plan, so the search stays an improvement
 * method; every result is re-checked by the caller anyway.
 */
export function focusNeighbourhood(residual: ResidualModel, placements: readonly Placement[], focus: Focus = defaultFocus): PlanningModel {
  const { model, original } = residual;
  const current = new Map(placements.map((p) => [p.shoot, p]));
  const shoots = model.shoots.map((shoot, i): ModelShoot => {
    const now = current.get(original[i] ?? -1);
    if (now === undefined) return shoot;
    const starts = shoot.starts.filter((s) => s === now.start || Math.abs(s.firstDay - now.start.firstDay) <= focus.days);
    return { ...shoot, starts };
  });
  const pool = peoplePool(model, shoots, original, current, focus);
  const masked = new Uint8Array(model.slotCount);
  const people = model.people.map((person): ModelPerson => (pool.has(person.index) ? person : { ...person, available: masked }));
  return { ...model, shoots, people };
}

function peoplePool(
  model: PlanningModel,
  shoots: readonly ModelShoot[],
  original: readonly number[],
  current: ReadonlyMap<number, Placement>,
  focus: Focus,
): Set<number> {
  const pool = new Set<number>();
  const days = new Set<number>();
  const roles = new Set<string>();
  shoots.forEach((shoot, i) => {
    for (const c of current.get(original[i] ?? -1)?.crew ?? []) pool.add(c.person);
    for (const p of [...shoot.required, ...shoot.preferred]) pool.add(p);
    for (const r of shoot.roles) roles.add(r.role);
    for (const s of shoot.starts) for (let d = s.firstDay; d <= s.lastDay; d += 1) days.add(d);
  });
  // A person holding several needed roles is priced once.
  const costs = new Map<number, number | null>();
  const costOf = (p: ModelPerson): number | null => {
    if (!costs.has(p.index)) costs.set(p.index, cheapestDay(model, p, days));
    return costs.get(p.index) ?? null;
  };
  for (const role of [...roles].sort()) {
    const ranked = model.people
      .filter((p) => p.roles.has(role) && !pool.has(p.index))
      .map((p) => ({ person: p.index, cost: costOf(p) }))
      .filter((c) => c.cost !== null)
      .sort((a, b) => (a.cost ?? 0) - (b.cost ?? 0) || a.person - b.person)
      .slice(0, focus.holdersPerRole);
    for (const c of ranked) pool.add(c.person);
  }
  return pool;
}

/** What one more shoot costs the person at best on the given days (0 on a day already paid); null when never available. */
function cheapestDay(model: PlanningModel, person: ModelPerson, days: ReadonlySet<number>): number | null {
  let best: number | null = null;
  for (const day of days) {
    let free = false;
    for (let t = day * model.slotsPerDay; t < (day + 1) * model.slotsPerDay; t += 1) free ||= person.available[t] === 1;
    if (!free) continue;
    const cost = person.paidDays.has(day) ? 0 : person.dayRate;
    if (best === null || cost < best) best = cost;
    if (best === 0) break;
  }
  return best;
}
