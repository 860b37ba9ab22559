import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { ConfigError, configFromEnv, defaultConfig, envVarNames, resolveConfig, type ServerConfig } from "../src/config.js";

describe("configFromEnv", () => {
  test("no variables give the defaults", () => {
    expect(configFromEnv({})).toEqual(defaultConfig);
  });

  test("reads numbers, booleans, lists and levels; empty values keep defaults", () => {
    const config = configFromEnv({ SHOOTPLAN_PORT: "8080", SHOOTPLAN_TRUST_PROXY: "true", SHOOTPLAN_API_KEYS: " a, b ,,", SHOOTPLAN_LOG_LEVEL: "debug", SHOOTPLAN_WORKERS: "", SHOOTPLAN_CANCEL_GRACE_MS: "0" });
    expect(config).toMatchObject({ port: 8080, trustProxy: true, apiKeys: ["a", "b"], logLevel: "debug", workers: defaultConfig.workers, cancelGraceMs: 0 });
  });

  test.each([
    ["SHOOTPLAN_PORT", "eighty"],
    ["SHOOTPLAN_PORT", "70000"],
    ["SHOOTPLAN_WORKERS", "0"],
    ["SHOOTPLAN_QUEUE_SIZE", "-1"],
    ["SHOOTPLAN_TRUST_PROXY", "yes"],
    ["SHOOTPLAN_LOG_LEVEL", "loud"],
    ["SHOOTPLAN_SYNC_TIME_LIMIT_SECONDS", "0"],
  ])("%s=%s stops startup with a ConfigError naming the variable", (name, value) => {
    expect(() => configFromEnv({ [name]: value })).toThrow(ConfigError);
    expect(() => configFromEnv({ [name]: value })).toThrow(name);
  });

  test("time limits may be fractions of a second", () => {
    expect(configFromEnv({ SHOOTPLAN_SYNC_TIME_LIMIT_SECONDS: "0.5" }).syncTimeLimitSeconds).toBe(0.5);
  });

  test("overrides from code are checked the same way", () => {
    expect(() => resolveConfig({ maxAttempts: 0 })).toThrow(ConfigError);
  });
});

describe("README", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  /** The README's wording of defaults that are not a literal value. */
  const documentedDefault = (key: keyof ServerConfig): string => (key === "workers" ? "CPU count − 1, at least 1" : key === "apiKeys" ? "(none)" : String(defaultConfig[key]));

  test.each(Object.keys(envVarNames) as (keyof ServerConfig)[])("documents %s with its default", (key) => {
    const row = readme.split("\n").find((line) => line.startsWith(`| \`${envVarNames[key]}\` |`));
    expect(row, `README row for ${envVarNames[key]}`).toBeDefined();
    expect(row?.split("|")[2]?.trim()).toBe(`\`${documentedDefault(key)}\``);
  });

  test("documents no variable the server does not read", () => {
    const documented = [...readme.matchAll(/^\| `(SHOOTPLAN_[A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.values(envVarNames).sort());
  });
});
