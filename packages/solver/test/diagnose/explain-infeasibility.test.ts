import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { infeasibilityReasons } from "../../src/diagnose/explain-infeasibility.js";
import type { InfeasibilityCause } from "../../src/diagnose/infeasibility-reason.js";
import { parseProblem } from "../../src/domain/parse-problem.js";
import type { Problem } from "../../src/domain/problem-schema.js";
import { buildPlanningModel } from "../../src/model/build-planning-model.js";
import { solve } from "../../src/solve/solve.js";
import { bruteForceOptimum } from "../support/brute-force.js";
import { docsExample } from "../support/docs-example.js";
import { parsedOrNull, randomProblem } from "../support/random-problem.js";

type Example = ReturnType<typeof docsExample> & {
  shoots: Record<string, unknown>[];
  crew: Record<string, unknown>[];
  equipment: { rental: Record<string, unknown> }[];
};

/** The docs example (studio-looks: photographer + stylist + mia, 2 strobe sets; park-looks after it, with a gap day) changed by `change`. */
function broken(change: (p: Example) => void): unknown {
  const problem = docsExample() as Example;
  change(problem);
  return problem;
}

const week = [{ from: "2026-03-02", to: "2026-03-06" }];

// Each case breaks one thing; the answer must say which shoot and what is short, by how much.
const cases: readonly { name: string; cause: InfeasibilityCause; problem: unknown; says: RegExp }[] = [
  { name: "the only stylist away all week", cause: "role", problem: broken((p) => (p.crew[1]!["unavailable"] = week)), says: /studio-looks needs 1 stylist; no stylist \(ben\) can work any start .*short by 1/ },
  { name: "a required person away all week", cause: "required_person", problem: broken((p) => (p.crew[2]!["unavailable"] = week)), says: /Shoot studio-looks: mia, who must be on it, is not available/ },
  { name: "a feature no location has", cause: "location", problem: broken((p) => (p.shoots[0]!["requiredFeatures"] = ["underwater"])), says: /studio-looks: no location with underwater/ },
  { name: "one strobe set owned, none rentable", cause: "equipment", problem: broken((p) => (p.equipment[0]!.rental["maxUnits"] = 0)), says: /studio-looks needs 2 units of strobe-set; .*at most 1 .*1 owned, none can be rented.*short by 1/ },
  { name: "two photographers and a stylist from three people, one of them a model", cause: "crew", problem: broken((p) => (p.shoots[0]!["roles"] = { photographer: 2, stylist: 1 })), says: /studio-looks needs 3 people .*at most 2 different people.*short by 1/ },
  { name: "a successor's deadline inside the gap", cause: "precedence", problem: broken((p) => (p.shoots[1]!["deadline"] = "2026-03-03")), says: /park-looks must start after studio-looks ends with 1 working day between: studio-looks ends on 2026-03-02, slot 1 at the earliest, and the last usable start of park-looks is on 2026-03-03, slot 0\./ },
  {
    name: "the stylist's day limit over two shoots",
    cause: "role_capacity",
    problem: broken((p) => {
      p.crew[1]!["maxDays"] = 1;
      p.shoots[1]!["roles"] = { photographer: 1, stylist: 1 };
    }),
    says: /studio-looks and park-looks need 3 stylist slots; the 1 stylist can work 2 of them: short by 1 slot/,
  },
  {
    name: "the only stylist limited to one consecutive day, for a two-day shoot",
    cause: "role",
    problem: broken((p) => {
      // Without the Wednesday holiday every two-day start is on consecutive calendar days.
      (p["horizon"] as Record<string, unknown>)["excludedDates"] = [];
      p.shoots[0]!["durationSlots"] = 4;
      p.crew[1]!["maxConsecutiveDays"] = 1;
    }),
    says: /studio-looks needs 1 stylist; no stylist \(ben\) can work any start in its window \(availability and day limits\)/,
  },
  {
    name: "two required photographers for one photographer seat",
    cause: "crew",
    problem: broken((p) => {
      p.shoots[1]!["requiredPeople"] = ["mia", "ana", "ben"];
      p.shoots[1]!["preferredPeople"] = [];
      p.crew[0]!["unavailable"] = [];
    }),
    says: /park-looks: ana and ben must be on it and each takes a seat of a role they hold, but its seats \(photographer 1\) fit at most 1 of them: short by 1 seat/,
  },
  { name: "a total budget below every plan", cause: "total_budget", problem: broken((p) => (p.budget.total = 1000)), says: /Every plan costs at least .* over the total budget of 1000\.00 EUR/ },
  { name: "a project cap below its least share", cause: "project_budget", problem: broken((p) => (p.budget.projects["aurora"] = 1000)), says: /Project aurora's shoots .* over its budget of 1000\.00 EUR/ },
];

describe("infeasible answers say which shoot and what is short", () => {
  it.each(cases)("$name", async ({ cause, problem, says }) => {
    const reasons = infeasibilityReasons(buildPlanningModel(parseProblem(problem)));
    expect(reasons.map((r) => r.cause)).toContain(cause);
    // lns has no MILP: the reasons themselves rule the problem out once its construction fails.
    for (const strategy of ["auto", "mip", "lns"] as const) {
      const answer = await solve(problem, { strategy, timeLimitSeconds: 20 });
      expect(answer.status, strategy).toBe("infeasible");
      expect(answer.explanation, strategy).toMatch(says);
    }
  });

  it("caps that only the search can rule out are named with an example plan's shares", async () => {
    // aurora pays 6 411.25 in the optimal plan; its least shares are far lower.
    const problem = broken((p) => (p.budget.projects["aurora"] = 5000));
    expect(infeasibilityReasons(buildPlanningModel(parseProblem(problem)))).toEqual([]);
    const answer = await solve(problem, { timeLimitSeconds: 20 });
    expect(answer.status).toBe("infeasible");
    expect(answer.explanation).toMatch(/No plan stays within the budget caps.* gives project aurora [\d.]+ EUR against its cap of 5000\.00 EUR/);
  });

  // From the new-user audit: 20 000 roles for one person made the MILP's build take 15 s
  // (quadratic) and the construction try until the deadline; the answer was a timeout
  // with a reason in plain sight, and the reason, when given, listed every role.
  it("a shoot with thousands of roles is ruled out by its crew shortage, in one short sentence", async () => {
    const roles = Array.from({ length: 3000 }, (_, i) => `r${i}`);
    const problem = broken((p) => {
      p.shoots[0]!["roles"] = Object.fromEntries(roles.map((r) => [r, 1]));
      p.crew[0]!["roles"] = roles;
    });
    for (const strategy of ["auto", "lns"] as const) {
      const answer = await solve(problem, { strategy, timeLimitSeconds: 20 });
      expect(answer.status, strategy).toBe("infeasible");
      expect(answer.explanation).toMatch(/studio-looks needs 3000 people for its roles \(r0 1, .* and 2992 more roles\).*short by 2999/);
      expect(answer.explanation?.length).toBeLessThan(1000);
    }
  });

  it("a feasible problem has no reason", () => {
    expect(infeasibilityReasons(buildPlanningModel(parseProblem(docsExample())))).toEqual([]);
  });

  // Soundness: every reason is a proof, so a problem with one has no plan at all.
  it("on random tiny problems, a reason means brute force finds no plan", () => {
    let withReasons = 0;
    let checked = 0;
    fc.assert(
      fc.property(randomProblem("tiny"), (input) => {
        const problem = parsedOrNull(input);
        fc.pre(problem !== null);
        const reasons = infeasibilityReasons(buildPlanningModel(problem as Problem));
        const optimum = bruteForceOptimum(problem as Problem);
        fc.pre(optimum !== "too_big");
        checked += 1;
        if (reasons.length === 0) return;
        withReasons += 1;
        expect(optimum, reasons.map((r) => r.message).join(" ")).toBeNull();
      }),
      { seed: 20261128, numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(100);
    expect(withReasons).toBeGreaterThan(10);
  });
});
