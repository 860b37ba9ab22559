import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildMilp } from "../../src/formulation/build-milp.js";
import { constructPlan } from "../../src/heuristics/construct-plan.js";
import { createRandom } from "../../src/heuristics/prng.js";
import { buildPlanningModel } from "../../src/model/build-planning-model.js";
import { residualModel } from "../../src/model/residual-model.js";
import { completeStart } from "../../src/search/complete-start.js";
import { focusNeighbourhood } from "../../src/search/focus-neighbourhood.js";
import { warmStart } from "../../src/search/large-neighbourhood-search.js";
import { chooseNeighbourhood, neighbourhoodKinds } from "../../src/search/neighbourhoods.js";
import { parsedOrNull, randomProblem } from "../support/random-problem.js";

describe("focused neighbourhoods", () => {
  it("keep the current plan as a solution of the sub-MILP, move shoots only nearby and staff only the pool", async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(randomProblem("small"), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 4 }), async (input, seed, size) => {
        const problem = parsedOrNull(input);
        fc.pre(problem !== null);
        const model = buildPlanningModel(problem!);
        const built = constructPlan(model, { seed });
        fc.pre(built.unplaced.length === 0 && built.placements.length > 0);
        const kind = neighbourhoodKinds[seed % neighbourhoodKinds.length] ?? "days";
        const free = chooseNeighbourhood(model, built.placements, kind, size, createRandom(seed));
        fc.pre(free.size > 0);
        const residual = residualModel(model, built.placements, free);
        const focused = focusNeighbourhood(residual, built.placements, { days: 1, holdersPerRole: 1 });
        const current = new Map(built.placements.map((p) => [p.shoot, p]));
        focused.shoots.forEach((shoot, i) => {
          const now = current.get(residual.original[i] ?? -1);
          if (now === undefined) return;
          expect(shoot.starts).toContain(now.start);
          for (const start of shoot.starts) expect(start === now.start || Math.abs(start.firstDay - now.start.firstDay) <= 1).toBe(true);
          for (const c of now.crew) expect(focused.people[c.person]?.available).toBe(residual.model.people[c.person]?.available);
        });
        const formulation = buildMilp(focused);
        const start = warmStart(focused, residual.original, formulation, built.placements);
        expect(await completeStart(formulation.milp, start, 5)).not.toBeNull();
        checked += 1;
      }),
      { seed: 4242, numRuns: 40 },
    );
    expect(checked).toBeGreaterThan(10);
  }, 120_000);
});
