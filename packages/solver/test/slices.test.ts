import { describe, expect, it } from "vitest";
import { generateInstance } from "../../../benchmarks/src/generate-instance.js";
import { capacityBound, capacityBoundInSlices } from "../src/bounds/capacity-bound.js";
import { slotLagrangianBound, slotLagrangianBoundInSlices } from "../src/bounds/slot-lagrangian-bound.js";
import { parseProblem } from "../src/domain/parse-problem.js";
import { constructPlan, constructPlanInSlices, improvePlan, improvePlanInSlices } from "../src/heuristics/construct-plan.js";
import { buildPlanningModel } from "../src/model/build-planning-model.js";
import { drain, inSlices } from "../src/slices.js";

/** 30 steps of 10 ms of busy work each, then the number of steps. */
function* busy(): Generator<void, number> {
  for (let step = 0; step < 30; step += 1) {
    const until = performance.now() + 10;
    while (performance.now() < until) {
      // holds the thread, as a search step does
    }
    yield;
  }
  return 30;
}

describe("sliced computations", () => {
  it("inSlices lets a timer fire during a computation of 300 ms; drain does not", async () => {
    for (const [run, expected] of [
      [async () => drain(busy()), ["done", "timer"]],
      [() => inSlices(busy()), ["timer", "done"]],
    ] as const) {
      const order: string[] = [];
      const timer = new Promise<void>((resolve) => setTimeout(() => resolve(void order.push("timer")), 0));
      expect(await run()).toBe(30);
      order.push("done");
      await timer;
      expect(order).toEqual(expected);
    }
  });

  const model = buildPlanningModel(parseProblem(generateInstance({ tier: "M", seed: 2 })));

  it("the construction in slices takes the same steps: the same plan", async () => {
    const options = { seed: 3 };
    expect(await inSlices(constructPlanInSlices(model, options))).toEqual(constructPlan(model, options));
  }, 60_000);

  it("ruin and recreate in slices takes the same steps: the same plan", async () => {
    const start = constructPlan(model, { seed: 1 });
    const options = { seed: 5, ruinAndRecreateSteps: 400 };
    const straight = improvePlan(model, start.placements, options);
    const sliced = await improvePlanInSlices(model, start.placements, options);
    expect(sliced).toEqual(straight);
  }, 60_000);

  it("the Lagrangian bounds in slices give the same values", async () => {
    const capacity = capacityBound(model, { iterations: 40 });
    expect(await inSlices(capacityBoundInSlices(model, { iterations: 40 }))).toEqual(capacity);
    const slot = slotLagrangianBound(model, { iterations: 20, start: capacity.multipliers });
    expect(await inSlices(slotLagrangianBoundInSlices(model, { iterations: 20, start: capacity.multipliers }))).toEqual(slot);
    expect(slot.value).not.toBeNull();
  }, 60_000);
});
