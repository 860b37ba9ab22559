import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { regenerateCommand, schemaFiles } from "./schema-files.js";

// Writes packages/solver/schema/*.schema.json from the zod schemas.
// Usage: npm run schema            (write)
//        npm run schema -- --check (exit 1 when a committed file is stale; writes nothing)

const packageRoot = fileURLToPath(new URL("../", import.meta.url));
const checkOnly = process.argv.includes("--check");
let stale = 0;

for (const file of schemaFiles()) {
  const target = `${packageRoot}${file.path}`;
  let current: string | null = null;
  try {
    current = readFileSync(target, "utf8");
  } catch {
    // Missing file: written below, or stale in --check mode.
  }
  if (current === file.text) {
    console.log(`unchanged ${file.path}`);
    continue;
  }
  stale += 1;
  if (checkOnly) {
    console.error(`stale     ${file.path}`);
    continue;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, file.text);
  console.log(`wrote     ${file.path}`);
}

if (checkOnly && stale > 0) {
  console.error(`${stale} schema file(s) are stale: run \`${regenerateCommand}\`.`);
  process.exitCode = 1;
}
