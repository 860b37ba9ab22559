import { describe, expect, it } from "vitest";
import { capacityBound } from "../../src/bounds/capacity-bound.js";
import { combinatorialBound } from "../../src/bounds/combinatorial-bound.js";
import { slotLagrangianBound } from "../../src/bounds/slot-lagrangian-bound.js";
import { parseProblem } from "../../src/domain/parse-problem.js";
import { buildPlanningModel } from "../../src/model/build-planning-model.js";
import { residualModel } from "../../src/model/residual-model.js";
import { solve } from "../../src/solve/solve.js";

/**
 * Two half-day shoots whose windows do not meet (Monday, Wednesday), one photographer:
 * each shoot costs the photographer a whole day, though a half-day pricing sees half.
 */
const loneHalfDays = {
  name: "lone half days",
  currency: "EUR",
  horizon: { start: "2027-03-01", end: "2027-03-05", timeZone: "Europe/Berlin", slotsPerDay: 2 },
  shoots: [
    { id: "a", title: "a", project: "p", durationSlots: 1, deadline: "2027-03-01", locations: ["studio"], roles: { photographer: 1 } },
    { id: "b", title: "b", project: "p", durationSlots: 1, notBefore: "2027-03-03", deadline: "2027-03-03", locations: ["studio"], roles: { photographer: 1 } },
  ],
  crew: [{ id: "ana", name: "Ana", roles: ["photographer"], dayRate: 800 }],
  equipment: [],
  locations: [{ id: "studio", name: "Studio", dayFee: 100 }],
};

describe("slot bound", () => {
  const model = buildPlanningModel(parseProblem(loneHalfDays));

  it("charges a lone half day its whole day where the per-shoot bounds charge half, and stays <= the optimum", async () => {
    const answer = await solve(loneHalfDays, { strategy: "mip", timeLimitSeconds: 20 });
    expect(answer.status).toBe("optimal");
    // Two photographer days and two studio days.
    expect(answer.cost).toBe(1800);
    expect(combinatorialBound(model)).toBe(90_000);
    const capacity = capacityBound(model, { upperBound: 180_000 });
    expect(capacity.value).toBe(90_000);
    const slot = slotLagrangianBound(model, { upperBound: 180_000, start: capacity.multipliers });
    expect(slot.iterations).toBeGreaterThan(0);
    expect(slot.value ?? Infinity).toBeLessThanOrEqual(180_000);
    expect(slot.value ?? 0).toBeGreaterThanOrEqual(170_000);
  });

  it("is valid from either start, without a target and whatever the number of iterations", () => {
    const start = capacityBound(model).multipliers;
    for (const iterations of [1, 2, 5, 50, 300]) {
      for (const from of [null, start]) {
        const bound = slotLagrangianBound(model, { iterations, start: from });
        expect(bound.value).not.toBeNull();
        expect(bound.value ?? Infinity).toBeLessThanOrEqual(180_000);
        expect(bound.value ?? 0).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it("stays below the optimum when a huge target drives the multipliers far (round-off is given away)", () => {
    // Found by fuzzing: with a target of 1e14 minor units the multipliers reach ~1e13,
    // the sums that cancel keep ~0.02 of round-off, and rounding up gave the optimum + 1.
    const tight = buildPlanningModel(
      parseProblem({
        currency: "EUR",
        horizon: { start: "2027-03-01", end: "2027-03-02", timeZone: "Europe/Berlin", slotsPerDay: 3 },
        shoots: [
          { id: "s0", title: "s0", project: "p", durationSlots: 3, deadline: "2027-03-02", roles: {}, optional: { penalty: 1500 } },
          { id: "s1", title: "s1", project: "p", durationSlots: 6, roles: { photographer: 1 }, preferredPeople: ["p0"], preferencePenalty: 5000 },
        ],
        crew: [{ id: "p0", name: "P0", roles: ["photographer"], dayRate: 310 }],
        equipment: [],
        locations: [{ id: "l0", name: "L0", features: ["studio"], dayFee: 220 }],
      }),
    );
    const optimum = 256_000; // by brute force: both days of p0 and l0, s0 dropped
    for (const upperBound of [1e12, 1e14, 1e15, 1e16]) {
      expect(slotLagrangianBound(tight, { iterations: 300, upperBound }).value ?? Infinity).toBeLessThanOrEqual(optimum);
      expect(capacityBound(tight, { iterations: 300, upperBound }).value ?? Infinity).toBeLessThanOrEqual(optimum);
    }
    expect(slotLagrangianBound(tight, { iterations: 300, upperBound: 1e12 }).value).toBe(optimum);
  });

  it("declines residual models and models past its size limit", () => {
    const placements = [{ shoot: 0, start: model.shoots[0]?.starts[0], location: 0, crew: [{ person: 0, role: "photographer" }] }];
    const residual = residualModel(model, placements as never, new Set([1]));
    expect(slotLagrangianBound(residual.model).value).toBeNull();
    expect(slotLagrangianBound(model, { maxSeatStarts: 1 }).value).toBeNull();
  });
});
