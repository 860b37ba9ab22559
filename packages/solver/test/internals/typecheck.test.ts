import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const run = promisify(execFile);
const repo = new URL("../../../../", import.meta.url).pathname;

// Strict type-checking of every package, test, example and benchmark is part of the test run.
it("the whole workspace type-checks under strict NodeNext", async () => {
  const result = await run(`${repo}node_modules/.bin/tsc`, ["-p", "tsconfig.json", "--noEmit"], { cwd: repo, timeout: 300_000 }).then(
    () => "",
    (error: { stdout?: string }) => error.stdout ?? String(error),
  );
  expect(result).toBe("");
}, 300_000);
