import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkPlan } from "../../src/check/check-plan.js";
import { parseProblem } from "../../src/domain/parse-problem.js";
import { solve } from "../../src/solve/solve.js";
import { talentProblem } from "../../src/talent/talent-problem.js";

const folder = new URL("../../../../../shared/data/talent/", import.meta.url);
const instances = readdirSync(folder)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => JSON.parse(readFileSync(new URL(name, folder), "utf8")) as { name: string; optimum: number; nScenes: number });

describe("published talent scheduling instances, converted to shootplan problems", () => {
  it("finds the instances", () => {
    expect(instances.length).toBeGreaterThanOrEqual(6);
  });

  it.each(instances.map((i) => [i.name, i] as const))("%s reaches its published optimum through solve()", async (name, instance) => {
    const problem = parseProblem(talentProblem(instance, name));
    const answer = await solve(problem);
    expect(answer.status).toBe("optimal");
    expect(answer.method).toBe("sequencing");
    expect(answer.cost).toBe(instance.optimum);
    expect(answer.plan).not.toBeNull();
    if (answer.plan === null) return;
    const verdict = checkPlan(problem, answer.plan);
    expect(verdict.violations).toEqual([]);
    expect(verdict.cost?.total).toBe(instance.optimum);
  });

  // The MILP's hold-billing rows must agree with the exact method where the MILP is fast enough.
  it.each(instances.filter((i) => i.nScenes <= 5).map((i) => [i.name, i] as const))("%s: the MILP finds the same optimum", async (name, instance) => {
    const answer = await solve(talentProblem(instance, name), { strategy: "mip", timeLimitSeconds: 60 });
    expect(answer.status).toBe("optimal");
    expect(answer.method).toBe("mip");
    expect(answer.cost).toBe(instance.optimum);
  });
});
