import type { Placement } from "../model/placement.js";
import type { PlanningModel } from "../model/planning-model.js";
import { pick } from "./random.js";

/**
 * Ways to choose the shoots that large-neighbourhood search frees and re-optimises:
 * a window of days, one project, the shoots of a group of people, or one location's
 * shoots. Dropped optional shoots whose window meets the neighbourhood come along so
 * they can be scheduled again.
 */
export type NeighbourhoodKind = "days" | "project" | "people" | "location";

export const neighbourhoodKinds: readonly NeighbourhoodKind[] = ["days", "project", "people", "location"];

export function chooseNeighbourhood(
  model: PlanningModel,
  placements: readonly Placement[],
  kind: NeighbourhoodKind,
  size: number,
  random: () => number,
): Set<number> {
  const placed = new Map(placements.map((p) => [p.shoot, p]));
  const candidates = candidatesFor(model, placements, kind, random);
  // Shoots of the neighbourhood nearest in time to a random anchor, up to `size`.
  const anchor = placed.get(pick(random, candidates) ?? -1)?.start.firstDay ?? Math.floor(random() * model.dates.length);
  const dayOf = (shoot: number) => placed.get(shoot)?.start.firstDay ?? windowMiddle(model, shoot);
  const chosen = [...new Set(candidates)]
    .map((shoot) => ({ shoot, distance: Math.abs(dayOf(shoot) - anchor) + random() * 0.5 }))
    .sort((a, b) => a.distance - b.distance || a.shoot - b.shoot)
    .slice(0, size)
    .map((c) => c.shoot);
  return new Set(chosen);
}

function candidatesFor(model: PlanningModel, placements: readonly Placement[], kind: NeighbourhoodKind, random: () => number): number[] {
  const dropped = model.shoots.filter((s) => !placements.some((p) => p.shoot === s.index)).map((s) => s.index);
  switch (kind) {
    case "days":
      return model.shoots.map((s) => s.index);
    case "project": {
      const project = pick(random, [...new Set(model.shoots.map((s) => s.project))].sort());
      return model.shoots.filter((s) => s.project === project).map((s) => s.index);
    }
    case "people": {
      const someone = pick(random, placements)?.crew.map((c) => c.person) ?? [];
      const group = new Set(someone);
      return [...placements.filter((p) => p.crew.some((c) => group.has(c.person))).map((p) => p.shoot), ...dropped];
    }
    case "location": {
      const location = pick(random, placements)?.location;
      return [...placements.filter((p) => p.location === location).map((p) => p.shoot), ...dropped];
    }
  }
}

function windowMiddle(model: PlanningModel, shoot: number): number {
  const starts = model.shoots[shoot]?.starts ?? [];
  const first = starts[0]?.firstDay ?? 0;
  const last = starts[starts.length - 1]?.firstDay ?? first;
  return Math.floor((first + last) / 2);
}
