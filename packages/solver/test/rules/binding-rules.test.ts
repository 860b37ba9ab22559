import { describe, expect, it } from "vitest";
import type { BackendName } from "../../src/backends/backend.js";
import { backendByName } from "../../src/backends/registry.js";
import { checkPlan } from "../../src/check/check-plan.js";
import { violationCodes, type ViolationCode } from "../../src/check/violation.js";
import type { Plan } from "../../src/domain/plan-schema.js";
import { parseProblem } from "../../src/domain/parse-problem.js";
import type { Problem, ProblemInput } from "../../src/domain/problem-schema.js";
import { buildMilp } from "../../src/formulation/build-milp.js";
import type { MilpModel } from "../../src/formulation/milp-model.js";
import { buildPlanningModel } from "../../src/model/build-planning-model.js";
import { solve } from "../../src/solve/solve.js";
import type { SolveResult } from "../../src/solve/solve-result.js";
import { multiDayLocationShareAtCap, roundedShareAtCap, ruleCases, type Decision, type RuleCase } from "./cases.js";

/**
 * Per-rule tests (style.md R9), generated from the table in cases.ts keyed by rule id.
 * For each rule, on both backends, through the public `solve` with the MILP:
 * 1. the optimum: exact status and cost, the decision the rule forces, a valid plan;
 * 2. the rule binds: lifted, the optimum is cheaper (or placed differently);
 * 3. the checker side: a plan breaking exactly that rule raises exactly its code;
 * 4. the formulation side: the rule's named row family exists and binds (deleting it
 *    makes the MILP cheaper or feasible), or the forbidden choice has no variable.
 */

const backends: readonly BackendName[] = ["highs", "jslp"];
const TIME_LIMIT = 30;
const ran = { solved: 0, formulation: 0 };

const byRule = ruleCases.map((c) => [c.rule, c] as const);

async function solveInput(input: ProblemInput, backend: BackendName, strategy: "mip" | "auto"): Promise<{ problem: Problem; answer: SolveResult }> {
  const problem = parseProblem(structuredClone(input));
  const answer = await solve(problem, { backend, strategy, timeLimitSeconds: TIME_LIMIT });
  return { problem, answer };
}

function lift(c: RuleCase): ProblemInput {
  const input = structuredClone(c.problem);
  c.lifted?.change(input);
  return input;
}

function expectDecision(plan: Plan, decision: Decision | undefined): void {
  if (decision === undefined) return;
  expect(decision.of(plan), decision.what).toEqual(decision.is);
}

/** Asserts a valid plan with the expected cost, and that the checker recomputes the same cost. */
function expectOptimal(problem: Problem, answer: SolveResult, cost: number): Plan {
  expect(answer.status, answer.explanation ?? "").toBe("optimal");
  expect(answer.cost).toBe(cost);
  const plan = answer.plan;
  if (plan === null) throw new Error("an optimal answer without a plan");
  const verdict = checkPlan(problem, plan);
  expect(verdict.violations).toEqual([]);
  expect(verdict.valid).toBe(true);
  expect(verdict.cost?.total).toBe(cost);
  return plan;
}

function codesOf(problem: Problem, plan: Plan): { codes: ViolationCode[]; messages: string[]; total: number | null } {
  const verdict = checkPlan(problem, plan);
  return {
    codes: [...new Set(verdict.violations.map((v) => v.code))].sort(),
    messages: verdict.violations.map((v) => v.message),
    total: verdict.cost?.total ?? null,
  };
}

describe("the rule table", () => {
  it("has one entry per rule id, each binding and linked to a checker code", () => {
    const ids = ruleCases.map((c) => c.rule);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(40);
    for (const c of ruleCases) {
      expect(c.rule).toMatch(/^[a-z]+\.[A-Za-z0-9]+$/);
      expect(violationCodes).toContain(c.breaks.code);
      // Binding is shown by a lifted optimum, or by a cheaper plan that breaks the rule,
      // or (soft costs) by a broken plan whose stated cost the checker rejects.
      const shown =
        c.lifted !== undefined ||
        (c.breaks.cost !== undefined && c.expected.status === "optimal" && c.breaks.cost < c.expected.cost) ||
        c.breaks.keepStatedCost === true;
      expect(shown, c.rule).toBe(true);
      if (c.expected.status === "optimal") expect(c.forces, `${c.rule} names the decision it forces`).toBeDefined();
      if (c.breaks.from === "lifted") expect(c.lifted, `${c.rule} breaks from a lifted plan`).toBeDefined();
      const f = c.formulation;
      expect((f.rows?.length ?? 0) + (f.names?.length ?? 0) + (f.absent?.length ?? 0), `${c.rule} names its formulation side`).toBeGreaterThan(0);
    }
  });
});

describe.each(backends)("binding rules on %s (MILP)", (backend) => {
  it.each(byRule)("%s", async (_rule, c) => {
    // Counted on entry: a failing case still ran; only a skipped one is missing from the count.
    ran.solved += 1;
    const strategy = c.strategy ?? "mip";
    const { problem, answer } = await solveInput(c.problem, backend, strategy);
    let plan: Plan | null = null;
    if (c.expected.status === "optimal") {
      plan = expectOptimal(problem, answer, c.expected.cost);
      expectDecision(plan, c.forces);
    } else {
      // Infeasible, never "dropped": no plan, and words for the coordinator.
      expect(answer.status).toBe("infeasible");
      expect(answer.plan).toBeNull();
      expect(answer.cost).toBeNull();
      expect(answer.explanation).toMatch(/\w/);
    }
    if (strategy === "auto") {
      // The auto route solves pure hold-billed sequencing by dynamic programming; the MILP must agree.
      expect(answer.method).toBe("sequencing");
      const mip = await solveInput(c.problem, backend, "mip");
      expect(mip.answer.method).toBe("mip");
      expect(mip.answer.status).toBe(answer.status);
      expect(mip.answer.cost).toBe(answer.cost);
      if (mip.answer.plan !== null) expectDecision(mip.answer.plan, c.forces);
    } else {
      expect(answer.method).toBe("mip");
      expect(answer.backend).toBe(backend);
    }

    let liftedPlan: Plan | null = null;
    if (c.lifted !== undefined) {
      const lifted = await solveInput(lift(c), backend, strategy);
      liftedPlan = expectOptimal(lifted.problem, lifted.answer, c.lifted.cost);
      expectDecision(liftedPlan, c.lifted.forces);
      // Lifting the rule changes the optimum: cheaper, or feasible where it was not.
      if (c.expected.status === "optimal") expect(c.lifted.cost).not.toBe(c.expected.cost);
    }

    const base = c.breaks.from === "plan" ? plan : liftedPlan;
    if (base === null) throw new Error(`${c.rule}: no plan to break`);
    const broken = structuredClone(base);
    c.breaks.mutate?.(broken, problem);
    if (c.breaks.keepStatedCost !== true) delete broken.cost;
    const verdict = codesOf(problem, broken);
    expect(verdict.codes, verdict.messages.join(" | ")).toEqual([...new Set([c.breaks.code, ...(c.breaks.alongside ?? [])])].sort());
    if (c.breaks.message !== undefined) expect(verdict.messages.join(" | ")).toMatch(c.breaks.message);
    if (c.breaks.cost !== undefined) expect(verdict.total).toBe(c.breaks.cost);
  });

  it.each(byRule)("%s: formulation rows", async (_rule, c) => {
    ran.formulation += 1;
    const milp = buildMilp(buildPlanningModel(parseProblem(structuredClone(c.problem)))).milp;
    const names = new Set([...milp.variables.map((v) => v.name), ...milp.rows.map((r) => r.name)]);
    const has = (prefix: string): boolean => [...names].some((n) => n.startsWith(prefix));
    for (const name of c.formulation.names ?? []) expect(has(name), `${name} exists`).toBe(true);
    for (const name of c.formulation.absent ?? []) expect(names.has(name), `${name} is never created`).toBe(false);
    const family = c.formulation.rows ?? [];
    for (const prefix of family) expect(milp.rows.some((r) => r.name.startsWith(prefix)), `rows ${prefix}* exist`).toBe(true);
    if (family.length > 0) {
      // Without the family the MILP must get cheaper (or feasible): those rows carry the rule.
      const inFamily = (name: string): boolean => family.some((prefix) => name.startsWith(prefix));
      const without: MilpModel = { ...milp, rows: milp.rows.filter((r) => !inFamily(r.name)) };
      const result = await backendByName(backend).solve(without, { timeLimitSeconds: TIME_LIMIT, relativeGap: 0 });
      const label = `${family.join(" ")} deleted`;
      expect(result.status, label).toBe("optimal");
      if (c.expected.status === "optimal") expect(result.objective ?? Infinity, label).toBeLessThan(Math.round(c.expected.cost * 100) - 0.5);
    }
  });
});

describe.each(backends)("project caps at the rounding edge on %s", (backend) => {
  // The checker splits a shared person-day by largest remainder: A's 3333.33 cents become
  // 3333, within a cap of 33.33. A plan exists, so the answer must not be "infeasible".
  it("a cap equal to the project's rounded share is met", async () => {
    const { problem, answer } = await solveInput(roundedShareAtCap(33.33), backend, "mip");
    const plan = expectOptimal(problem, answer, 100);
    expect(plan.cost?.byProject["A"]).toBe(33.33);
  });

  // Shares are floored per day: 2 cents over 3 shoots is 0 for z on each day, so over two
  // days z's floor is 0 + 0, not floor(4 / 3) = 1.
  it("a multi-day shoot whose rounded location share is 0 meets a cap of 0", async () => {
    const { problem, answer } = await solveInput(multiDayLocationShareAtCap(), backend, "mip");
    const plan = expectOptimal(problem, answer, 0.04);
    expect(plan.cost?.byProject["A"]).toBe(0);
  });

  // `auto` first searches with the caps left to the checker; without a plan it must still
  // prove infeasibility, never answer `timeout` long before the time limit.
  it.each(["mip", "auto"] as const)("a cap one cent below it is infeasible (%s)", async (strategy) => {
    const { answer } = await solveInput(roundedShareAtCap(33.32), backend, strategy);
    expect(answer.status, answer.explanation ?? "").toBe("infeasible");
  });
});

// Last in the file: fails if the table silently ran nothing (style.md R9: a harness asserts it ran).
it("ran every entry of the table on every backend", () => {
  expect(ruleCases.length).toBeGreaterThan(0);
  expect(ran.solved).toBe(ruleCases.length * backends.length);
  expect(ran.formulation).toBe(ruleCases.length * backends.length);
});
