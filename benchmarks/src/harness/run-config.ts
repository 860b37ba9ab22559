/**
 * One benchmark run in its own process, so that peak memory is measured per run and
 * a monolithic model that runs out of memory cannot take the harness down. Reads
 * `{ tier, seed, config, timeLimitSeconds }` from argv[2] (JSON) and prints one JSON
 * line: the timeline of improvements and the final answer, re-verified by `check`.
 */
import { check, solve, type SolveOptions } from "@shootplan/solver";
import { generateInstance, type Tier } from "../generate-instance.js";
import type { Config, RunRecord, TimelinePoint } from "./records.js";

const CONFIGS: Record<Config, SolveOptions> = {
  "jslp-mip": { strategy: "mip", backend: "jslp" },
  "highs-mip": { strategy: "mip", backend: "highs" },
  auto: { strategy: "auto" },
};

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2] ?? "{}") as { tier: Tier; seed: number; config: Config; timeLimitSeconds: number };
  const problem = generateInstance({ tier: request.tier, seed: request.seed });
  const timeline: TimelinePoint[] = [];
  const started = performance.now();
  const answer = await solve(problem, {
    ...CONFIGS[request.config],
    timeLimitSeconds: request.timeLimitSeconds,
    seed: request.seed,
    onProgress: (p) => timeline.push(p.kind === "plan" ? { seconds: p.seconds, cost: p.cost } : { seconds: p.seconds, bound: p.lowerBound }),
  });
  const seconds = (performance.now() - started) / 1000;
  const verdict = answer.plan === null ? null : check(problem, answer.plan);
  const record: RunRecord = {
    tier: request.tier,
    seed: request.seed,
    config: request.config,
    status: answer.status,
    method: answer.method,
    cost: answer.cost,
    lowerBound: answer.lowerBound,
    gap: answer.gap,
    seconds,
    timeline,
    verified: verdict === null ? null : verdict.valid && verdict.cost?.total === answer.cost,
    peakRssMegabytes: Math.round(process.resourceUsage().maxRSS / 1024),
    variables: answer.model?.variables ?? null,
    failure: null,
  };
  process.stdout.write(`${JSON.stringify(record)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
