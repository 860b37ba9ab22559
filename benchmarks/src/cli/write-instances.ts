import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { BENCHMARK_SET, buildEntry, type InstanceEntry } from "../instance-index.js";

/**
 * Regenerates `benchmarks/instances/index.json` and the committed S instances.
 *   npm run bench:instances            write them
 *   npm run bench:instances -- --check fail (exit 1) when a committed file or hash differs
 * Known optima (`expectedObjective`) already in the index are kept.
 */
const directory = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "instances");
const indexPath = join(directory, "index.json");
const check = process.argv.includes("--check");

const previous = existsSync(indexPath) ? (JSON.parse(readFileSync(indexPath, "utf8")) as InstanceEntry[]) : [];
const known = new Map(previous.map((e) => [e.name, e.expectedObjective]));
const entries: InstanceEntry[] = [];
const stale: string[] = [];
for (const { tier, seeds, committed } of BENCHMARK_SET) {
  for (const seed of seeds) {
    const { entry, json } = buildEntry(tier, seed, committed, known.get(`${tier.toLowerCase()}-${seed}`) ?? null);
    entries.push(entry);
    if (entry.file === undefined) continue;
    const path = join(directory, entry.file);
    if (check && (!existsSync(path) || readFileSync(path, "utf8") !== json)) stale.push(entry.file);
    if (!check) writeFileSync(path, json);
  }
}
const index = `${JSON.stringify(entries, null, 2)}\n`;
if (check) {
  if (!existsSync(indexPath) || readFileSync(indexPath, "utf8") !== index) stale.push("index.json");
  if (stale.length > 0) {
    process.stderr.write(`out of date: ${stale.join(", ")}; run npm run bench:instances\n`);
    process.exitCode = 1;
  }
} else {
  writeFileSync(indexPath, index);
  process.stdout.write(`wrote ${entries.filter((e) => e.file !== undefined).length} instances and index.json (${entries.length} entries)\n`);
}
