import { describe, expect, it } from "vitest";
import { boundingMilp, linearRelaxation } from "../../src/bounds/bounding-milp.js";
import { solveRelaxation } from "../../src/bounds/highs-relaxation.js";
import { parseProblem } from "../../src/domain/parse-problem.js";
import type { ProblemInput } from "../../src/domain/problem-schema.js";
import { buildMilp } from "../../src/formulation/build-milp.js";
import type { MilpModel } from "../../src/formulation/milp-model.js";
import { buildPlanningModel } from "../../src/model/build-planning-model.js";
import { solve } from "../../src/solve/solve.js";

type ShootInput = ProblemInput["shoots"][number];

/** Monday to Wednesday, two slots a day, one free studio; shoots of one slot each. */
function week(shoots: ShootInput[], crew: ProblemInput["crew"]): ProblemInput {
  return {
    currency: "EUR",
    horizon: { start: "2027-03-01", end: "2027-03-03", timeZone: "Europe/Berlin", slotsPerDay: 2 },
    shoots,
    crew,
    locations: [{ id: "studio", name: "Studio", dayFee: 0, capacity: 3 }],
  };
}

const shoot = (id: string, rest: Partial<ShootInput> = {}): ShootInput => ({ id, title: id, project: "p", durationSlots: 1, ...rest });

function milpOf(input: ProblemInput): MilpModel {
  return buildMilp(buildPlanningModel(parseProblem(input))).milp;
}

function crewDayRows(milp: MilpModel): Record<string, number> {
  return Object.fromEntries(milp.rows.filter((r) => r.name.startsWith("crewDays[")).map((r) => [r.name, r.lower]));
}

async function lpValue(milp: MilpModel): Promise<number> {
  const result = await solveRelaxation(linearRelaxation(boundingMilp(milp)), { kind: "lp", timeLimitSeconds: 30 });
  expect(result.status).toBe("bound");
  return result.objective ?? Number.NaN;
}

/** A model (100 a day) required on three half-day shoots: every plan pays her two days. */
const model = week(
  ["a", "b", "c"].map((id) => shoot(id, { requiredPeople: ["fay"] })),
  [{ id: "fay", name: "Fay", roles: ["model"], dayRate: 100 }],
);

describe("crew whole-day rows", () => {
  it("round a person's required half days up to whole days", async () => {
    const milp = milpOf(model);
    expect(crewDayRows(milp)).toEqual({ "crewDays[person=fay]": 2 });
    // Without the row the relaxation packs the three half days into one and a half days.
    const without = { ...milp, rows: milp.rows.filter((r) => !r.name.startsWith("crewDays[")) };
    expect(await lpValue(without)).toBeCloseTo(15_000, 0);
    expect(await lpValue(milp)).toBeCloseTo(20_000, 0);
    const answer = await solve(parseProblem(model), { strategy: "mip", timeLimitSeconds: 30 });
    expect(answer.status).toBe("optimal");
    expect(answer.cost).toBe(200);
  });

  it("count the seats of a role for the group of its holders, and a sole holder on their own", () => {
    const input = week(
      [shoot("a", { roles: { photographer: 1, stylist: 1 } }), shoot("b", { roles: { photographer: 1 } }), shoot("c", { roles: { photographer: 1, stylist: 1 } })],
      [
        { id: "ana", name: "Ana", roles: ["photographer"], dayRate: 100 },
        { id: "ben", name: "Ben", roles: ["photographer"], dayRate: 120 },
        { id: "sia", name: "Sia", roles: ["stylist"], dayRate: 90 },
      ],
    );
    // Photographers: 3 half days between ana and ben; sia alone holds stylist: 2 half days (no rounding).
    expect(crewDayRows(milpOf(input))).toEqual({ "crewDays[role=photographer]": 2 });
  });

  it("leave out optional shoots and demands of whole days", () => {
    const input = week(
      [shoot("a", { requiredPeople: ["fay"] }), shoot("b", { requiredPeople: ["fay"] }), shoot("c", { requiredPeople: ["fay"], optional: { penalty: 50 } })],
      [{ id: "fay", name: "Fay", roles: ["model"], dayRate: 100 }],
    );
    expect(crewDayRows(milpOf(input))).toEqual({});
  });
});
