import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEFAULT_ANCHOR_DATE, TIER_NAMES, generateInstanceWithWitness, type Tier } from "../generate-instance.js";

/**
 * Prints a generated benchmark instance as JSON:
 *   npm run bench:generate -- --tier M --seed 1 > m-1.json
 * Options: --tier S|M|L|XL (default S), --seed N (default 1), --anchor YYYY-MM-DD
 * (default 2027-03-01), --witness (print { problem, witness, stats } instead of the
 * problem), --stats (figures to stderr), --out FILE (write there instead of stdout).
 */
const usage = "usage: generate --tier S|M|L|XL --seed N [--anchor YYYY-MM-DD] [--witness] [--stats] [--out FILE]";

function main(): number {
  const { values } = parseArgs({
    options: {
      tier: { type: "string", default: "S" },
      seed: { type: "string", default: "1" },
      anchor: { type: "string", default: DEFAULT_ANCHOR_DATE },
      witness: { type: "boolean", default: false },
      stats: { type: "boolean", default: false },
      out: { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const tier = values.tier.toUpperCase();
  if (!TIER_NAMES.includes(tier as Tier)) return fail(`unknown tier "${values.tier}"`);
  if (!/^\d+$/.test(values.seed) || !Number.isSafeInteger(Number(values.seed))) return fail(`seed must be a non-negative integer, got "${values.seed}"`);
  const started = performance.now();
  const generated = generateInstanceWithWitness({ tier: tier as Tier, seed: Number(values.seed), anchorDate: values.anchor });
  const json = `${JSON.stringify(values.witness ? generated : generated.problem, null, 2)}\n`;
  if (values.out === undefined) process.stdout.write(json);
  else writeFileSync(values.out, json);
  if (values.stats) process.stderr.write(`${JSON.stringify({ ...generated.stats, generationMs: Math.round(performance.now() - started) })}\n`);
  return 0;
}

function fail(message: string): number {
  process.stderr.write(`${message}\n${usage}\n`);
  return 2;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
