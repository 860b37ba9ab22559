/**
 * `npm run bench:repair [-- --seed 1 --tiers S,M,L,XL --time-limit 10]`
 *
 * How fast and how gently `repair` mends a plan after the changes coordinators meet:
 * for each tier's seeded instance it makes a plan (`solve` with `auto`, a fixed
 * iteration limit at M and above so the earlier plan is the same in every run),
 * then repairs it after each scenario: the busiest crew member ill on the first date
 * they work, the most used location lost on its busiest date, and an urgent copy of a
 * shoot added. Prints the wall time of each repair call, its status, the changed
 * assignments, and the cost before and after; every repaired plan is re-verified by
 * the checker. Writes the rows as JSON under benchmarks/results/. A measurement, not
 * a test: the tests never assert on time.
 */
import { parseArgs } from "node:util";
import { check, repair, solve, type Plan, type ProblemInput } from "@shootplan/solver";
import { generateInstance, type Tier } from "../generate-instance.js";
import { machineInfo, writeResults } from "./results-file.js";

/**
 * Iterations of the neighbourhood search for the earlier plan (S: proven optimal, no
 * limit). Few enough to end well before the 120 s limit, so that the earlier plan, and
 * with it every scenario, is the same in every run: at L, 20 iterations ran into the
 * limit and the earlier plan varied between runs (593 510-596 100); 5 take about 35 s.
 */
const EARLIER_ITERATIONS: Record<Tier, number | null> = { S: null, M: 20, L: 5, XL: 2 };

/** Change penalty per changed assignment, in the instance's currency (about a tenth of a day rate). */
const CHANGE_PENALTY = 50;

type Scenario = "crew-ill" | "location-lost" | "urgent-shoot";
type Editable = ProblemInput & { crew: { id: string; unavailable?: unknown[] }[]; locations: { id: string; unavailable?: unknown[] }[] };

interface RepairRow {
  readonly tier: Tier;
  readonly seed: number;
  readonly scenario: Scenario;
  readonly change: string;
  readonly status: string;
  readonly method: string;
  readonly wallSeconds: number;
  readonly shoots: number;
  readonly changedAssignments: number | null;
  readonly earlierCost: number;
  readonly cost: number | null;
  readonly objective: number | null;
  readonly gap: number | null;
  readonly checked: boolean;
}

/** The problem after one scenario, and the change in words. */
function applyScenario(problem: Editable, plan: Plan, scenario: Scenario): { changed: Editable; change: string } {
  const changed = structuredClone(problem);
  if (scenario === "crew-ill") {
    const days = new Map<string, number>();
    for (const s of plan.shoots) for (const c of s.crew) days.set(c.person, (days.get(c.person) ?? 0) + s.days.length);
    const person = [...days].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? "";
    const date = plan.shoots.filter((s) => s.crew.some((c) => c.person === person)).map((s) => s.days[0] ?? "").sort()[0] ?? "";
    const who = changed.crew.find((c) => c.id === person);
    if (who !== undefined) who.unavailable = [...(who.unavailable ?? []), { from: date }];
    return { changed, change: `${person} ill on ${date}` };
  }
  if (scenario === "location-lost") {
    const use = new Map<string, number>();
    for (const s of plan.shoots) for (const d of s.days) use.set(`${s.location} ${d}`, (use.get(`${s.location} ${d}`) ?? 0) + 1);
    const [key] = [...use].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [""];
    const [location, date] = key.split(" ");
    const where = changed.locations.find((l) => l.id === location);
    if (where !== undefined) where.unavailable = [...(where.unavailable ?? []), { from: date ?? "" }];
    return { changed, change: `${location} lost on ${date}` };
  }
  const model = changed.shoots[0];
  if (model !== undefined) changed.shoots = [...changed.shoots, { ...structuredClone(model), id: "urgent-shoot", after: [] }];
  return { changed, change: `urgent copy of ${model?.id ?? "?"}` };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seed: { type: "string", default: "1" }, tiers: { type: "string", default: "S,M,L,XL" }, "time-limit": { type: "string", default: "10" } } });
  const seed = Number(values.seed);
  const timeLimitSeconds = Number(values["time-limit"]);
  const rows: RepairRow[] = [];
  for (const tier of values.tiers.split(",") as Tier[]) {
    const problem = generateInstance({ tier, seed }) as unknown as Editable;
    const iterationLimit = EARLIER_ITERATIONS[tier];
    const first = await solve(problem, { seed, timeLimitSeconds: 120, ...(iterationLimit === null ? {} : { iterationLimit }) });
    if (first.plan === null || first.cost === null) throw new Error(`${tier}-${seed}: no earlier plan (${first.status})`);
    console.log(`${tier}-${seed}: earlier plan ${first.status}, cost ${first.cost}`);
    for (const scenario of ["crew-ill", "location-lost", "urgent-shoot"] as const) {
      const { changed, change } = applyScenario(problem, first.plan, scenario);
      const started = performance.now();
      const answer = await repair({ problem: changed, earlierPlan: first.plan, changePenalty: CHANGE_PENALTY }, { seed, timeLimitSeconds });
      const wallSeconds = (performance.now() - started) / 1000;
      const row: RepairRow = {
        tier, seed, scenario, change, status: answer.status, method: answer.method, wallSeconds, shoots: changed.shoots.length,
        changedAssignments: answer.changedAssignments, earlierCost: first.cost, cost: answer.cost, objective: answer.objective, gap: answer.gap,
        checked: answer.plan !== null && check(changed, answer.plan).valid,
      };
      rows.push(row);
      const gap = row.gap === null ? "-" : `${(row.gap * 100).toFixed(2)} %`;
      console.log(`  ${scenario.padEnd(13)} ${row.status.padEnd(8)} ${row.method.padEnd(4)} wall ${wallSeconds.toFixed(2)} s  changed ${row.changedAssignments ?? "-"}  cost ${first.cost} -> ${row.cost ?? "-"}  gap ${gap}  checked ${row.checked ? "yes" : "no"}  (${change})`);
    }
  }
  if (rows.length === 0) throw new Error("no run: pass at least one tier");
  console.log(`rows in ${writeResults("repairs", { machine: machineInfo(), timeLimitSeconds, changePenalty: CHANGE_PENALTY, rows })}`);
}

await main();
