#!/usr/bin/env node
// The published CLI entry: the compiled TypeScript in dist/ (built by `npm run build`,
// which `npm ci` runs through the `prepare` script).
import "../dist/cli/main.js";
