// Prints the plain closing line CI reads, `tests: N passed, N failed`, from vitest's
// JSON report. A missing or empty report counts as a failure: a run that tested
// nothing must never look green.
import { existsSync, readFileSync } from "node:fs";

const file = process.argv[2] ?? ".vitest-report.json";
let passed = 0;
let failed = 1;
if (existsSync(file)) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed = report.numPassedTests ?? 0;
  failed = (report.numFailedTests ?? 0);
  // A suite that fails to load (syntax or import error) has no failed test but must still fail.
  if ((report.numFailedTestSuites ?? 0) > 0 && failed === 0) failed = report.numFailedTestSuites;
  if ((report.numTotalTests ?? 0) === 0) failed = Math.max(failed, 1);
  if (report.success === false && failed === 0) failed = 1;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
