import { describe, expect, it } from "vitest";
import { solve } from "../../src/solve/solve.js";
import { docsExample } from "../support/docs-example.js";

// The answer says which backend produced it, and `backend` is honoured where it applies
// (the monolithic MILP); the neighbourhood search's sub-problems are HiGHS'.
describe("the answer's backend and model size", () => {
  it.each(["highs", "jslp"] as const)("auto on a small problem proves it with the monolithic MILP on %s", async (backend) => {
    const answer = await solve(docsExample(), { backend, timeLimitSeconds: 20 });
    expect(answer.status).toBe("optimal");
    expect(answer.cost).toBe(6711.25);
    expect(answer.method).toBe("mip");
    expect(answer.backend).toBe(backend);
    expect(answer.model?.variables).toBeGreaterThan(0);
  });

  it("lns reports HiGHS, and no monolithic model", async () => {
    const answer = await solve(docsExample(), { strategy: "lns", iterationLimit: 2, timeLimitSeconds: 20 });
    expect(answer.status === "optimal" || answer.status === "feasible").toBe(true);
    expect(answer.method).toBe("lns");
    expect(answer.backend).toBe("highs");
    expect(answer.model).toBeNull();
  });
});
