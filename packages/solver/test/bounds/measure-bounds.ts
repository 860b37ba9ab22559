/**
 * Measures the lower bounds (not a test: nothing is asserted, numbers are printed).
 *
 *   npx tsx --conditions=@shootplan/source packages/solver/test/bounds/measure-bounds.ts [tiers] [seed]
 *
 * tiers: comma-separated from EX (examples/brand-campaign-week.json), S, M, L, XL;
 * default all. Generated tiers need benchmarks/src/generate-instance.ts. For each:
 * combinatorial bound (value, ms), LP relaxation and branch-and-bound dual bound (value,
 * seconds, or why not), and the reference cost: the proven optimum for EX, the
 * generator's witness plan (a feasible plan, so >= the optimum) for the tiers.
 */
import { readFileSync } from "node:fs";
import { combinatorialBoundDetails } from "../../src/bounds/combinatorial-bound.js";
import { lpRelaxationBoundDetails, mipRootBoundDetails, type MilpBoundDetails } from "../../src/bounds/lp-bound.js";
import { parseProblem } from "../../src/domain/parse-problem.js";
import { buildPlanningModel } from "../../src/model/build-planning-model.js";
import type { PlanningModel } from "../../src/model/planning-model.js";

interface Instance {
  readonly name: string;
  readonly input: unknown;
  /** Reference cost in minor units and what it is. */
  readonly reference: { readonly cost: number; readonly kind: "optimum" | "witness" };
}

interface GeneratorModule {
  generateInstanceWithWitness(options: { tier: string; seed: number }): { problem: unknown; witness: { cost: { total: number } } };
}

const root = new URL("../../../../", import.meta.url);

async function instance(name: string, seed: number): Promise<Instance> {
  if (name === "EX") {
    const input = JSON.parse(readFileSync(new URL("examples/brand-campaign-week.json", root), "utf8")) as unknown;
    return { name, input, reference: { cost: 2_151_000, kind: "optimum" } };
  }
  // A computed specifier: the benchmarks package is optional for the solver and not type-coupled.
  const specifier = new URL("benchmarks/src/generate-instance.ts", root).href;
  const generator = (await import(specifier)) as GeneratorModule;
  const generated = generator.generateInstanceWithWitness({ tier: name, seed });
  return { name: `${name}#${seed}`, input: generated.problem, reference: { cost: Math.round(generated.witness.cost.total * 100), kind: "witness" } };
}

/** Wall-clock and CPU seconds of a call (CPU is what matters on a shared, loaded machine). */
async function timed<T>(run: () => Promise<T> | T): Promise<{ result: T; wall: number; cpu: number }> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(cpu);
  return { result, wall: (performance.now() - wall) / 1000, cpu: (used.user + used.system) / 1e6 };
}

function describe(run: { result: MilpBoundDetails; wall: number; cpu: number }, reference: number): string {
  const details = run.result;
  const time = `${run.wall.toFixed(2)} s wall, ${run.cpu.toFixed(2)} s CPU (${details.variables} columns)`;
  if (details.value === null) return `${details.status} after ${time}`;
  return `${(details.value / 100).toFixed(2)} = ${percent(details.value, reference)} in ${time}`;
}

function percent(value: number, reference: number): string {
  return `${((100 * value) / reference).toFixed(1)} %`;
}

async function measure(model: PlanningModel, reference: number, tier: string): Promise<void> {
  const cold = await timed(() => combinatorialBoundDetails(model));
  const warm = await timed(() => combinatorialBoundDetails(model));
  const combinatorial = cold.result;
  const ms = (run: { wall: number; cpu: number }) => `${(run.wall * 1000).toFixed(0)} ms wall / ${(run.cpu * 1000).toFixed(0)} ms CPU`;
  console.log(`  combinatorial: ${(combinatorial.value / 100).toFixed(2)} = ${percent(combinatorial.value, reference)}; first call ${ms(cold)}, again ${ms(warm)}; weighting ${combinatorial.weighting}, hold spans ${combinatorial.holdSpans}`);
  const parts = Object.entries(combinatorial.parts).map(([k, v]) => `${k} ${(v / 100).toFixed(2)}`).join(", ");
  console.log(`    parts: ${parts}`);
  const big = tier === "L" || tier === "XL";
  const lp = await timed(() => lpRelaxationBoundDetails(model, { timeLimitSeconds: big ? 120 : 60, maxVariables: big ? 0 : 100_000 }));
  console.log(`  LP relaxation (limit 60 s): ${describe(lp, reference)}`);
  for (const seconds of big ? [] : tier === "M" ? [20] : [1, 3, 10]) {
    const mip = await timed(() => mipRootBoundDetails(model, { timeLimitSeconds: seconds, maxVariables: 100_000 }));
    console.log(`  MIP dual bound after ${seconds} s: ${describe(mip, reference)}`);
  }
  const defaults = await lpRelaxationBoundDetails(model, { timeLimitSeconds: 12 });
  console.log(`  LP with the default size guard at 12 s: ${defaults.status}`);
}

async function main(): Promise<void> {
  const tiers = (process.argv[2] ?? "EX,S,M,L,XL").split(",");
  const seed = Number(process.argv[3] ?? 1);
  for (const tier of tiers) {
    const { name, input, reference } = await instance(tier, seed);
    const model = buildPlanningModel(parseProblem(input));
    console.log(`${name}: ${model.shoots.length} shoots, ${model.people.length} crew, ${model.dates.length} days x ${model.slotsPerDay} slots; ${reference.kind} ${(reference.cost / 100).toFixed(2)}`);
    await measure(model, reference.cost, tier);
  }
}

await main();
