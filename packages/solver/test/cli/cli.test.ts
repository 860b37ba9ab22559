import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { basePlan, baseProblemInput } from "../check/fixture.js";

const run = promisify(execFile);
const repo = new URL("../../../../", import.meta.url).pathname;
const tsx = join(repo, "node_modules/.bin/tsx");
const cli = join(repo, "packages/solver/src/cli/main.ts");

/** Runs the CLI from source; resolves with exit code, stdout and stderr. */
async function shootplan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, ["--conditions=@shootplan/source", cli, ...args], { cwd: repo, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const scratch = mkdtempSync(join(tmpdir(), "shootplan-cli-"));

describe("shootplan CLI", () => {
  it("solves the README example to a proven optimum and the answer passes `shootplan check`", async () => {
    const solved = await shootplan("solve", "examples/brand-campaign-week.json", "--time-limit", "60");
    expect(solved.code).toBe(0);
    const answer = JSON.parse(solved.stdout) as { status: string; cost: number; plan: { shoots: unknown[] } };
    expect(answer.status).toBe("optimal");
    expect(answer.plan.shoots.length).toBeGreaterThanOrEqual(10);
    const file = join(scratch, "answer.json");
    writeFileSync(file, solved.stdout);
    const checked = await shootplan("check", "examples/brand-campaign-week.json", file);
    expect(checked.code).toBe(0);
    expect(JSON.parse(checked.stdout)).toMatchObject({ valid: true, violations: [], cost: { total: answer.cost } });
  });

  it("exits 2 with every issue on stderr for an invalid problem", async () => {
    const file = join(scratch, "bad.json");
    writeFileSync(file, JSON.stringify({ currency: "euro", horizon: {}, shoots: [], crew: [], locations: [], extra: 1 }));
    const result = await shootplan("solve", file);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("SCHED_ERR_PROBLEM_INVALID");
    expect(result.stderr).toContain("currency");
    expect(result.stderr).toContain("horizon.start");
    expect(result.stderr).toContain("unrecognized_keys");
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it("exits 2 for unreadable JSON and for bad flags", async () => {
    const file = join(scratch, "broken.json");
    writeFileSync(file, "{ not json");
    expect((await shootplan("solve", file)).code).toBe(2);
    expect((await shootplan("solve", "examples/brand-campaign-week.json", "--time-limit", "soon")).code).toBe(2);
    expect((await shootplan("solve", "examples/brand-campaign-week.json", "--backend", "cplex")).code).toBe(2);
    expect((await shootplan("frobnicate")).code).toBe(2);
  });

  it("exits 2 naming the flag for unknown flags, missing values and non-decimal numbers", async () => {
    const example = "examples/brand-campaign-week.json";
    for (const args of [["--bogus"], ["--time-limit"], ["--seed", "-1"], ["--gap", "-0.1"], ["--seed", "0x10"]]) {
      const result = await shootplan("solve", example, ...args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stdout, args.join(" ")).toBe("");
      expect(result.stderr, args.join(" ")).toContain(args[0] === "--bogus" ? "--bogus" : (args[0] ?? ""));
      expect(result.stderr, args.join(" ")).not.toMatch(/at .*\.(ts|js):\d+/);
    }
  });

  it("repairs an earlier answer after a change, keeping a pinned shoot, and exits 2 without a change penalty", async () => {
    const example = "examples/brand-campaign-week.json";
    const solved = await shootplan("solve", example, "--gap", "0.5", "--time-limit", "30");
    const earlier = join(scratch, "earlier.json");
    writeFileSync(earlier, solved.stdout);
    const plan = (JSON.parse(solved.stdout) as { plan: { shoots: { shoot: string; days: string[]; crew: { person: string }[] }[] } }).plan;
    const ill = plan.shoots[0]?.crew[0]?.person ?? "";
    const keep = plan.shoots.find((s) => !s.crew.some((c) => c.person === ill))?.shoot ?? "";
    const problem = JSON.parse(readFileSync(join(repo, example), "utf8")) as { crew: { id: string; unavailable?: unknown[] }[] };
    const person = problem.crew.find((c) => c.id === ill);
    if (person !== undefined) person.unavailable = [{ from: plan.shoots[0]?.days[0] }];
    const changed = join(scratch, "changed.json");
    writeFileSync(changed, JSON.stringify(problem));
    const repaired = await shootplan("repair", changed, earlier, "--change-penalty", "100", "--pin", keep, "--time-limit", "30");
    expect(repaired.code, repaired.stderr).toBe(0);
    const answer = JSON.parse(repaired.stdout) as { status: string; changes: { shoot: string; person?: string; counted: boolean }[] };
    expect(answer.status).toBe("optimal");
    expect(answer.changes.some((c) => c.counted && c.person === ill)).toBe(true);
    expect(answer.changes.some((c) => c.shoot === keep)).toBe(false);
    const missing = await shootplan("repair", changed, earlier);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--change-penalty");
  });

  it("exits 3 when a checked plan breaks a rule", async () => {
    const plan = { shoots: [], dropped: [], rentals: [] };
    const file = join(scratch, "empty-plan.json");
    writeFileSync(file, JSON.stringify(plan));
    const result = await shootplan("check", "examples/brand-campaign-week.json", file);
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({ valid: false });
  });

  it("prints a person's calendar as iCalendar and a date's call sheet as Markdown; a bad flag exits 2", async () => {
    const problemFile = join(scratch, "week.json");
    const planFile = join(scratch, "week-plan.json");
    writeFileSync(problemFile, JSON.stringify(baseProblemInput()));
    writeFileSync(planFile, JSON.stringify({ status: "feasible", plan: basePlan() }));
    const calendar = await shootplan("calendar", problemFile, planFile, "--person", "dana", "--sequence", "2");
    expect(calendar.code).toBe(0);
    expect(calendar.stdout.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(calendar.stdout.match(/BEGIN:VEVENT/g)?.length).toBe(2);
    expect(calendar.stdout).toContain("SEQUENCE:2");
    const without = join(scratch, "week-plan-without-s4.json");
    writeFileSync(without, JSON.stringify({ ...basePlan(), shoots: basePlan().shoots.filter((s) => s.shoot !== "s4") }));
    const updated = await shootplan("calendar", problemFile, without, "--person", "dana", "--sequence", "3", "--earlier", planFile);
    expect(updated.code).toBe(0);
    expect(updated.stdout.match(/STATUS:CANCELLED/g)?.length).toBe(1);
    const sheet = await shootplan("call-sheet", problemFile, planFile, "--date", "2026-03-02");
    expect(sheet.code).toBe(0);
    expect(sheet.stdout).toContain("| Ben Okafor | 12:00 | 18:00 |");
    const unknown = await shootplan("calendar", problemFile, planFile, "--person", "zoe");
    expect(unknown).toMatchObject({ code: 2, stdout: "" });
    expect(unknown.stderr).toContain('No crew member "zoe"');
    expect((await shootplan("call-sheet", problemFile, planFile)).code).toBe(2);
  });
});
