/**
 * `npm run bench:caps [-- --samples 300 --seed 7 --time-limit 5]`
 *
 * How quickly small problems with project budget caps are proven: the random small
 * problems of the solver's property tests (up to 4 shoots, 5 people, 2 locations, one
 * or two slots a day; packages/solver/test/support/random-problem.ts), each with caps
 * on both projects at four levels from tight to loose, solved by `auto`. Prints how
 * many end in each status, how many take over a second, and the slowest, and writes
 * every row as JSON under benchmarks/results/. A measurement, not a test.
 */
import { parseArgs } from "node:util";
import fc from "fast-check";
import { safeParseProblem, solve } from "@shootplan/solver";
import { randomProblem } from "../../../packages/solver/test/support/random-problem.js";
import { machineInfo, writeResults } from "./results-file.js";

/** Cap of project alpha per run (beta's is 200 more): from below most plans' cost to above it. */
const CAP_LEVELS = [300, 500, 700, 900] as const;

interface CapRow {
  readonly sample: number;
  readonly cap: number;
  readonly status: string;
  readonly seconds: number;
  readonly cost: number | null;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { samples: { type: "string", default: "300" }, seed: { type: "string", default: "7" }, "time-limit": { type: "string", default: "5" } } });
  const samples = Number(values.samples);
  const limit = Number(values["time-limit"]);
  const inputs = fc.sample(randomProblem("small"), { numRuns: samples, seed: Number(values.seed) });
  const rows: CapRow[] = [];
  for (const [sample, input] of inputs.entries()) {
    for (const cap of CAP_LEVELS) {
      const problem = { ...input, budget: { projects: { alpha: cap, beta: cap + 200 } } };
      // Random draws may break a rule of the contract (as in the property tests): skipped.
      if (!safeParseProblem(problem).success) continue;
      const started = performance.now();
      const answer = await solve(problem, { timeLimitSeconds: limit, seed: 1 });
      rows.push({ sample, cap, status: answer.status, seconds: (performance.now() - started) / 1000, cost: answer.cost });
    }
  }
  if (rows.length === 0) throw new Error("no valid problem drawn: raise --samples");
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  const slow = rows.filter((r) => r.seconds > 1);
  console.log(`${rows.length} runs (limit ${limit} s): optimal ${count("optimal")}, infeasible ${count("infeasible")}, feasible ${count("feasible")}, timeout ${count("timeout")}; over 1 s: ${slow.length}`);
  for (const r of [...rows].sort((a, b) => b.seconds - a.seconds).slice(0, 5)) console.log(`  sample ${r.sample} cap ${r.cap}: ${r.status} in ${r.seconds.toFixed(2)} s`);
  const total = rows.reduce((sum, r) => sum + r.seconds, 0);
  const file = writeResults("capped-proofs", { machine: machineInfo(), limitSeconds: limit, totalSeconds: total, rows });
  console.log(`total ${total.toFixed(1)} s; rows in ${file}`);
}

await main();
