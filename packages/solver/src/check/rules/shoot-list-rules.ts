import { describeShoot, type PlanIndex } from "../plan-index.js";
import type { Report } from "../violation.js";

/**
 * Rules on which shoots the plan lists: every shoot exists, is scheduled at most once,
 * is either scheduled or dropped (never both), and only optional shoots are dropped.
 */
export function shootListRules(index: PlanIndex, report: Report): void {
  const scheduled = new Set<string>();
  const repeated = new Set<string>();
  for (const entry of index.plan.shoots) {
    const shoot = index.shoots.get(entry.shoot);
    if (shoot === undefined) {
      report({ code: "unknown_shoot", shoot: entry.shoot, message: `The plan schedules shoot "${entry.shoot}", which is not in the problem.` });
    } else if (scheduled.has(shoot.id) && !repeated.has(shoot.id)) {
      // Reported once per repeated shoot, whatever the number of repeats.
      repeated.add(shoot.id);
      report({ code: "shoot_scheduled_twice", shoot: shoot.id, message: `The plan schedules ${describeShoot(shoot)} more than once; only its first placement is checked and priced.` });
    }
    scheduled.add(entry.shoot);
  }
  droppedRules(index, scheduled, report);
  for (const shoot of index.problem.shoots) {
    if (scheduled.has(shoot.id) || index.dropped.includes(shoot.id)) continue;
    const what = shoot.optional === undefined ? "a mandatory shoot" : "an optional shoot, so it must be listed as dropped if it is left out";
    report({ code: "shoot_missing", shoot: shoot.id, message: `The plan neither schedules nor drops ${describeShoot(shoot)}, ${what}.` });
  }
}

function droppedRules(index: PlanIndex, scheduled: ReadonlySet<string>, report: Report): void {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of index.plan.dropped) {
    const shoot = index.shoots.get(id);
    if (seen.has(id)) {
      // Reported once per repeated id, whatever the number of repeats.
      if (shoot !== undefined && !repeated.has(id)) {
        report({ code: "shoot_dropped_twice", shoot: id, message: `The plan lists ${describeShoot(shoot)} more than once among dropped shoots.` });
      }
      repeated.add(id);
      continue;
    }
    seen.add(id);
    if (shoot === undefined) {
      report({ code: "unknown_shoot", shoot: id, message: `The plan drops shoot "${id}", which is not in the problem.` });
    } else if (scheduled.has(id)) {
      // Checked before mandatory: the contradiction is the plan's real defect.
      report({ code: "dropped_and_scheduled", shoot: id, message: `The plan both schedules and drops ${describeShoot(shoot)}.` });
    } else if (shoot.optional === undefined) {
      report({ code: "mandatory_shoot_dropped", shoot: id, message: `The plan drops ${describeShoot(shoot)}, but it is mandatory: a plan that cannot place it is infeasible.` });
    }
  }
}

/** Every person, location and item the plan names exists in the problem. */
export function referenceRules(index: PlanIndex, report: Report): void {
  const message = (kind: string, id: string, where: string): string =>
    `The plan names ${kind} "${id}" ${where}, but the problem has no ${kind} with that id.`;
  for (const entry of index.plan.shoots) {
    const where = `on shoot "${entry.shoot}"`;
    const shoot = entry.shoot;
    if (!index.locations.has(entry.location)) {
      report({ code: "unknown_reference", shoot, location: entry.location, message: message("location", entry.location, where) });
    }
    for (const { person } of entry.crew) {
      if (!index.people.has(person)) report({ code: "unknown_reference", shoot, person, message: message("crew member", person, where) });
    }
    for (const { item } of entry.equipment) {
      if (!index.items.has(item)) report({ code: "unknown_reference", shoot, item, message: message("equipment item", item, where) });
    }
  }
  for (const { item, date } of index.plan.rentals) {
    if (!index.items.has(item)) report({ code: "unknown_reference", item, date, message: message("equipment item", item, `in a rental on ${date}`) });
  }
}
