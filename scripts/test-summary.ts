import { readFileSync } from 'node:fs';

/**
 * Prints the one line CI reads, `N passed, N failed`, from vitest's JSON report (all projects:
 * unit, integration and e2e). A missing or unreadable report counts as a failure.
 */
const path = process.argv[2] ?? '.test-results/vitest.json';
let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(readFileSync(path, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numFailedTestSuites: number;
  };
  passed = report.numPassedTests;
  // A file that fails to load has no tests to count: count it as one failure.
  failed = report.numFailedTests + (report.numFailedTests === 0 ? report.numFailedTestSuites : 0);
} catch (error) {
  console.error(`No test report at ${path}: ${(error as Error).message}`);
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
