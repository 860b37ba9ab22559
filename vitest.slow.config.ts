import { defineConfig } from "vitest/config";

// The heavier suites (large instances), kept out of `npm test`: `npm run test:slow`.
export default defineConfig({
  resolve: { conditions: ["@shootplan/source"] },
  ssr: { resolve: { conditions: ["@shootplan/source"] } },
  test: {
    include: ["packages/*/test/**/slow/**/*.test.ts", "benchmarks/test/slow/**/*.test.ts"],
    setupFiles: ["packages/solver/test/setup/fail-on-console.ts"],
    testTimeout: 300_000,
    pool: "forks",
  },
});
