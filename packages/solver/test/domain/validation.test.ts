import { describe, expect, it } from "vitest";
import { safeParseProblem, type ParseResult } from "../../src/domain/parse-problem.js";
import { semanticIssueCodes, type ProblemIssue, type SemanticIssueCode } from "../../src/domain/problem-issue.js";
import type { ProblemInput } from "../../src/domain/problem-schema.js";
import { minimalProblem, validProblem } from "./fixtures.js";
import { deleteAt, getAt, setAt, type JsonPath } from "./json-path.js";

function issuesOf(result: ParseResult): readonly ProblemIssue[] {
  if (result.success) throw new Error("expected the problem to be rejected, but it parsed");
  return result.issues;
}

function parseMutated(mutate: (problem: ProblemInput) => void): readonly ProblemIssue[] {
  const problem = validProblem();
  mutate(problem);
  return issuesOf(safeParseProblem(problem));
}

/** Removes every shoot (and the project budgets that would then name unknown projects), for horizon-wide cases. */
function withoutShoots(problem: ProblemInput): void {
  setAt(problem, ["shoots"], []);
  setAt(problem, ["budget", "projects"], {});
}

/** A sentence: starts with a capital letter, a digit or a quoted name; ends with a full stop. */
const sentence = /^["A-Z0-9][^\n]{10,}\.$/;

describe("the base fixture", () => {
  it("parses with no issues", () => {
    const result = safeParseProblem(validProblem());
    expect(result.success ? [] : result.issues).toEqual([]);
  });

  it("is returned fresh on every call", () => {
    const first = validProblem();
    setAt(first, ["shoots", 0, "title"], "changed");
    expect(getAt(validProblem(), ["shoots", 0, "title"])).toBe("Aurora lookbook, studio looks");
  });

  it("is not modified by parsing (defaults go to the result, not the input)", () => {
    const input = minimalProblem();
    const before = structuredClone(input);
    expect(safeParseProblem(input).success).toBe(true);
    expect(input).toEqual(before);
  });
});

interface SemanticCase {
  /** Edits the base fixture so that exactly this one issue arises. */
  readonly mutate: (problem: ProblemInput) => void;
  readonly path: JsonPath;
  /** Words the message must contain: the entity it is about. */
  readonly names: readonly string[];
}

// Keyed by code: the compiler and the first test below both insist on one case per code.
const semanticCases: Record<SemanticIssueCode, SemanticCase> = {
  duplicate_id: {
    mutate: (p) => setAt(p, ["crew", 3, "id"], "ana"),
    path: ["crew", 3, "id"],
    names: ['"ana"', "crew"],
  },
  unknown_reference: {
    mutate: (p) => setAt(p, ["shoots", 2, "preferredPeople", 0], "zoe"),
    path: ["shoots", 2, "preferredPeople", 0],
    names: ['"zoe"'],
  },
  duplicate_reference: {
    mutate: (p) => setAt(p, ["shoots", 1, "locations", 1], "park"),
    path: ["shoots", 1, "locations", 1],
    names: ['"park"', "locations", '"lookbook-outdoor"'],
  },
  role_without_crew: {
    mutate: (p) => setAt(p, ["shoots", 1, "roles", "gaffer"], 1),
    path: ["shoots", 1, "roles", "gaffer"],
    names: ['"lookbook-outdoor"', "gaffer"],
  },
  window_outside_horizon: {
    mutate: (p) => setAt(p, ["shoots", 2, "deadline"], "2026-03-20"),
    path: ["shoots", 2, "deadline"],
    names: ['"knit-campaign"', "2026-03-20"],
  },
  window_too_short: {
    // Two days of shooting (4 slots of 2 a day) but only Friday 2026-03-13 left.
    mutate: (p) => setAt(p, ["shoots", 2, "notBefore"], "2026-03-13"),
    path: ["shoots", 2, "deadline"],
    names: ['"knit-campaign"'],
  },
  invalid_duration: {
    mutate: (p) => setAt(p, ["shoots", 2, "durationSlots"], 3),
    path: ["shoots", 2, "durationSlots"],
    names: ['"knit-campaign"'],
  },
  invalid_time_zone: {
    mutate: (p) => setAt(p, ["horizon", "timeZone"], "Europe/Atlantis"),
    path: ["horizon", "timeZone"],
    names: ['"Europe/Atlantis"'],
  },
  amount_precision: {
    mutate: (p) => setAt(p, ["crew", 1, "dayRate"], 650.555),
    path: ["crew", 1, "dayRate"],
    names: ['"ben"', "650.555", "EUR"],
  },
  cost_too_large: {
    // 10^12 EUR a day is a valid amount alone; over 9 working days no cost is exact to the cent.
    mutate: (p) => setAt(p, ["crew", 1, "dayRate"], 999_999_999_999),
    path: ["crew", 1, "dayRate"],
    names: ['"ben"', "dayRate", "9 working days", "EUR"],
  },
  horizon_reversed: {
    mutate: (p) => {
      withoutShoots(p);
      setAt(p, ["horizon", "end"], "2026-03-01");
    },
    path: ["horizon", "end"],
    names: ["horizon", "2026-03-01"],
  },
  horizon_too_long: {
    mutate: (p) => {
      withoutShoots(p);
      setAt(p, ["horizon", "start"], "0001-01-01");
      setAt(p, ["horizon", "end"], "9999-12-31");
    },
    path: ["horizon", "end"],
    names: ["0001-01-01", "9999-12-31", "3660"],
  },
  // From the HTTP audit: a horizon in 0050 solved to wall clocks like
  // "1851-03-02T09:00:00+32442288:53", and the job's calendar and call sheet were 500s.
  horizon_out_of_range: {
    mutate: (p) => {
      withoutShoots(p);
      setAt(p, ["horizon", "start"], "0050-03-01");
      setAt(p, ["horizon", "end"], "0050-03-05");
    },
    path: ["horizon", "start"],
    names: ["0050-03-01", "1900-01-01"],
  },
  no_working_days: {
    mutate: (p) => {
      withoutShoots(p);
      setAt(p, ["horizon", "start"], "2026-03-07");
      setAt(p, ["horizon", "end"], "2026-03-08");
    },
    path: ["horizon"],
    names: ["horizon"],
  },
  period_reversed: {
    mutate: (p) => setAt(p, ["crew", 0, "unavailable", 0, "from"], "2026-03-12"),
    path: ["crew", 0, "unavailable", 0, "to"],
    names: ['"ana"', "2026-03-11", "2026-03-12"],
  },
  slot_out_of_range: {
    mutate: (p) => setAt(p, ["locations", 1, "available", 0, "slots", 1], 2),
    path: ["locations", 1, "available", 0, "slots", 1],
    names: ['"park"', "2"],
  },
  day_overflow: {
    // Two 300-minute slots from 16:00 end at 02:00 the next day.
    mutate: (p) => setAt(p, ["horizon", "dayStart"], "16:00"),
    path: ["horizon", "slotMinutes"],
    names: ["16:00"],
  },
  precedence_cycle: {
    mutate: (p) => setAt(p, ["shoots", 0, "after"], [{ shoot: "lookbook-outdoor" }]),
    path: ["shoots", 0, "after"],
    names: ['"lookbook-studio"', '"lookbook-outdoor"'],
  },
  person_required_and_preferred: {
    mutate: (p) => setAt(p, ["shoots", 0, "preferredPeople", 1], "mia"),
    path: ["shoots", 0, "preferredPeople", 1],
    names: ['"mia"', '"lookbook-studio"'],
  },
  reserved_name: {
    // As JSON.parse builds it from a request body: an own key, not a prototype.
    mutate: (p) => setAt(p, ["shoots", 0, "roles"], { ...(getAt(p, ["shoots", 0, "roles"]) as object), ...(JSON.parse('{"__proto__": 2}') as object) }),
    path: ["shoots", 0, "roles", "__proto__"],
    names: ['"__proto__"', "role"],
  },
};

describe("semantic issues", () => {
  it("has exactly one case per semantic issue code", () => {
    expect(Object.keys(semanticCases).sort()).toEqual([...semanticIssueCodes].sort());
  });

  it.each(Object.entries(semanticCases).map(([code, c]) => ({ code, ...c })))(
    "$code at $path",
    ({ code, mutate, path, names }) => {
      const issues = parseMutated(mutate);
      expect(issues.map((i) => i.code)).toEqual([code]);
      const [issue] = issues;
      expect(issue?.path).toEqual(path);
      expect(issue?.message).toMatch(sentence);
      for (const name of names) expect(issue?.message).toContain(name);
    },
  );

  it("refuses __proto__ as an item or project name too, each by its path, instead of dropping it", () => {
    const issues = parseMutated((p) => {
      setAt(p, ["shoots", 1, "equipment"], JSON.parse('{"__proto__": 1}') as object);
      setAt(p, ["budget", "projects"], JSON.parse('{"__proto__": 100}') as object);
    });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["reserved_name", ["budget", "projects", "__proto__"]],
      ["reserved_name", ["shoots", 1, "equipment", "__proto__"]],
    ]);
  });

  it("reports every independent problem at once, not just the first", () => {
    const combined: SemanticIssueCode[] = [
      "duplicate_id",
      "unknown_reference",
      "role_without_crew",
      "window_outside_horizon",
      "invalid_duration",
      "invalid_time_zone",
      "amount_precision",
      "period_reversed",
      "slot_out_of_range",
      "day_overflow",
      "precedence_cycle",
      "person_required_and_preferred",
      "duplicate_reference",
    ];
    const issues = parseMutated((p) => combined.forEach((code) => semanticCases[code].mutate(p)));
    const found = issues.map((i) => ({ code: i.code, path: i.path }));
    const expected = combined.map((code) => ({ code, path: semanticCases[code].path }));
    expect(found).toHaveLength(expected.length);
    expect(found).toEqual(expect.arrayContaining(expected));
  });

  it("reports a precedence cycle at a shoot inside it, not at one merely leading into it", () => {
    const issues = parseMutated((p) => {
      setAt(p, ["shoots", 0, "after"], [{ shoot: "knit-campaign" }]); // lookbook-studio waits for the cycle
      setAt(p, ["shoots", 2, "after"], [{ shoot: "knit-bts" }]); // knit-campaign <-> knit-bts
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe("precedence_cycle");
    expect(issues[0]?.path).toEqual(["shoots", 2, "after"]);
    expect(issues[0]?.message).toContain('"knit-bts"');
    expect(issues[0]?.message).not.toContain('"lookbook-studio"');
  });

  it("reports each separate precedence cycle, including a shoot after itself", () => {
    const issues = parseMutated((p) => {
      setAt(p, ["shoots", 0, "after"], [{ shoot: "lookbook-outdoor" }]);
      setAt(p, ["shoots", 3, "after"], [{ shoot: "knit-bts" }]);
    });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["precedence_cycle", ["shoots", 0, "after"]],
      ["precedence_cycle", ["shoots", 3, "after"]],
    ]);
  });

  it("checks a long chain of after rules without overflowing the call stack", () => {
    const chain = (n: number, closed: boolean): ProblemInput => {
      const problem = minimalProblem();
      const shoots = Array.from({ length: n }, (_, i) => ({
        id: `take-${i}`,
        title: `Take ${i}`,
        project: "acme",
        durationSlots: 1,
        after: i > 0 ? [{ shoot: `take-${i - 1}` }] : closed ? [{ shoot: `take-${n - 1}` }] : [],
      }));
      setAt(problem, ["shoots"], shoots.reverse()); // depth-first search from the end of the chain goes n deep
      return problem;
    };
    expect(safeParseProblem(chain(20_000, false)).success).toBe(true);
    const issues = issuesOf(safeParseProblem(chain(20_000, true)));
    expect(issues.map((i) => i.code)).toEqual(["precedence_cycle"]);
  });

  it("names the project of a budget cap with too many decimals", () => {
    const issues = parseMutated((p) => setAt(p, ["budget", "projects", "aurora"], 15_000.001));
    expect(issues.map((i) => [i.code, i.path])).toEqual([["amount_precision", ["budget", "projects", "aurora"]]]);
    expect(issues[0]?.message).toBe("The budget has projects.aurora 15000.001: more decimals than the 2 of EUR, its minor unit.");
  });

  // Whole amounts between 10^12 and 2^53 / 100 EUR were refused for their "decimals" (new-user audit).
  it("says an amount past the largest allowed is too large, not too precise", () => {
    for (const [path, amount] of [[["budget", "total"], 1e300], [["crew", 1, "dayRate"], 9e13], [["locations", 0, "dayFee"], 1e13]] as const) {
      const issues = parseMutated((p) => setAt(p, [...path], amount));
      expect(issues.map((i) => [i.code, i.path])).toEqual([["amount_precision", path]]);
      expect(issues[0]?.message).toMatch(/larger than the largest amount allowed, 1000000000000\.00 EUR\.$/);
    }
  });

  it("points cost_too_large at a rental's unit count when that is what is huge, else at its day rate", () => {
    const issues = parseMutated((p) => setAt(p, ["equipment", 0, "rental", "maxUnits"], 1e15));
    expect(issues.map((i) => [i.code, i.path])).toEqual([["cost_too_large", ["equipment", 0, "rental", "maxUnits"]]]);
    // 5 x 10^11 EUR a day is a valid amount alone, too large over the 9 working days whatever the units (review).
    const rate = parseMutated((p) => {
      setAt(p, ["equipment", 0, "rental", "dayRate"], 5e11);
      setAt(p, ["equipment", 0, "rental", "maxUnits"], 25);
    });
    expect(rate.map((i) => [i.code, i.path])).toEqual([["cost_too_large", ["equipment", 0, "rental", "dayRate"]]]);
  });

  it("points day_overflow at dayStart when slotMinutes is not given", () => {
    const issues = parseMutated((p) => {
      deleteAt(p, ["horizon", "slotMinutes"]); // 2 slots of 300 minutes by default
      setAt(p, ["horizon", "dayStart"], "15:00");
    });
    expect(issues.map((i) => [i.code, i.path])).toEqual([["day_overflow", ["horizon", "dayStart"]]]);
  });

  it("points window_too_short at notBefore, or at durationSlots, when the shoot has no deadline", () => {
    const late = parseMutated((p) => {
      deleteAt(p, ["shoots", 3, "after"]);
      setAt(p, ["shoots", 3, "durationSlots"], 4);
      setAt(p, ["shoots", 3, "notBefore"], "2026-03-13");
    });
    expect(late.map((i) => [i.code, i.path])).toEqual([["window_too_short", ["shoots", 3, "notBefore"]]]);
    const long = parseMutated((p) => setAt(p, ["shoots", 3, "durationSlots"], 20)); // 10 days, the horizon has 9
    expect(long.map((i) => [i.code, i.path])).toEqual([["window_too_short", ["shoots", 3, "durationSlots"]]]);
  });

  it("uses the currency's own minor unit: whole yen, three decimals of dinar", () => {
    const yen = parseMutated((p) => {
      setAt(p, ["currency"], "JPY");
      setAt(p, ["crew", 1, "dayRate"], 65_000.5);
    });
    expect(yen.map((i) => [i.code, i.path])).toEqual([
      ["amount_precision", ["shoots", 2, "preferencePenalty"]], // 80.5 yen
      ["amount_precision", ["crew", 1, "dayRate"]],
      ["amount_precision", ["equipment", 1, "rental", "dayRate"]], // 60.25 yen
    ]);
    const dinar = validProblem();
    setAt(dinar, ["currency"], "BHD");
    setAt(dinar, ["crew", 1, "dayRate"], 650.125);
    expect(safeParseProblem(dinar).success).toBe(true);
  });
});

interface SchemaCase {
  readonly name: string;
  readonly mutate: (problem: ProblemInput) => void;
  readonly code: string;
  readonly path: JsonPath;
}

const schemaCases: readonly SchemaCase[] = [
  { name: "unknown top-level key", mutate: (p) => setAt(p, ["deadline"], "2026-03-13"), code: "unrecognized_keys", path: [] },
  { name: "misspelt shoot key", mutate: (p) => setAt(p, ["shoots", 1, "durationSlot"], 1), code: "unrecognized_keys", path: ["shoots", 1] },
  { name: "unknown key in a nested object", mutate: (p) => setAt(p, ["equipment", 0, "rental", "perDay"], 95), code: "unrecognized_keys", path: ["equipment", 0, "rental"] },
  { name: "wrong type", mutate: (p) => setAt(p, ["shoots", 0, "durationSlots"], "2"), code: "invalid_type", path: ["shoots", 0, "durationSlots"] },
  { name: "fractional slot count", mutate: (p) => setAt(p, ["horizon", "slotsPerDay"], 1.5), code: "invalid_type", path: ["horizon", "slotsPerDay"] },
  { name: "impossible date", mutate: (p) => setAt(p, ["horizon", "start"], "2026-02-30"), code: "invalid_format", path: ["horizon", "start"] },
  { name: "date with a time", mutate: (p) => setAt(p, ["shoots", 2, "deadline"], "2026-03-13T18:00"), code: "invalid_format", path: ["shoots", 2, "deadline"] },
  { name: "lower-case currency", mutate: (p) => setAt(p, ["currency"], "eur"), code: "invalid_format", path: ["currency"] },
  { name: "currency name instead of code", mutate: (p) => setAt(p, ["currency"], "EURO"), code: "invalid_format", path: ["currency"] },
  { name: "negative amount", mutate: (p) => setAt(p, ["crew", 2, "dayRate"], -480), code: "too_small", path: ["crew", 2, "dayRate"] },
  { name: "missing required field", mutate: (p) => deleteAt(p, ["shoots", 1, "title"]), code: "invalid_type", path: ["shoots", 1, "title"] },
  { name: "missing required section", mutate: (p) => deleteAt(p, ["locations"]), code: "invalid_type", path: ["locations"] },
  { name: "unknown weekday", mutate: (p) => setAt(p, ["horizon", "workingDays", 0], "mon"), code: "invalid_value", path: ["horizon", "workingDays", 0] },
  { name: "unknown billing", mutate: (p) => setAt(p, ["crew", 4, "billing"], "daily"), code: "invalid_value", path: ["crew", 4, "billing"] },
  { name: "id with a space", mutate: (p) => setAt(p, ["locations", 1, "id"], "the park"), code: "invalid_format", path: ["locations", 1, "id"] },
  { name: "zero people for a role", mutate: (p) => setAt(p, ["shoots", 0, "roles", "stylist"], 0), code: "too_small", path: ["shoots", 0, "roles", "stylist"] },
  { name: "day start not HH:MM", mutate: (p) => setAt(p, ["horizon", "dayStart"], "9:00"), code: "invalid_format", path: ["horizon", "dayStart"] },
  { name: "not an object at all", mutate: (p) => setAt(p, ["horizon"], "2026-03"), code: "invalid_type", path: ["horizon"] },
];

describe("schema issues", () => {
  it.each(schemaCases)("$name: $code at $path", ({ mutate, code, path }) => {
    const issues = parseMutated(mutate);
    expect(issues.map((i) => ({ code: i.code, path: i.path }))).toEqual([{ code, path }]);
    expect(issues[0]?.message.length).toBeGreaterThan(0);
  });

  it("names the unknown key in the message", () => {
    const issues = parseMutated((p) => setAt(p, ["shoots", 1, "durationSlot"], 1));
    expect(issues[0]?.message).toContain('"durationSlot"');
  });

  it("reports every schema issue at once", () => {
    const picked = [schemaCases[1], schemaCases[3], schemaCases[5], schemaCases[7], schemaCases[9], schemaCases[10]].filter((c) => c !== undefined);
    expect(picked).toHaveLength(6);
    const issues = parseMutated((p) => picked.forEach((c) => c.mutate(p)));
    expect(issues.map((i) => ({ code: i.code, path: i.path }))).toEqual(
      expect.arrayContaining(picked.map((c) => ({ code: c.code, path: c.path }))),
    );
    expect(issues).toHaveLength(picked.length);
  });

  it("runs the semantic checks only once the shape is valid", () => {
    const issues = parseMutated((p) => {
      semanticCases.duplicate_id.mutate(p);
      setAt(p, ["currency"], "eur");
    });
    expect(issues.map((i) => i.code)).toEqual(["invalid_format"]);
  });
});
