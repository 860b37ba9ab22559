#!/usr/bin/env node
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { solve } from "../index.js";
import { talentProblem } from "../talent/talent-problem.js";

/**
 * `npm run talent -- <file-or-folder>...`: converts each published talent scheduling
 * instance to a shootplan problem, solves it, and prints one JSON line per instance:
 * {"name","optimum","cost","status","seconds"}. Exit code 1 when any cost differs from
 * the published optimum.
 */
async function main(paths: readonly string[]): Promise<number> {
  if (paths.length === 0) {
    process.stderr.write("usage: npm run talent -- <instance.json | folder>...\n");
    return 2;
  }
  let mismatches = 0;
  for (const file of await expand(paths)) {
    const json = JSON.parse(await readFile(file, "utf8")) as { name?: string; optimum?: number };
    const name = json.name ?? basename(file, ".json");
    const started = performance.now();
    const answer = await solve(talentProblem(json, name), { timeLimitSeconds: 60 });
    const seconds = Number(((performance.now() - started) / 1000).toFixed(3));
    const line = { name, optimum: json.optimum ?? null, cost: answer.cost, status: answer.status, seconds, method: answer.method };
    if (json.optimum !== undefined && answer.cost !== json.optimum) mismatches += 1;
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  return mismatches === 0 ? 0 : 1;
}

async function expand(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const names = (await readdir(path)).filter((n) => n.endsWith(".json")).sort();
      files.push(...names.map((n) => join(path, n)));
    } else files.push(path);
  }
  return files;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
