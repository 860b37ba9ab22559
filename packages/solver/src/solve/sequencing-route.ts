import type { PlanningModel } from "../model/planning-model.js";
import type { SequencingInstance } from "../talent/types.js";
import type { Placement } from "../model/placement.js";

/**
 * Hold-billed sequencing (the talent scheduling problem) recognised inside a general
 * problem: every shoot in one capacity-1 location, whole days, and exactly as many
 * working days as the shoots need, so shoots run back to back in some order. Then the
 * only decision is the order, which dynamic programming over the set of shoots
 * already shot solves exactly (Garcia de la Banda, Stuckey & Chu, 2011) where a
 * time-indexed MILP stalls.
 */
export interface SequencingRoute {
  readonly instance: SequencingInstance;
  /** Order-independent cost in minor units: worked-billed people, location fees. */
  readonly constantCost: number;
  /** Builds the placements of a shooting order. */
  placements(order: readonly number[]): Placement[];
}

/** The route, or the reason this problem is not a pure sequencing problem. */
export function sequencingRoute(model: PlanningModel): SequencingRoute | { readonly reason: string } {
  const reason = unsupported(model);
  if (reason !== null) return { reason };
  const perDay = model.slotsPerDay;
  const durations = model.shoots.map((s) => s.durationSlots / perDay);
  const actors = model.people.filter((p) => p.hold && p.dayRate > 0 && model.shoots.some((s) => s.required.includes(p.index)));
  const startOf = (scene: number, day: number) => model.shoots[scene]?.starts.find((o) => o.firstDay === day);
  const rental = rentalCost(model);
  const instance: SequencingInstance = {
    durations,
    dayRates: actors.map((a) => a.dayRate),
    scenesByActor: actors.map((a) => model.shoots.filter((s) => s.required.includes(a.index)).map((s) => s.index)),
    canStart: (scene, day) => startOf(scene, day) !== undefined && Number.isFinite(rental(scene, day)),
    placementCost: (scene, day) => {
      const cost = rental(scene, day);
      return Number.isFinite(cost) ? cost : 0;
    },
  };
  const location = model.shoots[0]?.locations[0] ?? 0;
  const workedPay = model.people
    .filter((p) => !p.hold)
    .reduce((sum, p) => sum + p.dayRate * model.shoots.filter((s) => s.required.includes(p.index)).reduce((d, s) => d + (durations[s.index] ?? 0), 0), 0);
  const constantCost = workedPay + (model.locations[location]?.dayFee ?? 0) * model.dates.length;
  return {
    instance,
    constantCost,
    placements(order) {
      let day = 0;
      return order.map((scene) => {
        const start = startOf(scene, day);
        if (start === undefined) throw new RangeError(`scene ${scene} cannot start on day ${day}`);
        day += durations[scene] ?? 0;
        const crew = (model.shoots[scene]?.required ?? []).map((person) => ({ person, role: null }));
        return { shoot: scene, start, location, crew };
      });
    },
  };
}

function unsupported(model: PlanningModel): string | null {
  const location = model.shoots[0]?.locations[0];
  const total = model.shoots.reduce((sum, s) => sum + s.durationSlots, 0);
  if (model.shoots.length < 2) return "fewer than two shoots";
  if (model.shoots.some((s) => s.durationSlots % model.slotsPerDay !== 0)) return "a shoot is shorter than a whole day";
  if (model.shoots.some((s) => s.locations.length !== 1 || s.locations[0] !== location)) return "shoots do not share one single location";
  if ((model.locations[location ?? -1]?.capacity ?? 0) !== 1) return "the location holds more than one shoot at once";
  if (total !== model.slotCount) return "the shoots do not fill the horizon exactly";
  if (model.shoots.some((s) => s.optional || s.roles.length > 0 || s.preferred.length > 0 || s.after.length > 0)) return "shoots have roles, preferences, precedence or are optional";
  if (!model.people.some((p) => p.hold)) return "nobody is hold-billed";
  if (model.people.some((p) => p.maxDays !== null || p.maxConsecutiveDays !== null)) return "crew have day limits";
  if (model.budgetProjects.size > 0) return "project budgets depend on the order";
  return null;
}

/** Rental cost in minor units of a whole-day scene starting on `day`; Infinity when the rental cap is exceeded. */
function rentalCost(model: PlanningModel): (scene: number, day: number) => number {
  return (scene, day) => {
    const shoot = model.shoots[scene];
    if (shoot === undefined) return Infinity;
    const days = shoot.durationSlots / model.slotsPerDay;
    let cost = 0;
    for (let d = day; d < day + days; d += 1) {
      for (const { item, units } of shoot.equipment) {
        const spec = model.items[item];
        const short = units - (spec?.ownedByDay[d] ?? 0);
        if (short <= 0 || spec === undefined) continue;
        if (short > spec.rentalCap) return Infinity;
        cost += short * spec.rentalRate;
      }
    }
    return cost;
  };
}
