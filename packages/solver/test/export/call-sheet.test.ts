import { describe, expect, it } from "vitest";
import { InvalidOptionsError } from "../../src/errors.js";
import { callSheet, formatCallSheet } from "../../src/export/call-sheet.js";
import { solve } from "../../src/solve/solve.js";
import { basePlan, baseProblemInput } from "../check/fixture.js";

describe("callSheet", () => {
  it("lists a date's shoots in order and each person's call and wrap", () => {
    const sheet = callSheet(baseProblemInput(), basePlan(), "2026-03-02");
    expect(sheet).toMatchObject({ date: "2026-03-02", production: "Two clients, one week", timeZone: "Europe/Berlin", rentals: [] });
    expect(sheet.shoots.map((s) => [s.shoot, s.start, s.end])).toEqual([
      ["s1", "2026-03-02T09:00:00+01:00", "2026-03-02T12:00:00+01:00"],
      ["s2", "2026-03-02T12:00:00+01:00", "2026-03-02T18:00:00+01:00"],
    ]);
    // Ana works both shoots: called for the first, wrapped after the last.
    expect(sheet.people.map((p) => [p.name, p.call.slice(11, 16), p.wrap.slice(11, 16), p.shoots.map((s) => `${s.shoot}:${s.role ?? "attending"}`)])).toEqual([
      ["Ana Ruiz", "09:00", "18:00", ["s1:photographer", "s2:photographer"]],
      ["Ben Okafor", "12:00", "18:00", ["s2:stylist"]],
      ["Dana Vale", "12:00", "18:00", ["s2:attending"]],
    ]);
  });

  it("gives each day of a multi-day shoot its own line, and the rentals of the date", () => {
    expect(callSheet(baseProblemInput(), basePlan(), "2026-03-05").shoots.map((s) => [s.shoot, s.day, s.days, s.start.slice(11, 16), s.end.slice(11, 16)])).toEqual([["s3", 2, 2, "09:00", "18:00"]]);
    expect(callSheet(baseProblemInput(), basePlan(), "2026-03-06").rentals).toEqual([{ item: "light", name: "LED panel", units: 1 }]);
  });

  // From the exports audit: a two-day shoot whose camera is owned on its first day and
  // in maintenance on its second rents one unit, on the second day only; every day's
  // line said "(1 rented)", against the sheet's own empty Rentals section on day one.
  it("states a multi-day shoot's rented units per date, not its largest on every date", async () => {
    const problem = {
      name: "T1",
      currency: "EUR",
      horizon: { start: "2026-03-02", end: "2026-03-06", timeZone: "Europe/Berlin" },
      shoots: [{ id: "s", title: "Two days", project: "a", durationSlots: 2, deadline: "2026-03-03", equipment: { cam: 1 } }],
      crew: [],
      locations: [{ id: "l", name: "L", dayFee: 10 }],
      equipment: [{ id: "cam", name: "Camera", owned: 1, unavailable: [{ from: "2026-03-03" }], rental: { dayRate: 50, maxUnits: 1 } }],
    };
    const { plan } = await solve(problem, { timeLimitSeconds: 10 });
    expect(plan?.shoots[0]?.days).toEqual(["2026-03-02", "2026-03-03"]);
    const day = (date: string) => callSheet(problem, plan, date);
    expect(day("2026-03-02").shoots[0]?.equipment).toEqual([expect.objectContaining({ item: "cam", rentedUnits: 0 })]);
    expect(day("2026-03-02").rentals).toEqual([]);
    expect(formatCallSheet(day("2026-03-02"))).toContain("- Equipment: 1 x Camera\n");
    expect(day("2026-03-03").shoots[0]?.equipment).toEqual([expect.objectContaining({ item: "cam", rentedUnits: 1 })]);
    expect(formatCallSheet(day("2026-03-03"))).toContain("1 x Camera (1 rented)");
  });

  it("prints as Markdown, and says so when a date has no shoots", () => {
    const text = formatCallSheet(callSheet(baseProblemInput(), basePlan(), "2026-03-06"));
    expect(text).toContain("# Call sheet: Two clients, one week, 2026-03-06");
    expect(text).toContain("### 09:00-12:00 Acme packshot");
    expect(text).toContain("| Ana Ruiz | 09:00 | 12:00 | 09:00 Acme packshot (photographer, Studio A) |");
    expect(text).toContain("- 1 x LED panel");
    expect(formatCallSheet(callSheet(baseProblemInput(), basePlan(), "2026-03-04"))).toBe("# Call sheet: Two clients, one week, 2026-03-04\n\nNo shoots on this date.\n");
  });

  it("refuses a date that is not an ISO date, or not a date at all", () => {
    expect(() => callSheet(baseProblemInput(), basePlan(), "02/03/2026")).toThrow(InvalidOptionsError);
    expect(() => callSheet(baseProblemInput(), basePlan(), "2026-02-30")).toThrow(InvalidOptionsError);
  });

  it("keeps every name on its line: a line break in a title starts no heading", () => {
    const problem = baseProblemInput();
    problem.shoots = problem.shoots.map((s) => (s.id === "s4" ? { ...s, title: "Acme packshot\n## Rentals\n- 99 x gold" } : s));
    const text = formatCallSheet(callSheet(problem, basePlan(), "2026-03-06"));
    expect(text.match(/^## Rentals$/gm)).toHaveLength(1);
    expect(text).toContain("### 09:00-12:00 Acme packshot ## Rentals - 99 x gold");
  });
});
