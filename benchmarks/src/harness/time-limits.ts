/**
 * `npm run bench:time-limits [-- --seed 1 --tiers S,M,L,XL]`
 *
 * Whether `solve` honours short time limits: solves the seeded instance of each tier
 * with `auto` under limits from below what a first plan needs up to a few seconds,
 * and prints the wall time of each call (instance generation excluded; parsing,
 * model building, the search and the final check included), how far it ran over, and
 * the answer's cost and gap.
 * Writes the rows as JSON under benchmarks/results/. A measurement, not a test: the
 * tests never assert on time.
 */
import { parseArgs } from "node:util";
import { solve } from "@shootplan/solver";
import { generateInstance, type Tier } from "../generate-instance.js";
import { machineInfo, writeResults } from "./results-file.js";

/** Limits tried per tier, in seconds: the smallest are below what the tier's first plan needs. */
const LIMITS: Record<Tier, readonly number[]> = { S: [0.1, 0.5, 1, 2, 3], M: [0.1, 0.5, 1, 3], L: [0.2, 0.5, 1, 3], XL: [1, 2, 3, 5] };

interface LimitRow {
  readonly tier: Tier;
  readonly seed: number;
  readonly limitSeconds: number;
  readonly status: string;
  readonly wallSeconds: number;
  /** Wall time beyond the limit, in seconds (0 when within it). */
  readonly overSeconds: number;
  readonly cost: number | null;
  /** (cost - lower bound) / cost, a fraction; null without a plan or bound. */
  readonly gap: number | null;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seed: { type: "string", default: "1" }, tiers: { type: "string", default: "S,M,L,XL" } } });
  const seed = Number(values.seed);
  const tiers = values.tiers.split(",") as Tier[];
  const rows: LimitRow[] = [];
  for (const tier of tiers) {
    const limits = LIMITS[tier];
    if (limits === undefined) throw new Error(`--tiers takes S, M, L and XL, got ${tier}`);
    const problem = generateInstance({ tier, seed });
    for (const limitSeconds of limits) {
      const started = performance.now();
      const answer = await solve(problem, { timeLimitSeconds: limitSeconds, seed });
      const wallSeconds = (performance.now() - started) / 1000;
      const row = { tier, seed, limitSeconds, status: answer.status, wallSeconds, overSeconds: Math.max(0, wallSeconds - limitSeconds), cost: answer.cost, gap: answer.gap };
      rows.push(row);
      const gap = row.gap === null ? "-" : `${(row.gap * 100).toFixed(2)} %`;
      console.log(`${tier}-${seed}  limit ${limitSeconds.toFixed(1)} s  ${row.status.padEnd(8)}  wall ${wallSeconds.toFixed(2)} s  over ${row.overSeconds.toFixed(2)} s  cost ${row.cost ?? "-"}  gap ${gap}`);
    }
  }
  if (rows.length === 0) throw new Error("no run: pass at least one tier");
  const file = writeResults("time-limits", { machine: machineInfo(), rows });
  console.log(`worst overrun ${Math.max(...rows.map((r) => r.overSeconds)).toFixed(2)} s; rows in ${file}`);
}

await main();
