import { availableParallelism } from "node:os";

/**
 * Everything the server can be told. Defaults live in {@link defaultConfig} (one place:
 * the README table is tested against it); {@link configFromEnv} reads the
 * `SHOOTPLAN_*` environment variables of {@link envVarNames}.
 */
export interface ServerConfig {
  /** Interface to listen on. Default `127.0.0.1` (loopback only). */
  readonly host: string;
  /** TCP port. Default 3000. */
  readonly port: number;
  /** SQLite file of the durable job store, relative to the working directory; `:memory:` keeps jobs in memory only. Default `data/shootplan.sqlite`. */
  readonly dbPath: string;
  /** Worker threads that solve (one solve each at a time). Default: CPU count minus one, at least 1, so one core keeps serving HTTP. */
  readonly workers: number;
  /** Solves (jobs and synchronous) that may wait for a worker; one more answers 503. Default 64. */
  readonly queueSize: number;
  /** Largest accepted request body in bytes; larger answers 413 before parsing. Default 1 MiB. */
  readonly bodyLimitBytes: number;
  /** Most shoots in one problem (413 above). Default 300. */
  readonly maxShoots: number;
  /** Most crew members in one problem (413 above). Default 300. */
  readonly maxPeople: number;
  /** Most calendar days in the horizon, inclusive (413 above). Default 366. */
  readonly maxDays: number;
  /** Most slots in the horizon: calendar days times `slotsPerDay` (413 above). Default 5000. */
  readonly maxSlots: number;
  /**
   * Most crew slots the plan of `POST /v1/check` may hold: the sum over its scheduled
   * shoots of their slots times (crew + 1); 413 above. Never below the problem's crew
   * and shoots times its horizon slots, what a valid plan can hold; so only plans that
   * must be double-booked many times over are refused. The check runs on the HTTP
   * thread, in time about proportional (0.3 s at 250 000 on a 2-core machine).
   * Default 250 000.
   */
  readonly maxPlanSlots: number;
  /** Cap and default of `timeLimitSeconds` for `POST /v1/solve`, in seconds. Default 10. */
  readonly syncTimeLimitSeconds: number;
  /** Cap of `timeLimitSeconds` for jobs, in seconds (a job without one gets the solver's default, 30 s). Default 600. */
  readonly jobTimeLimitSeconds: number;
  /** Seconds a finished job is kept (and served) after it ends. Default 86400 (one day). */
  readonly jobTtlSeconds: number;
  /** Runs a job gets when its worker dies (crash, killed, out of memory) or the server restarts mid-solve; then it fails. Default 2. */
  readonly maxAttempts: number;
  /** Milliseconds a cancelled solve may take to stop by itself before its worker thread is terminated. Default 2000. */
  readonly cancelGraceMs: number;
  /** Seconds past its time limit after which a solve's worker is terminated as hung. Default 15. */
  readonly watchdogSlackSeconds: number;
  /** Seconds shutdown waits for running solves before stopping them; stopped jobs stay queued in the store and run again after restart. Default 10. */
  readonly shutdownGraceSeconds: number;
  /** V8 heap limit of each worker in MiB; a worker over it dies alone and its job fails or is retried. Default 2048. */
  readonly workerMemoryMb: number;
  /** Accepted bearer API keys; empty (default) switches authentication off. */
  readonly apiKeys: readonly string[];
  /** Requests per client (API key, else IP) per window on `/v1`; 0 (default) switches rate limiting off. */
  readonly rateLimitMax: number;
  /** Rate-limit window in milliseconds. Default 60000. */
  readonly rateLimitWindowMs: number;
  /** Seconds a 503 (queue full) tells clients to wait in `Retry-After`. Default 5. */
  readonly retryAfterSeconds: number;
  /** pino level: `fatal`, `error`, `warn`, `info` (default), `debug`, `trace` or `silent`. */
  readonly logLevel: LogLevel;
  /** Trust `X-Forwarded-*` headers (behind a reverse proxy). Default false. */
  readonly trustProxy: boolean;
}

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
const logLevels: readonly LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

export const defaultConfig: Readonly<ServerConfig> = {
  host: "127.0.0.1",
  port: 3000,
  dbPath: "data/shootplan.sqlite",
  workers: Math.max(1, availableParallelism() - 1),
  queueSize: 64,
  bodyLimitBytes: 1_048_576,
  maxShoots: 300,
  maxPeople: 300,
  maxDays: 366,
  maxSlots: 5000,
  maxPlanSlots: 250_000,
  syncTimeLimitSeconds: 10,
  jobTimeLimitSeconds: 600,
  jobTtlSeconds: 86_400,
  maxAttempts: 2,
  cancelGraceMs: 2000,
  watchdogSlackSeconds: 15,
  shutdownGraceSeconds: 10,
  workerMemoryMb: 2048,
  apiKeys: [],
  rateLimitMax: 0,
  rateLimitWindowMs: 60_000,
  retryAfterSeconds: 5,
  logLevel: "info",
  trustProxy: false,
};

/** The environment variable of each setting. */
export const envVarNames: { readonly [K in keyof ServerConfig]: string } = {
  host: "SHOOTPLAN_HOST",
  port: "SHOOTPLAN_PORT",
  dbPath: "SHOOTPLAN_DB_PATH",
  workers: "SHOOTPLAN_WORKERS",
  queueSize: "SHOOTPLAN_QUEUE_SIZE",
  bodyLimitBytes: "SHOOTPLAN_BODY_LIMIT_BYTES",
  maxShoots: "SHOOTPLAN_MAX_SHOOTS",
  maxPeople: "SHOOTPLAN_MAX_PEOPLE",
  maxDays: "SHOOTPLAN_MAX_DAYS",
  maxSlots: "SHOOTPLAN_MAX_SLOTS",
  maxPlanSlots: "SHOOTPLAN_MAX_PLAN_SLOTS",
  syncTimeLimitSeconds: "SHOOTPLAN_SYNC_TIME_LIMIT_SECONDS",
  jobTimeLimitSeconds: "SHOOTPLAN_JOB_TIME_LIMIT_SECONDS",
  jobTtlSeconds: "SHOOTPLAN_JOB_TTL_SECONDS",
  maxAttempts: "SHOOTPLAN_MAX_ATTEMPTS",
  cancelGraceMs: "SHOOTPLAN_CANCEL_GRACE_MS",
  watchdogSlackSeconds: "SHOOTPLAN_WATCHDOG_SLACK_SECONDS",
  shutdownGraceSeconds: "SHOOTPLAN_SHUTDOWN_GRACE_SECONDS",
  workerMemoryMb: "SHOOTPLAN_WORKER_MEMORY_MB",
  apiKeys: "SHOOTPLAN_API_KEYS",
  rateLimitMax: "SHOOTPLAN_RATE_LIMIT_MAX",
  rateLimitWindowMs: "SHOOTPLAN_RATE_LIMIT_WINDOW_MS",
  retryAfterSeconds: "SHOOTPLAN_RETRY_AFTER_SECONDS",
  logLevel: "SHOOTPLAN_LOG_LEVEL",
  trustProxy: "SHOOTPLAN_TRUST_PROXY",
};

/** Counts that must be at least 1 (the other numbers may be 0, except {@link timeLimits}). */
const positiveSettings = new Set<keyof ServerConfig>(["workers", "bodyLimitBytes", "maxShoots", "maxPeople", "maxDays", "maxSlots", "maxPlanSlots", "jobTtlSeconds", "maxAttempts", "rateLimitWindowMs", "workerMemoryMb"]);
/** Time limits in seconds: any positive amount, fractions included. */
const timeLimits = new Set<keyof ServerConfig>(["syncTimeLimitSeconds", "jobTimeLimitSeconds"]);

/** Thrown at startup for a malformed environment variable; the message names it. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/**
 * Reads the `SHOOTPLAN_*` variables over {@link defaultConfig}. Unset or empty
 * variables keep the default; a malformed one throws {@link ConfigError} so that a
 * typo stops the server instead of silently running with a default.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const config: Record<string, unknown> = { ...defaultConfig };
  for (const key of Object.keys(envVarNames) as (keyof ServerConfig)[]) {
    const name = envVarNames[key];
    const raw = env[name]?.trim();
    if (raw === undefined || raw === "") continue;
    config[key] = parseSetting(key, name, raw);
  }
  return config as unknown as ServerConfig;
}

/** Defaults overlaid with `overrides`, checked like environment input (used by tests and embedders). */
export function resolveConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  const config: ServerConfig = { ...defaultConfig, ...overrides };
  for (const key of Object.keys(envVarNames) as (keyof ServerConfig)[]) {
    const value = config[key];
    if (typeof value === "number") checkNumber(key, key, value);
  }
  return config;
}

function parseSetting(key: keyof ServerConfig, name: string, raw: string): unknown {
  const kind = typeof defaultConfig[key];
  if (key === "apiKeys") return raw.split(",").map((k) => k.trim()).filter((k) => k !== "");
  if (key === "logLevel") {
    if (!logLevels.includes(raw as LogLevel)) throw new ConfigError(`${name} must be one of ${logLevels.join(", ")}, got "${raw}"`);
    return raw;
  }
  if (kind === "boolean") {
    if (raw === "true" || raw === "1") return true;
    if (raw === "false" || raw === "0") return false;
    throw new ConfigError(`${name} must be true or false, got "${raw}"`);
  }
  if (kind === "number") {
    if (!/^\d+(\.\d+)?$/.test(raw)) throw new ConfigError(`${name} must be a non-negative number, got "${raw}"`);
    return checkNumber(key, name, Number(raw));
  }
  return raw;
}

function checkNumber(key: keyof ServerConfig, name: string, value: number): number {
  if (timeLimits.has(key) && !(value > 0 && Number.isFinite(value))) throw new ConfigError(`${name} must be a positive number of seconds, got ${value}`);
  const min = positiveSettings.has(key) ? 1 : 0;
  if (!Number.isFinite(value) || value < min) throw new ConfigError(`${name} must be a number >= ${min}, got ${value}`);
  if (key === "port" && (!Number.isInteger(value) || value > 65_535)) throw new ConfigError(`${name} must be a port number, got ${value}`);
  return value;
}
