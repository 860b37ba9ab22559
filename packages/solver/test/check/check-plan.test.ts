import { describe, expect, it } from "vitest";
import { checkPlan, ruleLabels, violationCodes, type Violation, type ViolationCode } from "../../src/check/check-plan.js";
import type { Plan } from "../../src/domain/plan-schema.js";
import { problemSchema, type ProblemInput } from "../../src/domain/problem-schema.js";
import { baseFixture, basePlan, baseProblemInput, entryOf, expectedCost, personInput, restate, shootInput, type Fixture } from "./fixture.js";

/** Adds shoot s6 (acme, one slot, no roles or equipment) to the problem and schedules it. */
function addExtraShoot(f: Fixture, shoot: Partial<ProblemInput["shoots"][number]>, entry: Partial<Plan["shoots"][number]>): void {
  f.problem.shoots.push({ id: "s6", title: "Acme extra stills", project: "acme", durationSlots: 1, ...shoot });
  f.plan.shoots.push({ shoot: "s6", location: "studio-b", days: ["2026-03-02"], firstSlot: 0, durationSlots: 1, start: "", end: "", crew: [], equipment: [], ...entry });
}

function itemInput(problem: ProblemInput, id: string): NonNullable<ProblemInput["equipment"]>[number] {
  const item = problem.equipment?.find((e) => e.id === id);
  if (item === undefined) throw new Error(`fixture has no item ${id}`);
  return item;
}

function locationInput(problem: ProblemInput, id: string): ProblemInput["locations"][number] {
  const location = problem.locations.find((l) => l.id === id);
  if (location === undefined) throw new Error(`fixture has no location ${id}`);
  return location;
}

interface RuleCase {
  /** What the edit does, for the test name. */
  readonly edit: string;
  /** Edits the fixture before its wall clocks and stated cost are restated. */
  readonly mutate: (f: Fixture) => void;
  /** Edits the restated plan: only for the rules about those derived figures. */
  readonly tamper?: (plan: Plan) => void;
  /** Fields the first violation must carry (what it points at). */
  readonly fields?: Partial<Violation>;
}

/**
 * One case per rule: each breaks exactly that rule of the valid fixture. Typed as a
 * full Record so a new code without a case fails to compile, and checked at run time
 * against `violationCodes` too. No code is exempt.
 */
const ruleCases: Record<ViolationCode, RuleCase> = {
  unknown_shoot: { fields: { shoot: "ghost" }, edit: "drops a shoot the problem lacks", mutate: (f) => f.plan.dropped.push("ghost") },
  unknown_reference: { fields: { shoot: "s1", person: "zed" }, edit: "adds an unknown person to s1", mutate: (f) => entryOf(f.plan, "s1").crew.push({ person: "zed", role: null }) },
  shoot_scheduled_twice: { fields: { shoot: "s1" }, edit: "schedules s1 a second time", mutate: (f) => f.plan.shoots.push(structuredClone(entryOf(f.plan, "s1"))) },
  shoot_dropped_twice: { fields: { shoot: "s5" }, edit: "lists s5 twice as dropped", mutate: (f) => f.plan.dropped.push("s5") },
  shoot_missing: { fields: { shoot: "s5" }, edit: "forgets optional s5", mutate: (f) => (f.plan.dropped = []) },
  mandatory_shoot_dropped: { fields: { shoot: "s1" },
    edit: "drops mandatory s1",
    mutate: (f) => {
      f.plan.shoots = f.plan.shoots.filter((s) => s.shoot !== "s1");
      f.plan.dropped.push("s1");
    },
  },
  dropped_and_scheduled: { fields: { shoot: "s1" }, edit: "also drops scheduled s1", mutate: (f) => f.plan.dropped.push("s1") },
  wrong_duration: { fields: { shoot: "s2" }, edit: "gives s2 one slot instead of two", mutate: (f) => (entryOf(f.plan, "s2").durationSlots = 1) },
  not_a_working_day: { fields: { shoot: "s3", date: "2026-03-04" }, edit: "runs s3 on the Wednesday holiday", mutate: (f) => (entryOf(f.plan, "s3").days = ["2026-03-03", "2026-03-04"]) },
  days_not_consecutive: { fields: { shoot: "s3" }, edit: "lists the days of s3 out of order", mutate: (f) => (entryOf(f.plan, "s3").days = ["2026-03-05", "2026-03-03"]) },
  slot_out_of_day: { fields: { shoot: "s2", slot: 2 }, edit: "starts two-slot s2 in the last slot", mutate: (f) => (entryOf(f.plan, "s2").firstSlot = 2) },
  before_not_before: { fields: { shoot: "s3", date: "2026-03-03" }, edit: "moves the earliest date of s3 to Thursday", mutate: (f) => (shootInput(f.problem, "s3").notBefore = "2026-03-05") },
  after_deadline: { fields: { shoot: "s3", date: "2026-03-05" }, edit: "moves the deadline of s3 to Tuesday", mutate: (f) => (shootInput(f.problem, "s3").deadline = "2026-03-03") },
  start_end_mismatch: { fields: { shoot: "s1" }, edit: "states s1 starts at 10:00", mutate: () => undefined, tamper: (plan) => (entryOf(plan, "s1").start = "2026-03-02T10:00:00+01:00") },
  location_not_allowed: { fields: { shoot: "s1", location: "loft" }, edit: "moves s1 to the loft", mutate: (f) => (entryOf(f.plan, "s1").location = "loft") },
  location_unavailable: { fields: { shoot: "s3", location: "loft", date: "2026-03-05", slot: 0 }, edit: "closes the loft on Thursday", mutate: (f) => (locationInput(f.problem, "loft").unavailable = [{ from: "2026-03-05" }]) },
  location_over_capacity: { fields: { location: "studio-a", date: "2026-03-02", slot: 2 }, edit: "puts s6 in Studio A during s2", mutate: (f) => addExtraShoot(f, {}, { location: "studio-a", firstSlot: 2 }) },
  role_count_wrong: { fields: { shoot: "s2" }, edit: "removes the stylist from s2", mutate: (f) => (entryOf(f.plan, "s2").crew = entryOf(f.plan, "s2").crew.filter((c) => c.person !== "ben")) },
  person_lacks_role: { fields: { shoot: "s2", person: "ben" }, edit: "makes Ben an assistant only", mutate: (f) => (personInput(f.problem, "ben").roles = ["assistant"]) },
  person_twice_in_shoot: { fields: { shoot: "s1", person: "ana" }, edit: "lists Ana twice on s1", mutate: (f) => entryOf(f.plan, "s1").crew.push({ person: "ana", role: "photographer" }) },
  required_person_missing: { fields: { shoot: "s4", person: "dana" }, edit: "removes Dana from s4", mutate: (f) => (entryOf(f.plan, "s4").crew = entryOf(f.plan, "s4").crew.filter((c) => c.person !== "dana")) },
  attendee_not_allowed: { fields: { shoot: "s3", person: "ben" }, edit: "brings Ben to s3 without a role", mutate: (f) => entryOf(f.plan, "s3").crew.push({ person: "ben", role: null }) },
  person_unavailable: { fields: { shoot: "s2", person: "ben", date: "2026-03-02", slot: 2 }, edit: "makes Ben unavailable Monday 15:00", mutate: (f) => (personInput(f.problem, "ben").unavailable = [{ from: "2026-03-02", slots: [2] }]) },
  person_double_booked: { fields: { person: "ben", date: "2026-03-02", slot: 1 },
    edit: "requires Ben on s6 during s2",
    mutate: (f) => addExtraShoot(f, { requiredPeople: ["ben"] }, { firstSlot: 1, crew: [{ person: "ben", role: null }] }),
  },
  max_days_exceeded: { fields: { person: "ana" }, edit: "limits Ana to 3 days", mutate: (f) => (personInput(f.problem, "ana").maxDays = 3) },
  max_consecutive_days_exceeded: { fields: { person: "ana", date: "2026-03-02" }, edit: "limits Ana to 1 consecutive day", mutate: (f) => (personInput(f.problem, "ana").maxConsecutiveDays = 1) },
  equipment_wrong: { fields: { shoot: "s1" }, edit: "gives s1 two cameras", mutate: (f) => (entryOf(f.plan, "s1").equipment = [{ item: "camera", units: 2 }]) },
  equipment_short: { fields: { item: "camera", date: "2026-03-02", slot: 1 }, edit: "sends the cameras to maintenance on Monday", mutate: (f) => (itemInput(f.problem, "camera").unavailable = [{ from: "2026-03-02" }]) },
  rental_over_cap: { fields: { item: "light", date: "2026-03-06" },
    edit: "allows no LED panel rental",
    mutate: (f) => (itemInput(f.problem, "light").rental = { dayRate: 15.5, maxUnits: 0 }),
  },
  rental_not_allowed: { fields: { item: "camera", date: "2026-03-03" }, edit: "rents a camera", mutate: (f) => f.plan.rentals.push({ item: "camera", date: "2026-03-03", units: 1 }) },
  precedence_violated: { fields: { shoot: "s4", date: "2026-03-06" }, edit: "asks 3 working days between s2 and s4", mutate: (f) => (shootInput(f.problem, "s4").after = [{ shoot: "s2", gapDays: 3 }]) },
  budget_total_exceeded: { edit: "lowers the total budget by a cent", mutate: (f) => (f.problem.budget = { total: 3345.49 }) },
  budget_project_exceeded: { fields: { project: "acme" }, edit: "lowers the acme budget by a cent", mutate: (f) => (f.problem.budget = { projects: { acme: 2032.15, globex: 1313.34 } }) },
  cost_mismatch: {
    edit: "states s1 cost a cent more",
    mutate: () => undefined,
    tamper: (plan) => {
      if (plan.cost !== undefined) plan.cost.byShoot["s1"] = 100.01;
    },
  },
};

describe("checkPlan on the valid fixture", () => {
  it("finds no violation and recomputes the hand-computed cost exactly", () => {
    const result = checkPlan(problemSchema.parse(baseProblemInput()), basePlan());
    expect(result.violations).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.cost).toEqual(expectedCost);
  });

  it("splits the shared Monday between the projects with the spare cent by largest remainder", () => {
    const cost = checkPlan(problemSchema.parse(baseProblemInput()), basePlan()).cost;
    // Ana's 100.00 Monday: s1 33.33, s2 66.67; Studio A's 200.00 Monday: s1 66.67, s2 133.33.
    expect(cost?.byShoot["s1"]).toBe(100);
    expect(cost?.byProject).toEqual({ acme: 2032.16, globex: 1313.34 });
    // Dana's two idle hold days (Tue, Thu; Wednesday is a holiday) at 250.00.
    expect(cost?.byCategory.crewHoldDays).toBe(500);
  });

  it("accepts a stated cost that omits zero entries", () => {
    const plan = basePlan();
    if (plan.cost === undefined) throw new Error("fixture plan states its cost");
    delete plan.cost.byPerson["cleo"];
    delete plan.cost.byItem["camera"];
    expect(checkPlan(problemSchema.parse(baseProblemInput()), plan).valid).toBe(true);
  });

  it("accepts costs exactly at the budget caps", () => {
    const problem = baseProblemInput();
    problem.budget = { total: 3345.5, projects: { acme: 2032.16, globex: 1313.34 } };
    expect(checkPlan(problemSchema.parse(problem), basePlan()).violations).toEqual([]);
  });

  it("accepts a plan that states no cost", () => {
    const { cost: _cost, ...plan } = basePlan();
    expect(checkPlan(problemSchema.parse(baseProblemInput()), plan).valid).toBe(true);
  });

  it("restating the untouched fixture changes nothing (the cases start from a valid plan)", () => {
    const { problem, plan } = restate(baseFixture());
    expect(plan).toEqual(basePlan());
    expect(checkPlan(problem, plan).valid).toBe(true);
  });
});

describe("checkPlan on many shoots at once", () => {
  /** The fixture with `n` more one-slot Acme shoots, all at studio-b on Monday's first slot with ana. */
  function crowded(n: number): Violation[] {
    const f = baseFixture();
    for (let i = 0; i < n; i += 1) {
      const id = `x${String(i).padStart(3, "0")}`;
      f.problem.shoots.push({ id, title: `Acme extra ${i}`, project: "acme", durationSlots: 1, roles: { photographer: 1 } });
      f.plan.shoots.push({ shoot: id, location: "studio-b", days: ["2026-03-02"], firstSlot: 0, durationSlots: 1, start: "", end: "", crew: [{ person: "ana", role: "photographer" }], equipment: [] });
    }
    const { problem, plan } = restate(f);
    return checkPlan(problem, plan).violations;
  }

  // From the HTTP audit: 300 shoots at once for 60 people were reported pair by pair,
  // 2.7 million violations, seconds of checking and a reply too large to serialise.
  it("reports a double booking once per shoot that collides with an earlier one, not once per pair", () => {
    const booked = (n: number) => crowded(n).filter((v) => v.code === "person_double_booked" && v.person === "ana");
    const one = booked(1);
    const many = booked(200);
    expect(one.length).toBeGreaterThan(0);
    expect(many.length - one.length).toBe(199);
    // Every extra shoot is named, each with the shoot it collides with.
    for (let i = 1; i < 200; i += 1) expect(many.some((v) => v.message.includes(`x${String(i).padStart(3, "0")}`))).toBe(true);
  });

  // From the review of that change: a shoot overlapping two earlier ones was reported
  // against the earliest only, and the other was never named.
  it("names every earlier shoot a later one collides with, each at its own first common slot", () => {
    const f = baseFixture();
    const s1 = entryOf(f.plan, "s1");
    const s2 = entryOf(f.plan, "s2");
    expect([s1.days, s1.firstSlot, s2.days, s2.firstSlot]).toEqual([["2026-03-02"], 0, ["2026-03-02"], 1]);
    f.problem.shoots.push({ id: "x", title: "Acme extra", project: "acme", durationSlots: 2, roles: { photographer: 1 } });
    f.plan.shoots.push({ shoot: "x", location: "studio-b", days: ["2026-03-02"], firstSlot: 0, durationSlots: 2, start: "", end: "", crew: [{ person: "ana", role: "photographer" }], equipment: [] });
    const { problem, plan } = restate(f);
    const booked = checkPlan(problem, plan).violations.filter((v) => v.code === "person_double_booked");
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({ shoot: "s1", person: "ana", date: "2026-03-02", slot: 0 });
    expect(booked[0]?.message).toBe('Ana Ruiz ("ana") is in shoot "x" (Acme extra) at the same time as shoot "s1" (Acme fitting) on 2026-03-02 at 09:00 (slot 0) and shoot "s2" (Globex lookbook) on 2026-03-02 at 12:00 (slot 1).');
  });
});

describe("checkPlan, one case per rule", () => {
  it("has a case for every violation code and a label for each", () => {
    expect(Object.keys(ruleCases).sort()).toEqual([...violationCodes].sort());
    expect(Object.keys(ruleLabels).sort()).toEqual([...violationCodes].sort());
    expect(new Set(violationCodes).size).toBe(violationCodes.length);
  });

  const table = violationCodes.map((code) => [code, ruleCases[code].edit, ruleCases[code]] as const);
  it("runs a non-empty table", () => expect(table.length).toBeGreaterThan(30));

  it.each(table)("%s: %s", (code, _edit, ruleCase) => {
    const fixture = baseFixture();
    ruleCase.mutate(fixture);
    const { problem, plan } = restate(fixture);
    ruleCase.tamper?.(plan);
    const result = checkPlan(problem, plan);
    expect(result.valid).toBe(false);
    expect([...new Set(result.violations.map((v) => v.code))]).toEqual([code]);
    expect(result.violations[0]).toMatchObject(ruleCase.fields ?? {});
    for (const violation of result.violations) expect(violation.message.length).toBeGreaterThan(20);
  });
});
