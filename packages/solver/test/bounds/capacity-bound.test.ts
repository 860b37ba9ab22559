import { describe, expect, it } from "vitest";
import { capacityBound } from "../../src/bounds/capacity-bound.js";
import { combinatorialBound } from "../../src/bounds/combinatorial-bound.js";
import { parseProblem } from "../../src/domain/parse-problem.js";
import { buildPlanningModel } from "../../src/model/build-planning-model.js";
import { residualModel } from "../../src/model/residual-model.js";
import { solve } from "../../src/solve/solve.js";

/** Two whole-day shoots in one studio; the cheap photographer can only work on Monday. */
const scarcePhotographer = {
  name: "scarce photographer",
  currency: "EUR",
  horizon: { start: "2027-03-01", end: "2027-03-05", timeZone: "Europe/Berlin" },
  shoots: ["a", "b"].map((id) => ({ id, title: id, project: "p", durationSlots: 1, deadline: "2027-03-05", locations: ["studio"], roles: { photographer: 1 } })),
  crew: [
    { id: "cheap", name: "Cheap", roles: ["photographer"], dayRate: 100, unavailable: [{ from: "2027-03-02", to: "2027-03-05" }] },
    { id: "dear", name: "Dear", roles: ["photographer"], dayRate: 500 },
  ],
  equipment: [],
  locations: [{ id: "studio", name: "Studio", dayFee: 50 }],
};

describe("capacity bound", () => {
  const model = buildPlanningModel(parseProblem(scarcePhotographer));

  it("charges the scarcity of a cheap person the combinatorial bound ignores, and stays <= the optimum", async () => {
    const answer = await solve(scarcePhotographer, { strategy: "mip", timeLimitSeconds: 20 });
    expect(answer.status).toBe("optimal");
    // Optimum: cheap on one day, dear on the other, two studio days: 100 + 500 + 2 x 50.
    expect(answer.cost).toBe(700);
    expect(combinatorialBound(model)).toBe(30_000);
    const bound = capacityBound(model, { upperBound: 70_000 });
    expect(bound.iterations).toBeGreaterThan(0);
    expect(bound.value).toBeLessThanOrEqual(70_000);
    // The multipliers converge to the price gap (400 EUR): the bound reaches the optimum to within a cent.
    expect(bound.value).toBeGreaterThanOrEqual(69_999);
  });

  it("is valid without a target and whatever the number of iterations", () => {
    for (const iterations of [1, 2, 5, 50, 300]) {
      const bound = capacityBound(model, { iterations });
      expect(bound.value).not.toBeNull();
      expect(bound.value ?? Infinity).toBeLessThanOrEqual(70_000);
      expect(bound.value ?? 0).toBeGreaterThanOrEqual(30_000);
    }
  });

  it("declines residual models (days already paid elsewhere)", () => {
    const placements = [{ shoot: 0, start: model.shoots[0]?.starts[0], location: 0, crew: [{ person: 0, role: "photographer" }] }];
    const residual = residualModel(model, placements as never, new Set([1]));
    expect(capacityBound(residual.model).value).toBeNull();
  });
});
