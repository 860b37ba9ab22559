import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { Highs } from "highs";
import { highsBackend } from "../../src/backends/highs-backend.js";
import {
  formatLpNumber,
  sanitizeName,
  toCplexLp,
  uniqueNames,
  writeCplexLp,
} from "../../src/formulation/lp-format.js";
import type { MilpModel } from "../../src/formulation/milp-model.js";
import { intVar, milp, realVar, row } from "./fixtures.js";

const loadHighs = createRequire(import.meta.url)("highs") as () => Promise<Highs>;

/** Solves LP text with a fresh HiGHS runtime (separate from the backend's), by column name. */
async function solveText(text: string): Promise<{ status: string; objective: number; columns: Map<string, number> }> {
  const highs = await loadHighs();
  const result = highs.solve(text, { output_flag: false });
  const columns = new Map(Object.entries(result.Columns).map(([name, col]) => [name, "Primal" in col ? col.Primal : NaN]));
  return { status: result.Status, objective: result.ObjectiveValue, columns };
}

/** Names as they come from the formulation, including collisions after sanitising and LP keywords. */
const nasty: MilpModel = milp(
  [
    intVar("busy[shoot=s1,person=ana,start=3]", 0, 1),
    intVar("busy(shoot=s1,person=ana,start=3)", 0, 1),
    intVar("end", 0, 5),
    realVar("inf", -Infinity, 10),
    realVar("free", -Infinity, Infinity),
    intVar("1st day", 0, 2),
    intVar("e1", 0, 3),
    intVar("x~2", 0, 3),
    intVar("", 0, 1),
    intVar("a/b:c<d>e+f-g*h^i=j", 0, 4),
  ],
  [
    row("cover[shoot=s1,role=stylist]", [1, 1, 0, 0, 0, 0, 0, 0, 0, 0], 1, 1),
    row("cover[shoot=s1,role=stylist]x", [0, 0, 1, 1, 0, 0, 0, 0, 0, 0], 2, 8),
    row("bounds", [0, 0, 0, 1, -1, 0, 0, 0, 0, 0], -Infinity, 0),
    row("end", [0, 0, 0, 0, 1, 1, 1, 1, 1, 1], 3, Infinity),
    row("budget[limit=1e3]", [2.5, 3, 1, 0, 0, 1, 1, 1, 1, 1], -Infinity, 1000),
  ],
  [3, 2, 1, 0.5, 0, 1, 2, 3, 4, 5],
  42,
);

describe("sanitizeName / uniqueNames", () => {
  it("keeps names readable and legal", () => {
    expect(sanitizeName("busy[shoot=s1,person=ana,start=3]")).toBe("busy(shoot_s1,person_ana,start_3)");
    expect(sanitizeName("studio-a")).toBe("studio_a");
  });

  it("prefixes keywords, number-like and inf/nan names", () => {
    for (const name of ["end", "FREE", "bounds", "st", "bin", "general", "inf", "Infinity", "infx", "nan", "1x", ".5", "e", "E12", ""]) {
      expect(sanitizeName(name).startsWith("_"), name).toBe(true);
    }
    expect(sanitizeName("subjects")).toBe("subjects");
  });

  it("makes colliding names unique with ~index, deterministically", () => {
    const names = ["a[b]", "a(b)", "a(b)", "a_b", "a b"];
    const unique = uniqueNames(names);
    expect(unique).toEqual(["a(b)", "a(b)~1", "a(b)~2", "a_b", "a_b~4"]);
    expect(uniqueNames(names)).toEqual(unique);
    expect(uniqueNames(["x~1", "x_1"])).toEqual(["x_1", "x_1~1"]);
  });

  it("truncates very long names and stays unique", () => {
    const long = "v".repeat(400);
    const unique = uniqueNames([`${long}1`, `${long}2`]);
    expect(unique[0]?.length).toBeLessThanOrEqual(200);
    expect(new Set(unique).size).toBe(2);
  });
});

describe("formatLpNumber", () => {
  it("prints integers as integers and never uses e+", () => {
    expect(formatLpNumber(3)).toBe("3");
    expect(formatLpNumber(-0)).toBe("0");
    expect(formatLpNumber(1e21)).toBe("1000000000000000000000");
    expect(formatLpNumber(-2.5e25)).toBe("-25000000000000000000000000");
    expect(formatLpNumber(1.5e-7)).toBe("0.00000015");
    expect(formatLpNumber(1e300)).toBe("1e300");
    expect(formatLpNumber(1e-300)).toBe("1e-300");
  });

  it("round-trips exactly", () => {
    for (const x of [0.1, 1 / 3, -2 / 7, 123456.789, 1e-7, 9.87e-12, 4.5e22, Number.MAX_SAFE_INTEGER, 5e-324]) {
      expect(Number(formatLpNumber(x))).toBe(x);
    }
  });

  it("rejects non-finite numbers", () => {
    expect(() => formatLpNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatLpNumber(Infinity)).toThrow(RangeError);
  });
});

describe("toCplexLp", () => {
  it("writes sections, =, two rows for a range, and omits free rows", () => {
    const model = milp(
      [intVar("x", 0, 1), intVar("y", 0, 7), realVar("z", -Infinity, Infinity), realVar("w", -3, Infinity)],
      [row("eq", [1, 1, 0, 0], 1, 1), row("rng", [0, 1, 1, 0], -2, 4), row("none", [1, 0, 0, 1], -Infinity, Infinity), row("emptyrow", [], -1, 1)],
      [1, 0, -1, 0],
      5,
    );
    const text = toCplexLp(model);
    expect(text).toContain("Minimize\n obj: x + 0 y - z + 0 w\n");
    expect(text).toContain(" eq: x + y = 1\n");
    expect(text).toContain(" rng~lo: y + z >= -2\n rng~up: y + z <= 4\n");
    expect(text).toContain("\\ row none has no finite side and is omitted");
    expect(text).toContain(" emptyrow~lo: 0 x >= -1\n");
    expect(text).toContain("Bounds\n 0 <= y <= 7\n z free\n w >= -3\n");
    expect(text).toContain("General\n y\nBinary\n x\nEnd\n");
    expect(text).toContain("objective constant 5 is not written");
  });

  it("uses x<i>/r<i> in indexed mode", () => {
    const lp = writeCplexLp(nasty, { names: "indexed" });
    expect(lp.variableNames).toEqual(nasty.variables.map((_, i) => `x${i}`));
    expect(lp.rowNames).toEqual(nasty.rows.map((_, i) => `r${i}`));
  });

  it("wraps long lines", () => {
    const n = 300;
    const variables = Array.from({ length: n }, (_, i) => intVar(`assign[person=someone-with-a-long-name,shoot=${i}]`, 0, 1));
    const model = milp(variables, [row("sum", variables.map(() => 1), 1, Infinity)], variables.map((_, i) => i + 0.25));
    const lines = toCplexLp(model).split("\n");
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(255);
    expect(lines.filter((l) => l.startsWith(" ")).length).toBeGreaterThan(100);
  });

  it("is deterministic", () => {
    expect(toCplexLp(nasty)).toBe(toCplexLp(nasty));
  });

  it("gives unique names to colliding variables and rows", () => {
    const lp = writeCplexLp(nasty);
    expect(new Set(lp.variableNames).size).toBe(nasty.variables.length);
    expect(new Set(lp.rowNames).size).toBe(nasty.rows.length);
    for (const name of [...lp.variableNames, ...lp.rowNames]) expect(name).toMatch(/^[A-Za-z0-9_.(),~]+$/);
  });
});

describe("LP text round trip through HiGHS", () => {
  for (const names of ["readable", "indexed"] as const) {
    it(`HiGHS reads the ${names} text and finds the backend's optimum (constant added back)`, async () => {
      const lp = writeCplexLp(nasty, { names });
      const fromText = await solveText(lp.text);
      const backend = await highsBackend.solve(nasty, { timeLimitSeconds: 20, relativeGap: 0 });
      expect(fromText.status).toBe("Optimal");
      expect(backend.status).toBe("optimal");
      expect(fromText.objective + nasty.objective.constant).toBeCloseTo(backend.objective ?? NaN, 6);
      // Every variable is a column under exactly the name we gave it.
      expect([...fromText.columns.keys()].sort()).toEqual([...lp.variableNames].sort());
    });
  }
});
