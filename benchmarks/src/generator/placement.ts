import { commit, createGrid, personCost, personFree, uncommit, type Grid, type Option, type PlacementInput } from "./placement-grid.js";
import { ROLES, must, type PersonSpec, type Placement, type ProjectSpec, type Role, type ShootSpec } from "./model.js";
import type { Random } from "./random.js";

export type { PlacementInput } from "./placement-grid.js";

export interface WitnessPlacement {
  /** Placement per shoot index; null = dropped (optional). */
  readonly placements: (Placement | null)[];
  /** Mandatory shoots that needed a relaxation (fewer extras, no named people or precedence) to fit. */
  readonly relaxed: number;
  /** Mandatory shoots that could not be placed at all and were made optional. */
  readonly demoted: number;
}

/**
 * Builds the hidden feasible plan greedily: mandatory shoots first, those of
 * tightly budgeted projects before the rest, project by project in order of their clusters, each at the cheapest start (new person-days,
 * new location-days and unmet preferences, in euros) inside its project's cluster,
 * else anywhere in the horizon after its predecessors, else with its requirements
 * relaxed. Predecessors (fittings, reviews) take the earliest feasible start instead,
 * so what follows them has room. Two rounds of re-insertion then polish the plan. Optional shoots follow and are kept only when they cost less than their
 * penalty. Equipment is not a constraint here: its supply is derived from this plan.
 */
export function placeWitness(input: PlacementInput, random: Random): WitnessPlacement {
  const grid = createGrid(input);

  for (const shoot of input.shoots) for (const p of shoot.requiredPeople) grid.pendingNamed[p] = must(grid.pendingNamed[p]) + shoot.durationSlots;
  const placements: (Placement | null)[] = input.shoots.map(() => null);
  const order = [...input.shoots].sort((a, b) => {
    const pa = must(input.projects[a.project]);
    const pb = must(input.projects[b.project]);
    const tight = (p: ProjectSpec): number => Number(p.budget !== "tight");
    return Number(a.optionalPenalty !== null) - Number(b.optionalPenalty !== null) || tight(pa) - tight(pb) || pa.focusFrom - pb.focusFrom || pa.index - pb.index || a.index - b.index;
  });
  let relaxed = 0;
  let demoted = 0;
  for (const shoot of order) {
    const shootRandom = random.fork(shoot.id);
    let option = bestOption(input, grid, placements, shoot, "cluster", shootRandom) ?? bestOption(input, grid, placements, shoot, "horizon", shootRandom);
    for (const p of shoot.requiredPeople) grid.pendingNamed[p] = must(grid.pendingNamed[p]) - shoot.durationSlots;
    if (shoot.optionalPenalty !== null) {
      if (option !== null && option.cost > shoot.optionalPenalty) option = null;
    } else if (option === null) {
      option = relaxUntilPlaced(input, grid, placements, shoot, shootRandom);
      if (option === null) {
        shoot.optionalPenalty = 1000;
        demoted += 1;
      } else relaxed += 1;
    }
    if (option !== null) placements[shoot.index] = commit(grid, shoot, option);
  }
  for (let pass = 0; pass < IMPROVEMENT_PASSES; pass += 1) improve(input, grid, placements, order, random.fork(`pass-${pass}`));
  return { placements, relaxed, demoted };
}

/** Rounds of re-insertion that polish the greedy witness, so caps drawn from it are near what a good plan costs. */
const IMPROVEMENT_PASSES = 2;

/**
 * One round of local search: each shoot in turn is taken out and put back at its
 * cheapest start (in its cluster, or anywhere if it already lay outside it) between
 * its placed predecessors and successors; an optional shoot is dropped, or taken back
 * in, when that is cheaper than its penalty. The total never rises.
 */
function improve(input: PlacementInput, grid: Grid, placements: (Placement | null)[], order: readonly ShootSpec[], random: Random): void {
  for (const shoot of order) {
    const current = placements[shoot.index] ?? null;
    if (current === null && shoot.optionalPenalty === null) continue;
    if (current !== null) uncommit(grid, shoot, current);
    const project = must(input.projects[shoot.project]);
    const day = current === null ? -1 : Math.floor(current.start / grid.slotsPerDay);
    const scope = current !== null && (day < project.focusFrom || day > project.focusTo) ? "horizon" : "cluster";
    const stay = current === null ? null : evaluate(input, grid, shoot, current.start, Number.POSITIVE_INFINITY);
    const best = bestOption(input, grid, placements, shoot, scope, random.fork(shoot.id), true);
    let chosen = best !== null && (stay === null || best.cost < stay.cost) ? best : stay;
    if (shoot.optionalPenalty !== null && chosen !== null && chosen.cost > shoot.optionalPenalty) chosen = null;
    if (chosen === null && shoot.optionalPenalty === null) throw new Error(`generator defect: ${shoot.id} lost its place`);
    placements[shoot.index] = chosen === null ? null : commit(grid, shoot, chosen);
  }
}

/** Drops extras one by one, then preferences, precedence gaps, named people and precedence, until the shoot fits somewhere. */
function relaxUntilPlaced(input: PlacementInput, grid: Grid, placements: readonly (Placement | null)[], shoot: ShootSpec, random: Random): Option | null {
  const steps: (() => boolean)[] = [
    ...shoot.extras.map(() => () => {
      const role = shoot.extras.pop();
      if (role === undefined) return false;
      const left = must(shoot.roles[role]) - 1;
      if (left === 0) delete shoot.roles[role];
      else shoot.roles[role] = left;
      return true;
    }),
    () => ((shoot.preferredPeople = []), true),
    () => ((shoot.after = shoot.after.map((a) => ({ shoot: a.shoot, gapDays: 0 }))), true),
    () => ((shoot.requiredPeople = []), true),
    () => ((shoot.after = []), true),
  ];
  for (const step of steps) {
    if (!step()) continue;
    const option = bestOption(input, grid, placements, shoot, "horizon", random);
    if (option !== null) return option;
  }
  return null;
}

/** The cheapest feasible start in the project's cluster (`cluster`) or the whole horizon, ties broken at random. */
function bestOption(
  input: PlacementInput, grid: Grid, placements: readonly (Placement | null)[], shoot: ShootSpec, scope: "cluster" | "horizon", random: Random, improving = false,
): Option | null {
  const project = must(input.projects[shoot.project]);
  const [fromDay, toDay] = scope === "horizon" ? [0, grid.days - 1] : [project.focusFrom, project.focusTo];
  const minStart = earliestStart(input, grid, placements, shoot);
  const starts = candidateStarts(grid, shoot.durationSlots, fromDay, toDay, minStart, latestEnd(grid, placements, shoot));
  // A predecessor (fitting, review) takes the earliest feasible start, leaving the most room for what follows it.
  if (shoot.leads && !improving) {
    for (const start of starts) {
      const option = evaluate(input, grid, shoot, start, Number.POSITIVE_INFINITY);
      if (option !== null) return option;
    }
    return null;
  }
  let best: Option | null = null;
  for (const start of random.shuffle(starts)) {
    const option = evaluate(input, grid, shoot, start, best?.cost ?? Number.POSITIVE_INFINITY);
    if (option !== null) best = option;
  }
  return best;
}

/** First global slot the shoot may start in after its placed predecessors (and their gaps). */
function earliestStart(input: PlacementInput, grid: Grid, placements: readonly (Placement | null)[], shoot: ShootSpec): number {
  let min = 0;
  for (const { shoot: before, gapDays } of shoot.after) {
    const placed = placements[before];
    if (placed === null || placed === undefined) continue;
    const end = placed.start + must(input.shoots[before]).durationSlots;
    const endDay = Math.floor((end - 1) / grid.slotsPerDay);
    min = Math.max(min, gapDays === 0 ? end : (endDay + gapDays + 1) * grid.slotsPerDay);
  }
  return min;
}

/** Last global slot (exclusive) by which the shoot must end, before its placed successors (and their gaps). */
function latestEnd(grid: Grid, placements: readonly (Placement | null)[], shoot: ShootSpec): number {
  let max = grid.slots;
  for (const next of must(grid.successors[shoot.index])) {
    const placed = placements[next.shoot];
    if (placed == null) continue;
    const startDay = Math.floor(placed.start / grid.slotsPerDay);
    max = Math.min(max, next.gapDays === 0 ? placed.start : (startDay - next.gapDays) * grid.slotsPerDay);
  }
  return max;
}

/** Starts whose whole shoot lies within working days [fromDay, toDay], not before `minStart` and ending by `maxEnd`. */
function candidateStarts(grid: Grid, duration: number, fromDay: number, toDay: number, minStart: number, maxEnd: number): number[] {
  const perDay = grid.slotsPerDay;
  const starts: number[] = [];
  for (let d = fromDay; d <= toDay; d += 1) {
    for (let s = 0; s < perDay; s += 1) {
      const start = d * perDay + s;
      const fits = duration <= perDay ? s + duration <= perDay : s === 0;
      if (fits && start >= minStart && start + duration <= Math.min(maxEnd, (toDay + 1) * perDay)) starts.push(start);
    }
  }
  return starts;
}

/** The cheapest location and crew for a start; null when someone or something is missing, or when it cannot beat `bound`. */
function evaluate(input: PlacementInput, grid: Grid, shoot: ShootSpec, start: number, bound: number): Option | null {
  const end = start + shoot.durationSlots;
  const d0 = Math.floor(start / grid.slotsPerDay);
  const d1 = Math.floor((end - 1) / grid.slotsPerDay);
  const location = cheapestLocation(input, grid, shoot, start, end, d0, d1);
  if (location === null || location.cost >= bound) return null;
  let cost = location.cost;
  const crew: { person: number; role: Role | null }[] = [];
  const remaining: Partial<Record<Role, number>> = { ...shoot.roles };
  const take = (person: PersonSpec): Role | null => {
    const role = ROLES.find((r) => (remaining[r] ?? 0) > 0 && person.roles.includes(r)) ?? null;
    if (role !== null) remaining[role] = must(remaining[role]) - 1;
    crew.push({ person: person.index, role });
    cost += personCost(grid, person, d0, d1);
    return role;
  };
  for (const p of shoot.requiredPeople) {
    if (!personFree(input, grid, p, start, end)) return null;
    take(must(input.crew[p]));
  }
  for (const p of shoot.preferredPeople) {
    const person = must(input.crew[p]);
    const fillsRole = person.roles.some((r) => (remaining[r] ?? 0) > 0);
    if (fillsRole && personFree(input, grid, p, start, end)) take(person);
    else cost += shoot.preferencePenalty;
  }
  for (const role of ROLES) {
    const picked = cheapestHolders(input, grid, role, remaining[role] ?? 0, crew, start, end, d0, d1);
    if (picked === null) return null;
    for (const person of picked) {
      crew.push({ person: person.index, role });
      // The real price, not the ranking surcharge.
      cost += personCost(grid, person, d0, d1);
    }
    if (cost >= bound) return null;
  }
  return cost < bound ? { start, location: location.index, crew, cost } : null;
}

function cheapestLocation(input: PlacementInput, grid: Grid, shoot: ShootSpec, start: number, end: number, d0: number, d1: number): { index: number; cost: number } | null {
  let best: { index: number; cost: number; fee: number } | null = null;
  for (const l of must(input.allowed[shoot.index])) {
    const location = must(input.locations[l]);
    const mask = must(input.locationMasks[l]);
    let free = true;
    for (let t = start; t < end && free; t += 1) free = mask[t] === 1 && must(grid.locationUse[l * grid.slots + t]) < location.capacity;
    if (!free) continue;
    let cost = 0;
    for (let d = d0; d <= d1; d += 1) if (grid.locationDay[l * grid.days + d] === 0) cost += location.dayFee;
    if (best === null || cost < best.cost || (cost === best.cost && location.dayFee < best.fee)) best = { index: l, cost, fee: location.dayFee };
  }
  return best;
}

/** The `count` cheapest free holders of `role` not yet on the shoot (ties: lower rate, lower index); null if too few. */
function cheapestHolders(input: PlacementInput, grid: Grid, role: Role, count: number, taken: readonly { person: number }[], start: number, end: number, d0: number, d1: number): PersonSpec[] | null {
  if (count === 0) return [];
  // Kept sorted by (cost, day rate, index); at most `count` entries.
  const best: { person: PersonSpec; cost: number }[] = [];
  for (const person of must(grid.holders.get(role))) {
    if (taken.some((c) => c.person === person.index)) continue;
    if (!personFree(input, grid, person.index, start, end)) continue;
    // Someone still needed by name elsewhere ranks as if a day dearer, so generic
    // staffing does not use up the calendar of a required photographer or face.
    const cost = personCost(grid, person, d0, d1) + (must(grid.pendingNamed[person.index]) > 0 ? person.dayRate : 0);
    let at = best.length;
    while (at > 0) {
      const x = must(best[at - 1]);
      const worse = x.cost > cost || (x.cost === cost && (x.person.dayRate > person.dayRate || (x.person.dayRate === person.dayRate && x.person.index > person.index)));
      if (!worse) break;
      at -= 1;
    }
    if (at < count) {
      best.splice(at, 0, { person, cost });
      if (best.length > count) best.pop();
    }
  }
  return best.length === count ? best.map((b) => b.person) : null;
}

