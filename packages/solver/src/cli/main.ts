#!/usr/bin/env node
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { InvalidPlanError, InvalidProblemError, SolverError, callSheet, check, formatCallSheet, planCalendar, repair, solve, type SolveOptions } from "../index.js";
import { formatPath } from "../errors.js";

const USAGE = `usage:
  shootplan solve <problem.json> [--time-limit S] [--backend highs|jslp] [--seed N] [--strategy auto|mip|lns] [--gap F] [--iterations N]
  shootplan check <problem.json> <plan-or-answer.json>
  shootplan repair <problem.json> <earlier-plan-or-answer.json> --change-penalty AMOUNT [--pin SHOOT]... [solve's flags]
  shootplan repair <repair-request.json> [solve's flags]
  shootplan calendar <problem.json> <plan-or-answer.json> [--person ID | --location ID] [--sequence N] [--earlier EARLIER.json]
  shootplan call-sheet <problem.json> <plan-or-answer.json> --date YYYY-MM-DD

solve and repair print the answer as JSON on stdout; check prints the verdict.
repair takes the problem after the change and the plan made before it (or one
request file, as the HTTP service takes it); --pin keeps a shoot as it was.
calendar prints the plan as iCalendar (.ics; one person's or location's shoots with
--person or --location; a higher --sequence updates events imported before, and
--earlier names the plan it replaces, whose events it no longer has are cancelled);
call-sheet prints one date's shoots, crew calls and rentals as Markdown.
Exit codes: 0 answered (any status) or plan valid, 3 plan has violations, 2
invalid input (the issues go to stderr), 1 anything else.`;

/** Exit code 2: the user's input is at fault. */
class UsageError extends Error {}

const OPTIONS = {
  "time-limit": { type: "string" },
  backend: { type: "string" },
  seed: { type: "string" },
  strategy: { type: "string" },
  iterations: { type: "string" },
  gap: { type: "string" },
  "change-penalty": { type: "string" },
  pin: { type: "string", multiple: true },
  person: { type: "string" },
  location: { type: "string" },
  sequence: { type: "string" },
  date: { type: "string" },
  earlier: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** The flags, with node's parse errors (unknown flag, missing value: `ERR_PARSE_ARGS_*`) as usage errors. */
function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== "string" || !code.startsWith("ERR_PARSE_ARGS_")) throw error;
    // Node names the flag; a value starting with "-" reads as a flag ("--seed -1"; "--seed=-1" works).
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv);
  const [command, ...files] = positionals;
  if (values.help === true || command === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return values.help === true ? 0 : 2;
  }
  if (command === "solve" && files.length === 1) {
    const answer = await solve(await readJson(files[0] ?? ""), solveOptions(values));
    process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
    return 0;
  }
  if (command === "repair" && (files.length === 1 || files.length === 2)) {
    const answer = await repair(await repairRequest(files, values), solveOptions(values));
    process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
    return 0;
  }
  if (command === "check" && files.length === 2) {
    const problem = await readJson(files[0] ?? "");
    const raw = (await readJson(files[1] ?? "")) as { plan?: unknown };
    // Accept either a bare plan or a whole answer from `solve`.
    const verdict = check(problem, typeof raw === "object" && raw !== null && "plan" in raw ? raw.plan : raw);
    process.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
    return verdict.valid ? 0 : 3;
  }
  if (command === "calendar" && files.length === 2) {
    const [problem, plan] = [await readJson(files[0] ?? ""), await readJson(files[1] ?? "")];
    const options = {
      ...(values.person !== undefined ? { person: values.person } : {}),
      ...(values.location !== undefined ? { location: values.location } : {}),
      ...(values.sequence !== undefined ? { sequence: number(values.sequence, "--sequence") } : {}),
      ...(values.earlier !== undefined ? { earlierPlan: await readJson(values.earlier) } : {}),
    };
    process.stdout.write(planCalendar(problem, plan, options));
    return 0;
  }
  if (command === "call-sheet" && files.length === 2) {
    if (values.date === undefined) throw new UsageError(`call-sheet needs --date YYYY-MM-DD\n${USAGE}`);
    process.stdout.write(formatCallSheet(callSheet(await readJson(files[0] ?? ""), await readJson(files[1] ?? ""), values.date)));
    return 0;
  }
  throw new UsageError(USAGE);
}

type Flags = ReturnType<typeof parseFlags>["values"];

function solveOptions(values: Flags): SolveOptions {
  return {
    ...(values["time-limit"] !== undefined ? { timeLimitSeconds: number(values["time-limit"], "--time-limit") } : {}),
    ...(values.backend !== undefined ? { backend: values.backend as "highs" | "jslp" } : {}),
    ...(values.seed !== undefined ? { seed: number(values.seed, "--seed") } : {}),
    ...(values.strategy !== undefined ? { strategy: values.strategy as "auto" | "mip" | "lns" } : {}),
    ...(values.iterations !== undefined ? { iterationLimit: number(values.iterations, "--iterations") } : {}),
    ...(values.gap !== undefined ? { relativeGap: number(values.gap, "--gap") } : {}),
  };
}

/** One file: the whole request. Two: the problem and the earlier plan (or a whole answer), the rest from flags. */
async function repairRequest(files: readonly string[], values: Flags): Promise<unknown> {
  if (files.length === 1) {
    if (values["change-penalty"] !== undefined || values.pin !== undefined) throw new UsageError("--change-penalty and --pin go with two files (problem and earlier plan); a request file carries them itself");
    return readJson(files[0] ?? "");
  }
  if (values["change-penalty"] === undefined) throw new UsageError(`repair needs --change-penalty (per changed assignment, in the problem's currency)\n${USAGE}`);
  const problem = await readJson(files[0] ?? "");
  const earlier = (await readJson(files[1] ?? "")) as { plan?: unknown };
  return {
    problem,
    earlierPlan: typeof earlier === "object" && earlier !== null && "plan" in earlier ? earlier.plan : earlier,
    changePenalty: number(values["change-penalty"], "--change-penalty"),
    pinnedShoots: values.pin ?? [],
  };
}

/** Decimal notation only: `Number` would also take "0x10", "0b1" and "Infinity". */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function number(text: string, flag: string): number {
  if (!DECIMAL.test(text.trim())) throw new UsageError(`${flag} must be a decimal number, got "${text}"`);
  return Number(text);
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

function report(error: unknown): number {
  if (error instanceof InvalidProblemError || error instanceof InvalidPlanError) {
    process.stderr.write(`${error.code}: ${error.issues.length} issue(s)\n`);
    for (const issue of error.issues) process.stderr.write(`  ${formatPath(issue.path)} [${issue.code}] ${issue.message}\n`);
    return 2;
  }
  if (error instanceof UsageError || (error instanceof SolverError && error.code === "SCHED_ERR_OPTIONS_INVALID")) {
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  process.stderr.write(`${error instanceof SolverError ? `${error.code}: ` : ""}${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = report(error);
  },
);
