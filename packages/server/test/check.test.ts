import { afterAll, beforeAll, expect, test } from "vitest";
import type { ShootplanApp } from "../src/app.js";
import { checkResponseSchema, solveResponseSchema } from "../src/schemas/response-schemas.js";
import { expectProblem } from "./helpers/problem-assertions.js";
import { testApp, tinyProblem } from "./helpers/test-app.js";

let app: ShootplanApp;
let plan: Record<string, unknown>;

beforeAll(async () => {
  app = testApp();
  const solved = solveResponseSchema.parse((await app.inject({ method: "POST", url: "/v1/solve", payload: { problem: tinyProblem } })).json());
  plan = solved.result.plan as unknown as Record<string, unknown>;
});
afterAll(() => app.close());

test("a solver plan checks valid, with the recomputed cost", async () => {
  const response = await app.inject({ method: "POST", url: "/v1/check", payload: { problem: tinyProblem, plan } });
  expect(response.statusCode).toBe(200);
  const verdict = checkResponseSchema.parse(response.json());
  expect(verdict).toMatchObject({ valid: true, violations: [] });
  expect(verdict.cost?.total).toBe(2000);
});

test("a hand-edited plan that drops a mandatory shoot's crew is reported with rule codes", async () => {
  const shoots = plan["shoots"] as Record<string, unknown>[];
  const edited = { ...plan, cost: undefined, shoots: shoots.map((s) => ({ ...s, crew: [] })) };
  const verdict = checkResponseSchema.parse((await app.inject({ method: "POST", url: "/v1/check", payload: { problem: tinyProblem, plan: edited } })).json());
  expect(verdict.valid).toBe(false);
  expect(verdict.violations.map((v) => v.code)).toContain("role_count_wrong");
});

test("a plan of the wrong shape is a 400 pointing into the plan; an invalid problem a 422", async () => {
  const document = expectProblem(await app.inject({ method: "POST", url: "/v1/check", payload: { problem: tinyProblem, plan: { ...plan, dropped: "none" } } }), 400);
  expect(document.issues).toEqual([expect.objectContaining({ path: ["plan", "dropped"], code: "invalid_type" })]);
  const problem = { ...tinyProblem, shoots: [{ ...(tinyProblem["shoots"] as object[])[0], equipment: { tripod: 1 } }] };
  expectProblem(await app.inject({ method: "POST", url: "/v1/check", payload: { problem, plan } }), 422, "SCHED_ERR_PROBLEM_INVALID");
});

test("a slot far past the end of the day is a violation, not a server error", async () => {
  const shoots = plan["shoots"] as Record<string, unknown>[];
  const edited = { ...plan, shoots: shoots.map((s, i) => (i === 0 ? { ...s, firstSlot: 1e9 } : s)) };
  const response = await app.inject({ method: "POST", url: "/v1/check", payload: { problem: tinyProblem, plan: edited } });
  expect(response.statusCode).toBe(200);
  expect(checkResponseSchema.parse(response.json()).violations.map((v) => v.code)).toContain("slot_out_of_day");
});

test("a plan entry with more dates than any horizon has is refused by its shape, before checking", async () => {
  const shoots = plan["shoots"] as Record<string, unknown>[];
  const edited = { ...plan, shoots: shoots.map((s, i) => (i === 0 ? { ...s, days: Array.from({ length: 20_000 }, () => "2027-03-01") } : s)) };
  const document = expectProblem(await app.inject({ method: "POST", url: "/v1/check", payload: { problem: tinyProblem, plan: edited } }), 400);
  expect(document.issues).toEqual([expect.objectContaining({ path: ["plan", "shoots", 0, "days"], code: "too_big" })]);
});

// From the HTTP audit: 300 shoots of 780 slots with 60 people each (800 KB, under the
// body limit) held the HTTP thread for 4-10 s in the checker. A plan's crew slots are
// limited like the problem's size, before anything is parsed or checked.
test("a plan with more crew slots than any valid plan and the server's limit is a 413 naming the limit", async () => {
  const small = testApp({ maxPlanSlots: 10 });
  try {
    const shoots = plan["shoots"] as Record<string, unknown>[];
    // The tiny problem: 2 crew and 3 shoots over 3 one-slot days, so a valid plan holds
    // at most 15 crew slots, above the configured 10: that is the limit applied.
    const crew = Array.from({ length: 20 }, () => ({ person: "ann", role: "photographer" }));
    const crowded = { ...plan, cost: undefined, shoots: shoots.map((s) => ({ ...s, crew })) };
    const document = expectProblem(await small.inject({ method: "POST", url: "/v1/check", payload: { problem: tinyProblem, plan: crowded } }), 413, "SERVER_ERR_PROBLEM_TOO_LARGE");
    expect(document.issues).toEqual([expect.objectContaining({ path: ["plan", "shoots"], code: "too_many", message: expect.stringContaining(`at most 15 crew slots`) })]);
    expect(document.issues[0]?.message).toContain(`this one holds ${shoots.length * 21}.`);
    // Within what a valid plan can hold it is checked, even above the configured limit.
    expect((await small.inject({ method: "POST", url: "/v1/check", payload: { problem: tinyProblem, plan } })).statusCode).toBe(200);
    // From the review: a stated durationSlots counts only as far as the plan's days go,
    // so a typo is a wrong_duration violation, not a 413.
    const typo = { ...plan, cost: undefined, shoots: shoots.map((s, i) => (i === 0 ? { ...s, durationSlots: 300_000 } : s)) };
    const verdict = checkResponseSchema.parse((await small.inject({ method: "POST", url: "/v1/check", payload: { problem: tinyProblem, plan: typo } })).json());
    expect(verdict.violations.map((v) => v.code)).toContain("wrong_duration");
  } finally {
    await small.close();
  }
});

test("a reply lists the first 1 000 violations and counts them all", async () => {
  const many = testApp({ maxShoots: 1000 });
  try {
    const extra = Array.from({ length: 700 }, (_, i) => ({ id: `x${i}`, title: `Extra ${i}`, project: "acme", durationSlots: 1 }));
    const problem = { ...tinyProblem, shoots: [...(tinyProblem["shoots"] as object[]), ...extra] };
    const entries = extra.map((s) => ({ shoot: s.id, location: "studio", days: ["2027-03-01"], firstSlot: 0, durationSlots: 1, start: "x", end: "y", crew: [], equipment: [] }));
    const crowded = { ...plan, cost: undefined, shoots: [...(plan["shoots"] as object[]), ...entries] };
    const response = await many.inject({ method: "POST", url: "/v1/check", payload: { problem, plan: crowded } });
    expect(response.statusCode).toBe(200);
    const verdict = checkResponseSchema.parse(response.json());
    // Each extra shoot states a wrong start and a wrong end.
    expect(verdict.violationCount).toBeGreaterThanOrEqual(1400);
    expect(verdict.violations.length).toBe(1000);
    expect(verdict.valid).toBe(false);
  } finally {
    await many.close();
  }
});
