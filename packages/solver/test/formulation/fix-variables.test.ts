import { describe, expect, it } from "vitest";
import { highsBackend } from "../../src/backends/highs-backend.js";
import { parseProblem } from "../../src/domain/parse-problem.js";
import { buildMilp } from "../../src/formulation/build-milp.js";
import { decodeMilp } from "../../src/formulation/decode-milp.js";
import { fixVariables } from "../../src/formulation/fix-variables.js";
import { toCplexLp } from "../../src/formulation/lp-format.js";
import { buildPlanningModel } from "../../src/model/build-planning-model.js";

/** Two half-day shoots, two photographers, two days: enough freedom to fix parts of it. */
const problem = parseProblem({
  currency: "EUR",
  horizon: { start: "2027-03-01", end: "2027-03-02", timeZone: "Europe/Berlin", slotsPerDay: 2 },
  shoots: [
    { id: "a", title: "A", project: "p", durationSlots: 1, roles: { photographer: 1 } },
    { id: "b", title: "B", project: "p", durationSlots: 1, roles: { photographer: 1 } },
  ],
  crew: [
    { id: "ana", name: "Ana", roles: ["photographer"], dayRate: 500 },
    { id: "ben", name: "Ben", roles: ["photographer"], dayRate: 700 },
  ],
  locations: [{ id: "studio", name: "Studio", dayFee: 100 }],
});

describe("formulation", () => {
  const model = buildPlanningModel(problem);
  const formulation = buildMilp(model);
  const names = formulation.milp.variables.map((v) => v.name);

  it("names variables and rows by rule and entity", () => {
    expect(names).toContain("start[shoot=a,slot=2027-03-01s0,location=studio]");
    expect(names).toContain("fill[shoot=b,person=ben,role=photographer]");
    expect(names).toContain("works[person=ana,date=2027-03-02]");
    expect(formulation.milp.rows.map((r) => r.name)).toContain("cover[shoot=a,role=photographer]");
    expect(new Set(names).size).toBe(names.length);
  });

  it("solves to one person-day and one location-day when unconstrained: both shoots on one day with Ana", async () => {
    const result = await highsBackend.solve(formulation.milp, { timeLimitSeconds: 10, relativeGap: 0 });
    expect(result.status).toBe("optimal");
    expect(result.objective).toBe(50_000 + 10_000);
  });

  it("fixing any subset of variables by name constrains the solve to it", async () => {
    // Ben must shoot A, so he is paid a day; he then takes B the same day too (700 + 100),
    // cheaper than adding Ana (700 + 500 + 100).
    const fixed = fixVariables(formulation.milp, new Map([["fill[shoot=a,person=ben,role=photographer]", 1]]));
    const result = await highsBackend.solve(fixed, { timeLimitSeconds: 10, relativeGap: 0 });
    expect(result.status).toBe("optimal");
    expect(result.objective).toBe(70_000 + 10_000);
    const placements = decodeMilp(model, formulation, result.values);
    expect(placements.find((p) => p.shoot === 0)?.crew).toEqual([{ person: 1, role: "photographer" }]);
  });

  it("refuses to fix a variable that does not exist, so a typo never frees one silently", () => {
    expect(() => fixVariables(formulation.milp, new Map([["fill[shoot=a,person=nobody,role=photographer]", 1]]))).toThrow(/no variable named/);
  });

  it("exports CPLEX LP text that another solver can read", () => {
    const text = toCplexLp(formulation.milp);
    expect(text).toMatch(/^Minimize/m);
    expect(text).toMatch(/^Subject To/m);
    expect(text).toMatch(/^Binary/m);
    expect(text).toContain("fill(shoot_a,person_ana,role_photographer)");
  });
});
