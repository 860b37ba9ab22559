import { describe, expect, it } from "vitest";
import { generateInstance } from "../../../../benchmarks/src/generate-instance.js";
import { estimateMilpVariables } from "../../src/bounds/bounding-milp.js";
import { parseProblem } from "../../src/domain/parse-problem.js";
import { buildMilp } from "../../src/formulation/build-milp.js";
import { buildPlanningModel } from "../../src/model/build-planning-model.js";
import { docsExample } from "../support/docs-example.js";

/** `solve` decides from the estimate whether to build the monolithic MILP at all, so it must never under-count. */
describe("estimateMilpVariables", () => {
  const cases: [string, () => unknown][] = [
    ["the docs example", () => docsExample()],
    ...[1, 2, 3].map((seed): [string, () => unknown] => [`tier S seed ${seed}`, () => generateInstance({ tier: "S", seed })]),
    [
      // From the new-user audit: one person holding 3 000 needed roles is 3 000 seat
      // variables; counting people only, the estimate said the MILP was small and
      // `solve` spent most of a 0.5 s limit building it.
      "one person holding 3 000 needed roles",
      () => {
        const problem = docsExample() as unknown as { shoots: Record<string, unknown>[]; crew: Record<string, unknown>[] };
        const roles = Array.from({ length: 3000 }, (_, i) => `r${i}`);
        problem.shoots[0]!["roles"] = Object.fromEntries(roles.map((r) => [r, 1]));
        problem.crew[0]!["roles"] = roles;
        return problem;
      },
    ],
  ];

  it.each(cases)("is at least the built MILP's variable count: %s", (_name, problem) => {
    const model = buildPlanningModel(parseProblem(problem()));
    const built = buildMilp(model).milp.variables.length;
    expect(built).toBeGreaterThan(0);
    expect(estimateMilpVariables(model)).toBeGreaterThanOrEqual(built);
  });
});
