import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const solverDir = new URL("../../", import.meta.url).pathname;

/** A consumer that only knows the published package: ESM import, solve, check. */
const consumer = `
import { solve, check } from "@shootplan/solver";
const problem = {
  currency: "EUR",
  horizon: { start: "2027-03-01", end: "2027-03-02", timeZone: "Europe/Berlin" },
  shoots: [{ id: "s1", title: "Packshots", project: "p", durationSlots: 1, roles: { photographer: 1 } }],
  crew: [{ id: "ana", name: "Ana", roles: ["photographer"], dayRate: 500 }],
  locations: [{ id: "studio", name: "Studio", dayFee: 120.5 }],
};
const answer = await solve(problem, { backend: "highs" });
const jslp = await solve(problem, { backend: "jslp" });
console.log(JSON.stringify({ status: answer.status, cost: answer.cost, jslp: jslp.cost, valid: check(problem, answer.plan).valid }));
`;

describe("the npm package", () => {
  it("packs with compiled ESM and type declarations, installs into an empty folder, and solves", async () => {
    const work = mkdtempSync(join(tmpdir(), "shootplan-pack-"));
    const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", work], { cwd: solverDir, timeout: 120_000 });
    const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
    const files = (packed?.files ?? []).map((f) => f.path);
    expect(files).toContain("dist/index.js");
    expect(files).toContain("dist/index.d.ts");
    expect(files).toContain("bin/shootplan.js");
    expect(files.some((f) => f.startsWith("src/"))).toBe(false);

    const app = join(work, "app");
    await run("mkdir", ["-p", app]);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    await run("npm", ["install", "--no-audit", "--no-fund", join(work, packed?.filename ?? "")], { cwd: app, timeout: 240_000 });
    writeFileSync(join(app, "main.mjs"), consumer);
    const result = await run("node", ["main.mjs"], { cwd: app, timeout: 60_000 });
    expect(JSON.parse(result.stdout)).toEqual({ status: "optimal", cost: 620.5, jslp: 620.5, valid: true });
  }, 400_000);
});
