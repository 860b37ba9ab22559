import type { CrewAssignment } from "../../domain/plan-schema.js";
import { byCodeUnit, count, describePerson, describeShoot, type Placement, type PlanIndex } from "../plan-index.js";
import type { Report } from "../violation.js";

/**
 * Rules on who works on each shoot: every role filled by exactly the number needed,
 * only by people who hold it, nobody twice, every required person present, and only
 * required or preferred people without a needed role attending beyond the counts.
 */
export function staffingRules(index: PlanIndex, report: Report): void {
  for (const placement of index.placements) {
    const assignments = distinctAssignments(index, placement, report);
    roleCountRule(placement, assignments, report);
    for (const assignment of assignments) assignmentRule(index, placement, assignment, report);
    requiredRule(index, placement, report);
  }
}

/**
 * The first assignment of each known person; later ones are reported as
 * `person_twice_in_shoot` and left out of the role counts, so one mistake is one report.
 */
function distinctAssignments(index: PlanIndex, { entry, shoot }: Placement, report: Report): CrewAssignment[] {
  const first = new Map<string, CrewAssignment>();
  for (const assignment of entry.crew) {
    const person = index.people.get(assignment.person);
    if (person === undefined) continue;
    if (!first.has(person.id)) {
      first.set(person.id, assignment);
      continue;
    }
    report({ code: "person_twice_in_shoot", shoot: shoot.id, person: person.id, message: `${describePerson(person)} is listed more than once on ${describeShoot(shoot)}; one person fills at most one role.` });
  }
  return [...first.values()];
}

function roleCountRule({ shoot }: Placement, assignments: readonly CrewAssignment[], report: Report): void {
  const filled = new Map<string, number>();
  for (const { role } of assignments) if (role !== null) filled.set(role, (filled.get(role) ?? 0) + 1);
  const roles = [...new Set([...Object.keys(shoot.roles), ...filled.keys()])].sort(byCodeUnit);
  for (const role of roles) {
    const needed = shoot.roles[role] ?? 0;
    const got = filled.get(role) ?? 0;
    if (needed === got) continue;
    report({ code: "role_count_wrong", shoot: shoot.id, message: `${describeShoot(shoot)} needs ${count(needed, role)} but the plan assigns ${got}.` });
  }
}

function assignmentRule(index: PlanIndex, { shoot }: Placement, { person: id, role }: CrewAssignment, report: Report): void {
  const person = index.people.get(id);
  if (person === undefined) return;
  if (role !== null) {
    if (person.roles.includes(role)) return;
    report({ code: "person_lacks_role", shoot: shoot.id, person: id, message: `${describePerson(person)} is assigned as ${role} on ${describeShoot(shoot)}, a role they do not hold.` });
    return;
  }
  const named = shoot.requiredPeople.includes(id) || shoot.preferredPeople.includes(id);
  const needed = person.roles.filter((r) => (shoot.roles[r] ?? 0) > 0);
  if (named && needed.length === 0) return;
  const reason = named
    ? `they hold a role the shoot needs (${needed.join(", ")}), so they must fill it`
    : "only required or preferred people may attend without a role";
  report({ code: "attendee_not_allowed", shoot: shoot.id, person: id, message: `${describePerson(person)} attends ${describeShoot(shoot)} without a role, but ${reason}.` });
}

function requiredRule(index: PlanIndex, { entry, shoot }: Placement, report: Report): void {
  const assigned = new Set(entry.crew.map((c) => c.person));
  for (const id of shoot.requiredPeople) {
    if (assigned.has(id)) continue;
    const person = index.people.get(id);
    const who = person === undefined ? `"${id}"` : describePerson(person);
    report({ code: "required_person_missing", shoot: shoot.id, person: id, message: `${describeShoot(shoot)} requires ${who}, who is not in its crew.` });
  }
}
