import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const src = new URL("../../src/", import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Top-level src folder each relative import of a file lands in. */
function importedAreas(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const areas: string[] = [];
  for (const match of text.matchAll(/from\s+["'](\.[^"']+)["']/g)) {
    const target = relative(src, join(file, "..", match[1] ?? ""));
    areas.push(target.includes("/") ? (target.split("/")[0] ?? "") : target.replace(/\.js$/, ""));
  }
  return areas;
}

/** Which areas each area may import (the one-way data flow of the design). */
const allowed: Record<string, readonly string[]> = {
  domain: ["domain", "errors"],
  cost: ["cost", "domain"],
  check: ["check", "cost", "domain", "errors"],
  model: ["model", "domain"],
  formulation: ["formulation", "model", "domain"],
  backends: ["backends", "formulation"],
  talent: ["talent", "domain"],
  // slices.ts: generators run straight through or in event-loop slices; imports nothing.
  slices: [],
  heuristics: ["heuristics", "model", "domain", "slices"],
  bounds: ["bounds", "model", "formulation", "backends", "domain", "slices"],
  diagnose: ["diagnose", "bounds", "formulation", "model", "cost", "domain"],
  search: ["search", "heuristics", "model", "formulation", "backends", "check", "cost", "domain"],
  solve: ["solve", "backends", "bounds", "check", "cost", "diagnose", "domain", "errors", "formulation", "heuristics", "model", "search", "slices", "talent"],
  // What coordinators and crews read (calendars, call sheets): from the problem and plan alone.
  export: ["export", "domain", "errors"],
  cli: ["cli", "index", "errors", "talent"],
};

describe("module boundaries inside packages/solver", () => {
  const all = files(src);

  it("finds the sources", () => {
    expect(all.length).toBeGreaterThan(30);
  });

  it("the checker and cost oracle import only the domain, never the formulation or a backend", () => {
    const leaks = all
      .filter((f) => /\/src\/(check|cost)\//.test(f))
      .flatMap((f) => importedAreas(f).filter((a) => !["check", "cost", "domain", "errors"].includes(a)).map((a) => `${relative(src, f)} -> ${a}`));
    expect(leaks).toEqual([]);
  });

  it("every area imports only the areas upstream of it", () => {
    const leaks = all.flatMap((f) => {
      const area = relative(src, f).split("/")[0] ?? "";
      const permitted = allowed[area];
      if (permitted === undefined) return [];
      return importedAreas(f).filter((a) => !permitted.includes(a)).map((a) => `${relative(src, f)} -> ${a}`);
    });
    expect(leaks).toEqual([]);
  });

  it("the library never writes to the console or the process (only the CLI does I/O)", () => {
    const offenders = all
      .filter((f) => !f.includes("/src/cli/"))
      .filter((f) => /\bconsole\.|process\.(stdout|stderr|exit)|from "node:fs/.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => relative(src, f))).toEqual([]);
  });
});
