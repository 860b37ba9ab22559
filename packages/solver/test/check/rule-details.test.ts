import { describe, expect, it } from "vitest";
import { checkPlan, type ViolationCode } from "../../src/check/check-plan.js";
import { longestRun } from "../../src/check/rules/crew-calendar-rules.js";
import { computeCost } from "../../src/cost/compute-cost.js";
import { problemSchema } from "../../src/domain/problem-schema.js";
import { baseFixture, basePlan, baseProblemInput, entryOf, expectedCost, personInput, restate, shootInput, type Fixture } from "./fixture.js";

/** Checks the fixture after `edit` (wall clocks and stated cost restated). */
function checkEdited(edit: (f: Fixture) => void): ReturnType<typeof checkPlan> {
  const fixture = baseFixture();
  edit(fixture);
  const { problem, plan } = restate(fixture);
  return checkPlan(problem, plan);
}

const codes = (result: ReturnType<typeof checkPlan>): ViolationCode[] => [...new Set(result.violations.map((v) => v.code))];

describe("precedence", () => {
  it("gap 0 lets the second shoot start in the very next slot", () => {
    // s1 holds Monday slot 0, s2 starts in slot 1.
    expect(checkEdited((f) => (shootInput(f.problem, "s2").after = [{ shoot: "s1" }])).violations).toEqual([]);
  });

  it("gap 0 is broken when the second shoot starts before the first ends", () => {
    const result = checkEdited((f) => (shootInput(f.problem, "s1").after = [{ shoot: "s2" }]));
    expect(codes(result)).toEqual(["precedence_violated"]);
    expect(result.violations[0]?.message).toContain("2026-03-02 at 18:00 (end of slot 2)");
  });

  it("counts working days only: Wednesday's holiday is not a gap day", () => {
    // s2 ends Monday, s4 starts Friday: Tue and Thu lie between, so gap 2 holds and gap 3 does not.
    expect(checkEdited(() => undefined).valid).toBe(true);
    expect(codes(checkEdited((f) => (shootInput(f.problem, "s4").after = [{ shoot: "s2", gapDays: 3 }])))).toEqual(["precedence_violated"]);
  });

  it("imposes nothing when the first shoot is dropped", () => {
    expect(checkEdited((f) => (shootInput(f.problem, "s3").after = [{ shoot: "s5", gapDays: 4 }])).violations).toEqual([]);
  });
});

describe("calendar shape", () => {
  it("a multi-day shoot must start in slot 0", () => {
    expect(codes(checkEdited((f) => (entryOf(f.plan, "s3").firstSlot = 1)))).toEqual(["slot_out_of_day"]);
  });

  it("a single day cannot hold a shoot longer than a day", () => {
    expect(codes(checkEdited((f) => (entryOf(f.plan, "s3").days = ["2026-03-03"])))).toEqual(["slot_out_of_day"]);
  });

  it("reports a slot far past the day's end, without a wall clock to compare (no date exists there)", () => {
    for (const slot of [1e9, Number.MAX_SAFE_INTEGER]) {
      const plan = basePlan();
      entryOf(plan, "s1").firstSlot = slot;
      expect(codes(checkPlan(problemSchema.parse(baseProblemInput()), plan))).toContain("slot_out_of_day");
    }
    const plan = basePlan();
    entryOf(plan, "s1").durationSlots = 1e12;
    expect(codes(checkPlan(problemSchema.parse(baseProblemInput()), plan))).toEqual(expect.arrayContaining(["wrong_duration", "slot_out_of_day"]));
  });

  it("accepts the same instant and wall clock written without seconds", () => {
    const plan = basePlan();
    entryOf(plan, "s1").start = "2026-03-02T09:00+01:00";
    expect(checkPlan(problemSchema.parse(baseProblemInput()), plan).violations).toEqual([]);
  });
});

describe("people and places", () => {
  it("`available` periods restrict a person: Cleo only from Tuesday", () => {
    const result = checkEdited((f) => (entryOf(f.plan, "s2").crew[0] = { person: "cleo", role: "photographer" }));
    expect(codes(result)).toEqual(["person_unavailable"]);
    expect(result.violations[0]).toMatchObject({ person: "cleo", shoot: "s2", date: "2026-03-02", slot: 1 });
  });

  it("a location must have every required feature", () => {
    const result = checkEdited((f) => (shootInput(f.problem, "s3").requiredFeatures = ["daylight", "cyclorama"]));
    expect(codes(result)).toEqual(["location_not_allowed"]);
    expect(result.violations[0]?.message).toContain("cyclorama");
  });

  it("a required person who holds a needed role must fill it", () => {
    const result = checkEdited((f) => {
      shootInput(f.problem, "s1").requiredPeople = ["ana"];
      entryOf(f.plan, "s1").crew = [{ person: "ana", role: null }];
    });
    expect(codes(result)).toEqual(["role_count_wrong", "attendee_not_allowed"]);
    expect(result.violations.find((v) => v.code === "attendee_not_allowed")?.message).toContain("must fill it");
  });

  it("a run of consecutive days counts calendar days, and a weekend off ends it", () => {
    expect(longestRun(["2026-03-05", "2026-03-06", "2026-03-09"])).toEqual({ from: "2026-03-05", to: "2026-03-06", length: 2 });
    expect(longestRun(["2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09"]).length).toBe(4);
  });

  it("the max-days limit counts distinct dates, however many shoots a day", () => {
    // Ana works s1 and s2 on Monday: 4 distinct days in all.
    expect(checkEdited((f) => (personInput(f.problem, "ana").maxDays = 4)).valid).toBe(true);
  });
});

describe("equipment", () => {
  it("without its rental, Friday's second LED panel is short by one", () => {
    const result = checkEdited((f) => (f.plan.rentals = []));
    expect(codes(result)).toEqual(["equipment_short"]);
    expect(result.violations[0]).toMatchObject({ item: "light", shoot: "s4", date: "2026-03-06", slot: 0 });
    expect(result.violations[0]?.message).toContain("1 short");
  });
});

describe("cost in the verdict", () => {
  it("is null when the plan names something the problem lacks", () => {
    const result = checkEdited((f) => (entryOf(f.plan, "s1").location = "nowhere"));
    expect(codes(result)).toEqual(["unknown_reference"]);
    expect(result.cost).toBeNull();
  });

  it("a dropped shoot pays its penalty but no preference penalty", () => {
    const input = baseProblemInput();
    Object.assign(shootInput(input, "s5"), { preferredPeople: ["cleo"], preferencePenalty: 99 });
    expect(computeCost(problemSchema.parse(input), basePlan())).toEqual(expectedCost);
  });

  it("reports a wrong stated total with both amounts", () => {
    const plan = basePlan();
    if (plan.cost !== undefined) plan.cost.total = 3345.51;
    const result = checkPlan(problemSchema.parse(baseProblemInput()), plan);
    expect(result.violations).toEqual([{ code: "cost_mismatch", message: "The plan states the total cost as 3345.51 EUR, but it is 3345.50 EUR." }]);
  });
});
