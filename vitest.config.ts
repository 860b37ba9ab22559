import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@shootplan/source"] },
  ssr: { resolve: { conditions: ["@shootplan/source"] } },
  test: {
    include: ["packages/*/test/**/*.test.ts", "benchmarks/test/**/*.test.ts", "examples/test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/slow/**"],
    setupFiles: ["packages/solver/test/setup/fail-on-console.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // The JSON report feeds the plain `tests: N passed, N failed` line of .ci/run.
    reporters: ["default", ["json", { outputFile: ".vitest-report.json" }]],
  },
});
