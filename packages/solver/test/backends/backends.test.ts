import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { BackendStatus, SolverBackend } from "../../src/backends/backend.js";
import { highsBackend } from "../../src/backends/highs-backend.js";
import { jslpBackend } from "../../src/backends/jslp-backend.js";
import { backendByName, backendNames, isBackendName } from "../../src/backends/registry.js";
import { verifySolution } from "../../src/backends/verify-solution.js";
import type { MilpModel, MilpRow } from "../../src/formulation/milp-model.js";
import { bruteForce, intVar, milp, realVar, row } from "./fixtures.js";

const backends: readonly SolverBackend[] = [highsBackend, jslpBackend];
/** The same HiGHS procedure run in a worker thread: it must answer every case alike. */
const highsInWorker: SolverBackend = { name: "highs", solve: (model, options) => highsBackend.solve(model, { ...options, worker: true }) };
const tableRuns: readonly (readonly [string, SolverBackend])[] = [...backends.map((b) => [b.name, b] as const), ["highs in a worker", highsInWorker]];
/** Raise with `BACKEND_PROPERTY_RUNS=2000` for a longer hunt. */
const PROPERTY_RUNS = Number(process.env["BACKEND_PROPERTY_RUNS"] ?? 60);
const options = { timeLimitSeconds: 20, relativeGap: 0 };

interface Case {
  readonly name: string;
  readonly model: MilpModel;
  readonly status: BackendStatus;
  readonly objective?: number;
}

const cases: readonly Case[] = [
  {
    name: "knapsack (values 10,40,30,50; weights 5,4,6,3; capacity 10)",
    model: milp([0, 1, 2, 3].map((i) => intVar(`take[item=${i}]`, 0, 1)), [row("capacity", [5, 4, 6, 3], -Infinity, 10)], [-10, -40, -30, -50]),
    status: "optimal",
    objective: -90,
  },
  {
    name: "3x3 assignment",
    model: assignment([
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ]),
    status: "optimal",
    objective: 5,
  },
  {
    name: "equality-constrained integers 3x + 5y + 7z = 40",
    model: milp([intVar("x", 0, 20), intVar("y", 0, 20), intVar("z", 0, 20)], [row("sum", [3, 5, 7], 40, 40)], [2, 3, 4]),
    status: "optimal",
    objective: 23, // x=0,y=1,z=5: 3+20; brute force confirms below
  },
  {
    name: "infeasible rows",
    model: milp([intVar("x", 0, 1), intVar("y", 0, 1)], [row("need", [1, 1], 3, Infinity)], [1, 1]),
    status: "infeasible",
  },
  {
    name: "integer-infeasible with a feasible LP relaxation (2x = 1)",
    model: milp([intVar("x", 0, 10)], [row("half", [2], 1, 1)], [1]),
    status: "infeasible",
  },
  {
    name: "unbounded LP",
    model: milp([realVar("x"), realVar("y")], [row("gap", [1, -1], 1, Infinity)], [-1, 0]),
    status: "unbounded",
  },
  {
    name: "unbounded MIP",
    model: milp([intVar("x"), intVar("y")], [row("gap", [1, -1], 1, Infinity)], [-1, 0]),
    status: "unbounded",
  },
  {
    name: "objective constant",
    model: milp([intVar("x", 0, 10)], [row("min2", [1], 2, Infinity)], [1], 100),
    status: "optimal",
    objective: 102,
  },
  {
    name: "ranged row, upper side active",
    model: milp([intVar("x", 0, 3), intVar("y", 0, 3)], [row("range", [1, 1], 2, 4)], [-1, -2]),
    status: "optimal",
    objective: -7,
  },
  {
    name: "ranged row, lower side active",
    model: milp([intVar("x", 0, 3), intVar("y", 0, 3)], [row("range", [1, 1], 2, 4)], [1, 1]),
    status: "optimal",
    objective: 2,
  },
  {
    name: "no rows, negative lower bound",
    model: milp([intVar("x", 0, 3), intVar("y", -2, 5)], [], [1, -1]),
    status: "optimal",
    objective: -5,
  },
  {
    name: "no variables (constant only)",
    model: milp([], [row("empty", [], -1, 1)], [], 7),
    status: "optimal",
    objective: 7,
  },
  {
    name: "violated empty row",
    model: milp([intVar("x", 0, 1)], [row("empty", [], 1, 2)], [1]),
    status: "infeasible",
  },
  {
    name: "free continuous variable",
    model: milp([realVar("x", -Infinity, Infinity)], [row("floor", [1], -3.5, Infinity)], [1]),
    status: "optimal",
    objective: -3.5,
  },
  {
    name: "fractional LP optimum",
    model: milp([realVar("x"), realVar("y")], [row("a", [2, 1], -Infinity, 4), row("b", [1, 2], -Infinity, 4)], [-1, -1]),
    status: "optimal",
    objective: -8 / 3,
  },
  {
    name: "fixed variable and a free row",
    model: milp([intVar("x", 2, 2), intVar("y", 0, 4)], [row("free", [1, 1], -Infinity, Infinity), row("cap", [1, 1], -Infinity, 5)], [1, -1]),
    status: "optimal",
    objective: -1,
  },
];

function assignment(cost: readonly (readonly number[])[]): MilpModel {
  const n = cost.length;
  const variables = cost.flatMap((line, i) => line.map((_, j) => intVar(`assign[worker=${i},task=${j}]`, 0, 1)));
  const rows: MilpRow[] = [];
  for (let i = 0; i < n; i++) {
    rows.push(row(`worker[${i}]`, variables.map((_, k) => (Math.floor(k / n) === i ? 1 : 0)), 1, 1));
    rows.push(row(`task[${i}]`, variables.map((_, k) => (k % n === i ? 1 : 0)), 1, 1));
  }
  return milp(variables, rows, cost.flat());
}

describe("backend table", () => {
  it("has cases", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it("the equality case's expected optimum matches brute force", () => {
    const eq = cases.find((c) => c.name.startsWith("equality"));
    expect(bruteForce(eq?.model ?? milp([], [], []))?.objective).toBe(eq?.objective);
  });

  for (const [label, backend] of tableRuns) {
    describe(label, () => {
      let ran = 0;
      for (const c of cases) {
        it(c.name, async () => {
          const result = await backend.solve(c.model, options);
          ran++;
          expect(result.status, result.message).toBe(c.status);
          if (c.objective !== undefined) expect(result.objective).toBeCloseTo(c.objective, 6);
          if (result.status === "optimal" || result.status === "feasible") {
            expect(verifySolution(c.model, result.values)).toEqual([]);
            expect(result.values).toHaveLength(c.model.variables.length);
          } else {
            expect(result.values).toEqual([]);
            expect(result.objective).toBeNull();
          }
          expect(result.seconds).toBeGreaterThanOrEqual(0);
        });
      }
      it("ran every case", () => {
        expect(ran).toBe(cases.length);
      });
    });
  }
});

describe("registry", () => {
  it("finds both backends by name", () => {
    expect(backendNames.map((n) => backendByName(n).name)).toEqual(["highs", "jslp"]);
    expect(isBackendName("highs")).toBe(true);
    expect(isBackendName("cplex")).toBe(false);
    expect(isBackendName("toString")).toBe(false);
  });
});

/** Random small pure-integer models: 3-6 variables in 0..3, 2-4 rows of every kind. */
const smallMilp: fc.Arbitrary<MilpModel> = fc.integer({ min: 3, max: 6 }).chain((n) => {
  const coefficients = fc.array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n });
  const rowArb = fc
    .record({ a: coefficients, kind: fc.constantFrom("le", "ge", "eq", "range"), rhs: fc.integer({ min: -4, max: 8 }), width: fc.integer({ min: 0, max: 4 }) })
    .map(({ a, kind, rhs, width }): MilpRow => {
      const [lower, upper] = kind === "le" ? [-Infinity, rhs] : kind === "ge" ? [rhs, Infinity] : kind === "eq" ? [rhs, rhs] : [rhs, rhs + width];
      return row("r", a, lower, upper);
    });
  return fc.record({ rows: fc.array(rowArb, { minLength: 2, maxLength: 4 }), cost: coefficients }).map(({ rows, cost }) =>
    milp(
      Array.from({ length: n }, (_, j) => intVar(`v[${j}]`, 0, 3)),
      rows.map((r, i) => ({ ...r, name: `row[${i}]` })),
      cost,
    ),
  );
});

describe("property: both backends agree with brute force", () => {
  it("on status and optimal objective", async () => {
    await fc.assert(
      fc.asyncProperty(smallMilp, async (model) => {
        const expected = bruteForce(model);
        for (const backend of backends) {
          const result = await backend.solve(model, options);
          if (expected === null) {
            expect(result.status, `${backend.name}: ${result.message}`).toBe("infeasible");
          } else {
            expect(result.status, `${backend.name}: ${result.message}`).toBe("optimal");
            expect(result.objective).toBeCloseTo(expected.objective, 6);
            expect(verifySolution(model, result.values)).toEqual([]);
          }
        }
      }),
      { numRuns: PROPERTY_RUNS },
    );
  }, 600_000);
});
