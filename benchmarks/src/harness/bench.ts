/**
 * `npm run bench -- --tier S|M|L|XL [--seeds 3] [--time-limit S] [--configs auto,highs-mip,jslp-mip] [--plot file.svg]`
 *
 * Solves the same seeded instances with javascript-lp-solver on the monolithic MILP,
 * HiGHS on the monolithic MILP, and shootplan `auto`, each run in its own process
 * (peak memory per run; an out-of-memory monolithic model is recorded, not fatal),
 * configurations interleaved per instance. Prints one table and writes the records
 * as JSON under benchmarks/results/.
 */
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Tier } from "../generate-instance.js";
import { timelineSvg } from "./plot.js";
import { CONFIG_NAMES, type Config, type RunRecord } from "./records.js";
import { formatTable } from "./table.js";
import { machineInfo, writeResults } from "./results-file.js";

/** Default time limits per tier, in seconds: the targets. */
const DEFAULT_LIMIT: Record<Tier, number> = { S: 10, M: 30, L: 60, XL: 120 };
/** Heap ceiling for each run (MB): the 24 GiB machine runs one solve at a time. */
const HEAP_MEGABYTES = 8192;

const runner = new URL("./run-config.ts", import.meta.url).pathname;

function runOne(tier: Tier, seed: number, config: Config, timeLimitSeconds: number): Promise<RunRecord> {
  const request = JSON.stringify({ tier, seed, config, timeLimitSeconds });
  const args = [`--max-old-space-size=${HEAP_MEGABYTES}`, "--conditions=@shootplan/source", "--import", "tsx", runner, request];
  // Grace beyond the limit for building the model and verifying the plan; past it the run is killed.
  const timeout = (timeLimitSeconds + 120) * 1000;
  return new Promise((resolve) => {
    execFile(process.execPath, args, { timeout, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const line = stdout.trim().split("\n").pop() ?? "";
      if (error === null && line.startsWith("{")) return resolve(JSON.parse(line) as RunRecord);
      const outOfMemory = /heap out of memory|Invalid array length|Array buffer allocation failed|RangeError: Invalid typed array length/.test(stderr);
      const killed = (error as { killed?: boolean } | null)?.killed === true;
      // javascript-lp-solver's size guard refuses a dense tableau that cannot fit, before allocating it.
      const refused = /too large for javascript-lp-solver/.test(stderr);
      resolve(failed(tier, seed, config, refused ? "cannot_start" : outOfMemory ? "out_of_memory" : killed ? "killed" : "crashed", (stderr.split("\n").find((l) => l.trim() !== "") ?? String(error)).slice(0, 200)));
    });
  });
}

function failed(tier: Tier, seed: number, config: Config, status: string, failure: string): RunRecord {
  return { tier, seed, config, status, method: null, cost: null, lowerBound: null, gap: null, seconds: 0, timeline: [], verified: null, peakRssMegabytes: null, variables: null, failure };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { tier: { type: "string", default: "S" }, seeds: { type: "string", default: "3" }, "time-limit": { type: "string" }, configs: { type: "string" }, plot: { type: "string" } },
  });
  const tier = values.tier as Tier;
  if (!(tier in DEFAULT_LIMIT)) throw new Error(`--tier must be S, M, L or XL, got ${values.tier}`);
  const limit = Number(values["time-limit"] ?? DEFAULT_LIMIT[tier]);
  const configs = (values.configs?.split(",") ?? CONFIG_NAMES) as Config[];
  const seeds = Array.from({ length: Number(values.seeds) }, (_, i) => i + 1);
  const { load: loadBefore, ...machine } = machineInfo();
  const records: RunRecord[] = [];
  for (const seed of seeds) {
    for (const config of configs) {
      process.stderr.write(`${tier}-${seed} ${config} ...\n`);
      records.push(await runOne(tier, seed, config, limit));
    }
  }
  const table = formatTable(records, limit);
  process.stdout.write(`${table}\n`);
  const file = writeResults(tier.toLowerCase(), { tier, timeLimitSeconds: limit, seeds, machine: { ...machine, loadBefore, loadAfter: machineInfo().load }, records });
  process.stderr.write(`wrote ${file}\n`);
  const auto = records.find((r) => r.config === "auto" && r.timeline.length > 0);
  if (values.plot !== undefined && auto !== undefined) {
    // npm runs scripts in the package root; a relative path means relative to where npm was run.
    const plot = resolve(process.env["INIT_CWD"] ?? process.cwd(), values.plot);
    mkdirSync(dirname(plot), { recursive: true });
    writeFileSync(plot, timelineSvg(auto, limit, `shootplan auto on ${tier}-${auto.seed}: plan cost and lower bound over time`));
    process.stderr.write(`wrote ${plot}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
