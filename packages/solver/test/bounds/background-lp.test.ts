import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lpOutcome, solveRelaxation } from "../../src/bounds/highs-relaxation.js";
import { solveRelaxationInWorker } from "../../src/bounds/highs-worker.js";
import { lpRelaxationBoundDetails, lpRelaxationBoundInBackground } from "../../src/bounds/lp-bound.js";
import type { MilpModel } from "../../src/formulation/milp-model.js";
import type { Problem } from "../../src/domain/problem-schema.js";
import { buildPlanningModel } from "../../src/model/build-planning-model.js";
import { solve } from "../../src/solve/solve.js";
import { parsedOrNull } from "../support/random-problem.js";

const example = JSON.parse(readFileSync(new URL("../../../../examples/brand-campaign-week.json", import.meta.url), "utf8")) as unknown;
const model = buildPlanningModel(parsedOrNull(example) as Problem);

describe("LP relaxation bound in a worker thread", () => {
  it("gives the same bound as the LP solved on this thread", async () => {
    const here = await lpRelaxationBoundDetails(model, { timeLimitSeconds: 60, maxVariables: 100_000 });
    expect(here.status).toBe("bound");
    const background = lpRelaxationBoundInBackground(model, { timeLimitSeconds: 60 });
    expect(await background.value).toBe(here.value);
  }, 90_000);

  it("reports an infeasible relaxation as such, the same way as on this thread", async () => {
    // 0 <= x <= 1 with the row x >= 2: no solution.
    const milp: MilpModel = {
      sense: "minimize",
      variables: [{ name: "x", lower: 0, upper: 1, integer: false }],
      rows: [{ name: "atLeastTwo", terms: [{ variable: 0, coefficient: 1 }], lower: 2, upper: Infinity }],
      objective: { terms: [{ variable: 0, coefficient: 1 }], constant: 0 },
    };
    expect((await solveRelaxationInWorker(milp, { timeLimitSeconds: 30 }).result).status).toBe("infeasible");
    expect((await solveRelaxation(milp, { kind: "lp", timeLimitSeconds: 30 })).status).toBe("infeasible");
  }, 60_000);

  it("reads HiGHS' statuses one way: optimal and unknown (interior point at its loose tolerance) converged", () => {
    const codes = { optimal: 7, unknown: 15, infeasible: 8, timeLimit: 13 };
    expect([7, 15, 8, 13, 10].map((status) => lpOutcome(status, codes))).toEqual(["converged", "converged", "infeasible", "time_limit", "error"]);
  });

  it("on this thread: skipped before building past its size limit, and when already aborted", async () => {
    const large = await lpRelaxationBoundDetails(model, { timeLimitSeconds: 60, maxVariables: 10 });
    expect(large).toMatchObject({ value: null, status: "too_large", message: expect.stringContaining("more than 10") });
    const controller = new AbortController();
    controller.abort();
    expect((await lpRelaxationBoundDetails(model, { timeLimitSeconds: 60, signal: controller.signal })).status).toBe("interrupted");
  });

  it("settles as null when stopped, aborted, or past its size limit", async () => {
    const stopped = lpRelaxationBoundInBackground(model, { timeLimitSeconds: 60 });
    stopped.stop();
    expect(await stopped.value).toBeNull();
    const controller = new AbortController();
    const aborted = lpRelaxationBoundInBackground(model, { timeLimitSeconds: 60, signal: controller.signal });
    controller.abort();
    expect(await aborted.value).toBeNull();
    expect(await lpRelaxationBoundInBackground(model, { timeLimitSeconds: 60, maxVariables: 10 }).value).toBeNull();
  }, 30_000);

  it("feeds the neighbourhood search's answer: strategy lns reports at least the LP bound", async () => {
    const lp = (await lpRelaxationBoundDetails(model, { timeLimitSeconds: 60, maxVariables: 100_000 })).value ?? Infinity;
    const bounds: number[] = [];
    const answer = await solve(example, { strategy: "lns", timeLimitSeconds: 10, onProgress: (p) => (p.kind === "bound" ? bounds.push(p.lowerBound) : undefined) });
    expect(answer.plan).not.toBeNull();
    expect(bounds).toContain(lp / 100);
    // In cents: 20800.44 * 100 is 2080043.9999999998 in floating point.
    expect(Math.round((answer.lowerBound ?? 0) * 100)).toBeGreaterThanOrEqual(lp);
    expect(answer.lowerBound ?? Infinity).toBeLessThanOrEqual(answer.cost ?? 0);
  }, 60_000);
});
