import type { Plan } from "@shootplan/solver";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ShootplanApp } from "../src/app.js";
import { jobAcceptedSchema, repairResponseSchema, solveResponseSchema } from "../src/schemas/response-schemas.js";
import { expectProblem, expectValidPlan } from "./helpers/problem-assertions.js";
import { slowProblem, testApp, tinyProblem } from "./helpers/test-app.js";

/** The brand-campaign example (`slowProblem` when solved to optimality; quick with a gap). */
const example = slowProblem;
const emptyPlan = { shoots: [], dropped: [], rentals: [] };

/** The problem with `person` unavailable for the whole horizon: every shoot of theirs must lose them. */
function withAbsence(problem: Record<string, unknown>, person: string): Record<string, unknown> {
  const changed = structuredClone(problem) as { horizon: { start: string; end: string }; crew: { id: string; unavailable?: unknown[] }[] };
  const who = changed.crew.find((c) => c.id === person);
  if (who === undefined) throw new Error(`no crew member ${person}`);
  who.unavailable = [...(who.unavailable ?? []), { from: changed.horizon.start, to: changed.horizon.end }];
  return changed;
}

describe("POST /v1/repair", () => {
  let app: ShootplanApp;
  let earlierPlan: Plan;
  beforeAll(async () => {
    app = testApp({ syncTimeLimitSeconds: 30 });
    // A 10 % gap makes the example quick; the repair does not need the optimum, only a plan.
    const solved = await app.inject({ method: "POST", url: "/v1/solve", payload: { problem: example, options: { relativeGap: 0.1, seed: 1 } } });
    expect(solved.statusCode).toBe(200);
    const plan = solveResponseSchema.parse(solved.json()).result.plan;
    if (plan === null) throw new Error("the example has no plan");
    earlierPlan = plan;
  });
  afterAll(() => app.close());

  test("after a crew member becomes unavailable, replaces them, keeps the pinned shoot, and lists the changes", async () => {
    const first = earlierPlan.shoots[0];
    const person = first?.crew.find((c) => c.role === "assistant")?.person;
    const pinned = earlierPlan.shoots.find((s) => !s.crew.some((c) => c.person === person));
    if (person === undefined || pinned === undefined) throw new Error("the earlier plan has no assistant on its first shoot, or no shoot without them");
    const problem = withAbsence(example, person);
    const payload = { problem, earlierPlan, pinnedShoots: [pinned.shoot], changePenalty: 500, options: { seed: 1 } };
    const response = await app.inject({ method: "POST", url: "/v1/repair", payload });
    expect(response.statusCode).toBe(200);
    const { options, result } = repairResponseSchema.parse(response.json());
    expect(options).toEqual({ timeLimitSeconds: 30, seed: 1 });
    expectValidPlan(problem, result.plan);
    expect(result.changes).toContainEqual({ kind: "crew_removed", shoot: first?.shoot, person, role: "assistant", counted: true });
    expect(result.plan?.shoots.find((s) => s.shoot === pinned.shoot)).toEqual(pinned);
    expect(result.plan?.shoots.some((s) => s.crew.some((c) => c.person === person))).toBe(false);
    const counted = result.changes.filter((c) => c.counted).length;
    expect(result.changedAssignments).toBe(counted);
    expect(result.objective).toBeCloseTo((result.cost ?? Number.NaN) + 500 * counted, 6);
  });

  test("a pin of a shoot the earlier plan does not schedule is a 422 at the pin's body path", async () => {
    const [unscheduled, ...rest] = earlierPlan.shoots;
    if (unscheduled === undefined) throw new Error("the earlier plan schedules nothing");
    const earlier = { ...earlierPlan, shoots: rest, dropped: [...earlierPlan.dropped, unscheduled.shoot] };
    const payload = { problem: example, earlierPlan: earlier, pinnedShoots: [unscheduled.shoot], changePenalty: 10 };
    const document = expectProblem(await app.inject({ method: "POST", url: "/v1/repair", payload }), 422, "SCHED_ERR_PROBLEM_INVALID");
    expect(document.issues).toEqual([expect.objectContaining({ in: "body", code: "pin_not_scheduled", path: ["pinnedShoots", 0], pointer: "/pinnedShoots/0" })]);
  });

  test("a semantically invalid problem is a 422 with the solver's codes at paths under problem", async () => {
    const crew = tinyProblem["crew"] as Record<string, unknown>[];
    const problem = { ...tinyProblem, crew: [crew[0], { ...crew[1], id: crew[0]?.["id"] }] };
    const document = expectProblem(await app.inject({ method: "POST", url: "/v1/repair", payload: { problem, earlierPlan: emptyPlan, changePenalty: 10 } }), 422, "SCHED_ERR_PROBLEM_INVALID");
    expect(document.issues).toContainEqual(expect.objectContaining({ code: "duplicate_id", path: ["problem", "crew", 1, "id"] }));
  });

  test("a missing changePenalty is a 400 naming the field", async () => {
    const document = expectProblem(await app.inject({ method: "POST", url: "/v1/repair", payload: { problem: tinyProblem, earlierPlan: emptyPlan } }), 400, "SERVER_ERR_REQUEST_INVALID");
    expect(document.issues).toContainEqual(expect.objectContaining({ in: "body", code: "invalid_type", path: ["changePenalty"], pointer: "/changePenalty" }));
  });

  test("a problem over the size limits is a 413 before validation, as for /v1/solve", async () => {
    const small = testApp({ maxShoots: 2 });
    try {
      const document = expectProblem(await small.inject({ method: "POST", url: "/v1/repair", payload: { problem: tinyProblem, earlierPlan: emptyPlan, changePenalty: 1 } }), 413, "SERVER_ERR_PROBLEM_TOO_LARGE");
      expect(document.issues.map((i) => i.pointer)).toEqual(["/problem/shoots"]);
    } finally {
      await small.close();
    }
  });
});

test("a repair waits in the solve queue: when it is full, POST /v1/repair is a 503 with Retry-After", async () => {
  const app = testApp({ queueSize: 0, cancelGraceMs: 100, retryAfterSeconds: 7 });
  try {
    const busy = jobAcceptedSchema.parse((await app.inject({ method: "POST", url: "/v1/jobs", payload: { problem: slowProblem, options: { timeLimitSeconds: 30 } } })).json());
    const refused = await app.inject({ method: "POST", url: "/v1/repair", payload: { problem: tinyProblem, earlierPlan: emptyPlan, changePenalty: 1 } });
    expectProblem(refused, 503, "SERVER_ERR_QUEUE_FULL");
    expect(refused.headers["retry-after"]).toBe("7");
    await app.inject({ method: "DELETE", url: `/v1/jobs/${busy.id}` });
  } finally {
    await app.close();
  }
});
