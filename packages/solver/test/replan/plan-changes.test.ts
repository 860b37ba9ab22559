import { describe, expect, it } from "vitest";
import type { Plan, ScheduledShoot } from "../../src/domain/plan-schema.js";
import { countedChanges, planChanges } from "../../src/replan/plan-changes.js";

function shoot(id: string, day: string, location: string, crew: [string, string | null][], firstSlot = 0): ScheduledShoot {
  return { shoot: id, location, days: [day], firstSlot, durationSlots: 1, start: `${day}T09:00:00+01:00`, end: `${day}T13:00:00+01:00`, crew: crew.map(([person, role]) => ({ person, role })), equipment: [] };
}

function plan(shoots: ScheduledShoot[], dropped: string[] = []): Pick<Plan, "shoots" | "dropped"> {
  return { shoots, dropped };
}

describe("planChanges", () => {
  const earlier = plan(
    [shoot("a", "2027-03-01", "studio", [["ana", "photographer"], ["ben", "assistant"]]), shoot("b", "2027-03-02", "studio", [["cara", "photographer"]]), shoot("gone", "2027-03-02", "park", [])],
    ["c"],
  );

  it("finds nothing between a plan and itself", () => {
    expect(planChanges(["a", "b", "c", "gone"], earlier, earlier)).toEqual([]);
  });

  it("names a replaced person as one counted removal and one addition", () => {
    const repaired = plan([shoot("a", "2027-03-01", "studio", [["ana", "photographer"], ["dan", "assistant"]]), earlier.shoots[1] as ScheduledShoot, earlier.shoots[2] as ScheduledShoot], ["c"]);
    const changes = planChanges(["a", "b", "c", "gone"], earlier, repaired);
    expect(changes).toEqual([
      { kind: "crew_removed", shoot: "a", person: "ben", role: "assistant", counted: true },
      { kind: "crew_added", shoot: "a", person: "dan", role: "assistant", counted: false },
    ]);
    expect(countedChanges(changes)).toBe(1);
  });

  it("counts a new time or location once, and a role change of the same person as a replacement", () => {
    const repaired = plan([shoot("a", "2027-03-01", "studio", [["ana", "photographer"], ["ben", "assistant"]], 1), shoot("b", "2027-03-02", "park", [["cara", "assistant"]]), earlier.shoots[2] as ScheduledShoot], ["c"]);
    const changes = planChanges(["a", "b", "c", "gone"], earlier, repaired);
    expect(changes.map((c) => c.kind)).toEqual(["rescheduled", "rescheduled", "crew_removed", "crew_added"]);
    expect(changes[0]).toMatchObject({ from: { days: ["2027-03-01"], firstSlot: 0, location: "studio" }, to: { firstSlot: 1 } });
    expect(countedChanges(changes)).toBe(3);
  });

  it("counts a dropped shoot's placement and each of its people; a restored one once", () => {
    const repaired = plan([shoot("b", "2027-03-02", "studio", [["cara", "photographer"]]), shoot("c", "2027-03-03", "park", [["ana", "photographer"]]), earlier.shoots[2] as ScheduledShoot], ["a"]);
    const changes = planChanges(["a", "b", "c", "gone"], earlier, repaired);
    expect(changes.map((c) => `${c.kind}:${c.shoot}`)).toEqual(["dropped:a", "crew_removed:a", "crew_removed:a", "restored:c"]);
    expect(countedChanges(changes)).toBe(4);
  });

  it("reports shoots the problem added (when scheduled) and no longer has, without counting them", () => {
    const repaired = plan([...earlier.shoots.slice(0, 2), shoot("new", "2027-03-03", "park", [["ben", "photographer"]])], ["c", "optional-new"]);
    const changes = planChanges(["a", "b", "c", "new", "optional-new"], earlier, repaired);
    expect(changes).toEqual([
      { kind: "added", shoot: "new", counted: false },
      { kind: "cancelled", shoot: "gone", counted: false },
    ]);
    expect(countedChanges(changes)).toBe(0);
  });
});
