#!/usr/bin/env node
/**
 * Runs every suite (unit, then end-to-end in real Chromium) and ends with one line
 * "N passed, N failed" totalling all of them. Exit code is non-zero if anything failed or a suite
 * could not run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
const suites = [
  { name: 'typecheck', cmd: ['npx', 'vue-tsc', '--noEmit', '-p', 'tsconfig.json'], kind: 'check' },
  { name: 'lint', cmd: ['npx', 'eslint', '.'], kind: 'check' },
  { name: 'unit', cmd: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json'], report: 'test-results/unit.json' },
  { name: 'e2e', cmd: ['npx', 'vitest', 'run', '-c', 'tests/e2e/vitest.e2e.config.ts', '--reporter=default', '--reporter=json', '--outputFile=test-results/e2e.json'], report: 'test-results/e2e.json' },
];

let passed = 0;
let failed = 0;
for (const suite of suites) {
  if (suite.report && existsSync(suite.report)) rmSync(suite.report);
  console.log(`\n=== ${suite.name}: ${suite.cmd.join(' ')}`);
  const res = spawnSync(suite.cmd[0], suite.cmd.slice(1), { stdio: 'inherit' });
  if (suite.kind === 'check') {
    // A check is one test: it passes or it does not.
    if (res.status === 0) passed += 1;
    else { failed += 1; console.log(`${suite.name} FAILED (exit ${res.status})`); }
    continue;
  }
  if (!existsSync(suite.report)) {
    failed += 1;
    console.log(`${suite.name}: no report written (exit ${res.status}); counted as one failure`);
    continue;
  }
  const report = JSON.parse(readFileSync(suite.report, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that failed to load has no failed tests but a failed suite: count it.
  const brokenFiles = (report.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  failed += brokenFiles;
  if (report.numPendingTests || report.numTodoTests) console.log(`${suite.name}: ${report.numPendingTests} skipped, ${report.numTodoTests} todo`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
