import { describe, expect, it } from "vitest";
import { combinatorialBoundDetails } from "../../src/bounds/combinatorial-bound.js";
import { parseProblem } from "../../src/domain/parse-problem.js";
import { buildPlanningModel } from "../../src/model/build-planning-model.js";
import { solve } from "../../src/solve/solve.js";

/** A week (Mon 2027-03-01 .. Fri 03-05), one studio, one photographer; shoots and extras per case. */
function problem(extra: { shoots: unknown[]; crew?: unknown[]; equipment?: unknown[]; slotsPerDay?: number; budget?: unknown }) {
  return {
    currency: "EUR",
    horizon: { start: "2027-03-01", end: "2027-03-05", timeZone: "Europe/Berlin", slotsPerDay: extra.slotsPerDay ?? 1 },
    shoots: extra.shoots,
    crew: [{ id: "ph", name: "Photographer", roles: ["photographer"], dayRate: 50 }, ...(extra.crew ?? [])],
    locations: [{ id: "studio", name: "Studio", dayFee: 10 }],
    equipment: extra.equipment ?? [],
    ...(extra.budget === undefined ? {} : { budget: extra.budget }),
  };
}

async function boundAndOptimum(input: unknown) {
  const details = combinatorialBoundDetails(buildPlanningModel(parseProblem(input)));
  const answer = await solve(input, { timeLimitSeconds: 20 });
  return { details, answer, optimum: answer.cost === null ? null : Math.round(answer.cost * 100) };
}

describe("combinatorial bound on hand-made cases", () => {
  it("charges a hold-billed actor the span between two fixed shoots (tight here)", async () => {
    const input = problem({
      crew: [{ id: "actor", name: "Actor", roles: [], dayRate: 100, billing: "hold" }],
      shoots: [
        { id: "a", title: "A", project: "p", durationSlots: 1, deadline: "2027-03-01", roles: { photographer: 1 }, requiredPeople: ["actor"] },
        { id: "b", title: "B", project: "p", durationSlots: 1, notBefore: "2027-03-05", roles: { photographer: 1 }, requiredPeople: ["actor"] },
      ],
    });
    const { details, answer, optimum } = await boundAndOptimum(input);
    expect(answer.status).toBe("optimal");
    expect(optimum).toBe(62_000); // actor 5 hold days, photographer 2 days, studio 2 days
    expect(details.holdSpans).toBe(true);
    expect(details.value).toBe(62_000);
  });

  it("charges a required model whole days: three half-day shoots in two windows cannot fit in one and a half days", async () => {
    const input = problem({
      slotsPerDay: 2,
      crew: [{ id: "model", name: "Model", roles: [], dayRate: 1000 }],
      shoots: [
        { id: "a", title: "A", project: "p", durationSlots: 1, deadline: "2027-03-01", roles: { photographer: 1 }, requiredPeople: ["model"] },
        { id: "b", title: "B", project: "p", durationSlots: 1, notBefore: "2027-03-04", roles: { photographer: 1 }, requiredPeople: ["model"] },
        { id: "c", title: "C", project: "p", durationSlots: 1, notBefore: "2027-03-04", roles: { photographer: 1 }, requiredPeople: ["model"] },
      ],
    });
    const { details, answer, optimum } = await boundAndOptimum(input);
    expect(answer.status).toBe("optimal");
    // Model 2 days (a alone on Monday; b and c share a day), photographer 2 days, studio 2 days.
    expect(optimum).toBe(212_000);
    expect(details.holdSpans).toBe(true);
    // Per-shoot charges would give the model 1.5 days (159 000 in all); whole days give
    // 2 model days, the photographer and the studio still 1.5 days each.
    expect(details.value).toBe(209_000);
  });

  it("charges forced rentals, multi-day shoots by whole days, and the cheaper of dropping or shooting", async () => {
    const input = problem({
      equipment: [{ id: "crane", name: "Crane", owned: 0, rental: { dayRate: 7, maxUnits: 2 } }],
      shoots: [
        { id: "long", title: "Long", project: "p", durationSlots: 2, roles: { photographer: 1 }, equipment: { crane: 1 } },
        { id: "maybe", title: "Maybe", project: "p", durationSlots: 1, roles: { photographer: 1 }, optional: { penalty: 20 } },
      ],
    });
    const { details, optimum } = await boundAndOptimum(input);
    // long: 2 days x (50 + 10 + 7) = 134; maybe: min(20, 60) = 20.
    expect(details.value).toBe(15_400);
    expect(optimum).toBe(15_400);
  });

  it("splits a shared day between two half-day shoots and never exceeds the optimum", async () => {
    const input = problem({
      slotsPerDay: 2,
      shoots: [
        { id: "am", title: "AM", project: "p", durationSlots: 1, roles: { photographer: 1 } },
        { id: "pm", title: "PM", project: "p", durationSlots: 1, roles: { photographer: 1 } },
      ],
    });
    const { details, optimum } = await boundAndOptimum(input);
    expect(details.value).toBe(6_000); // one photographer-day and one studio-day, shared
    expect(optimum).toBe(6_000);
  });

  it("proves infeasibility when a role has too few distinct holders, or the bound exceeds the total budget", async () => {
    const twoPhotographers = problem({ shoots: [{ id: "a", title: "A", project: "p", durationSlots: 1, roles: { photographer: 2 } }] });
    const short = await boundAndOptimum(twoPhotographers);
    expect(short.details.provesInfeasible).toBe(true);
    expect(short.answer.status).toBe("infeasible");
    const overBudget = problem({ shoots: [{ id: "a", title: "A", project: "p", durationSlots: 1, roles: { photographer: 1 } }], budget: { total: 59 } });
    const over = await boundAndOptimum(overBudget);
    expect(over.details.value).toBe(6_000);
    expect(over.details.provesInfeasible).toBe(true);
    expect(over.answer.status).toBe("infeasible");
  });

  it("seats a preferred person when the penalty makes them cheapest, and pays the penalty otherwise", async () => {
    const input = problem({
      crew: [{ id: "star", name: "Star", roles: ["photographer"], dayRate: 80 }],
      shoots: [
        { id: "a", title: "A", project: "p", durationSlots: 1, roles: { photographer: 1 }, preferredPeople: ["star"], preferencePenalty: 40 },
        { id: "b", title: "B", project: "p", durationSlots: 1, roles: { photographer: 1 }, preferredPeople: ["star"], preferencePenalty: 20 },
      ],
    });
    const { details, optimum } = await boundAndOptimum(input);
    // a: star (80) beats ph (50) + 40; b: ph (50) + 20 beats star (80); studio 10 each.
    expect(details.value).toBe(17_000);
    expect(optimum).toBe(17_000);
  });
});
