import { describe, expect, it } from "vitest";
import { solve } from "../../src/solve/solve.js";
import { docsExample } from "../support/docs-example.js";

/** The docs/problem.md example (aurora pays 6 411.25 in its optimal plan, cap 8 000) with aurora's cap set to `cap`. */
function docsExampleWithCap(cap: number): unknown {
  const problem = docsExample();
  problem.budget.projects["aurora"] = cap;
  return problem;
}

describe("project caps under the default strategy", () => {
  // `auto` searches with the caps left to the checker. Here the construction finds no
  // plan within the cap and the relaxed MILP's optimum breaks it: the capped proof must
  // follow (it was a `timeout` after under a second of a 20 s limit).
  it("a cap no plan can meet is proven infeasible, not a timeout", async () => {
    const answer = await solve(docsExampleWithCap(5000), { timeLimitSeconds: 20 });
    expect(answer.status, answer.explanation ?? "").toBe("infeasible");
    expect(answer.plan).toBeNull();
  });

  it("the stated cap still gives the optimal plan within it", async () => {
    const answer = await solve(docsExampleWithCap(8000), { timeLimitSeconds: 20 });
    expect(answer.status).toBe("optimal");
    expect(answer.plan?.cost?.byProject["aurora"]).toBeLessThanOrEqual(8000);
  });
});
