import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import autocannon from "autocannon";

/**
 * How responsive is the HTTP thread while every worker solves? Starts the real
 * server (`src/server.ts`, in its own process so the load generator does not share
 * its event loop), measures `/healthz` idle, then keeps every worker solving (and
 * jobs waiting behind them) while measuring again. Prints p50/p99/max latency in
 * milliseconds with the machine and date, for the README.
 *
 * Usage: `npm run bench -w @shootplan/server [-- seconds connections]` (defaults: 10 s, 10 connections).
 */

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 10);
const problem: unknown = JSON.parse(readFileSync(new URL("../../../examples/brand-campaign-week.json", import.meta.url), "utf8"));

interface Readiness {
  readonly workers: number;
  readonly running: number;
  readonly queued: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitUntil(probe: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function measure(url: string): Promise<{ p50: number; p99: number; max: number; requestsPerSecond: number; errors: number; non2xx: number }> {
  const result = await autocannon({ url, connections, duration: seconds });
  return { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, requestsPerSecond: Math.round(result.requests.average), errors: result.errors, non2xx: result.non2xx };
}

async function main(): Promise<void> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const readiness = async (): Promise<Readiness> => (await (await fetch(`${base}/readyz`)).json()) as Readiness;
  const submit = async (): Promise<void> => {
    await fetch(`${base}/v1/jobs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ problem, options: { timeLimitSeconds: 60 } }) });
  };
  const server = spawn(process.execPath, ["--import", "tsx", "--conditions=@shootplan/source", "src/server.ts"], {
    cwd: new URL("..", import.meta.url),
    env: { ...process.env, SHOOTPLAN_PORT: String(port), SHOOTPLAN_DB_PATH: ":memory:", SHOOTPLAN_LOG_LEVEL: "warn", SHOOTPLAN_SHUTDOWN_GRACE_SECONDS: "0" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  try {
    await waitUntil(async () => (await fetch(`${base}/readyz`)).ok, 30_000, "the server");
    const { workers } = await readiness();
    const idle = await measure(`${base}/healthz`);

    // Solves may end early (proven optimal): keep `workers` jobs waiting so no worker ever idles, and sample how busy they are.
    for (let i = 0; i < workers * 2; i++) await submit();
    await waitUntil(async () => (await readiness()).running === workers, 30_000, "every worker to solve");
    let feeding = true;
    let minBusy = workers;
    const feeder = (async () => {
      while (feeding) {
        const now = await readiness();
        minBusy = Math.min(minBusy, now.running);
        if (now.queued < workers) await submit();
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const loaded = await measure(`${base}/healthz`);
    feeding = false;
    await feeder;

    const machine = `${cpus()[0]?.model ?? "unknown CPU"}, ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    // The load average says whether other work shared the machine during the run.
    const report = { date: new Date().toISOString().slice(0, 10), machine, loadAverage1m: Number(loadavg()[0]?.toFixed(2)), workers, seconds, connections, idle, underFullSolveLoad: { ...loaded, fewestWorkersBusy: minBusy } };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    server.kill("SIGTERM");
  }
}

await main();
