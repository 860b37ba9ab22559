/**
 * Where the harnesses record their runs: `benchmarks/results/<name>-<UTC minute>.json`,
 * with the machine they ran on (results are only comparable on the same machine).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";

export interface MachineInfo {
  readonly cpus: number;
  readonly model: string;
  readonly memoryGiB: number;
  readonly node: string;
  /** One-minute load average when it was read. */
  readonly load: number;
}

export function machineInfo(): MachineInfo {
  return { cpus: cpus().length, model: cpus()[0]?.model ?? "?", memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, load: loadavg()[0] ?? 0 };
}

/** Writes `content` as indented JSON to results/<name>-<YYYY-MM-DD-HH-MM>.json and returns the file's path. */
export function writeResults(name: string, content: unknown): string {
  const directory = new URL("../../results/", import.meta.url);
  mkdirSync(directory, { recursive: true });
  const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, "-");
  const file = new URL(`${name}-${stamp}.json`, directory);
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
  return file.pathname;
}
