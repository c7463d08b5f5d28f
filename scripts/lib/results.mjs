// Reads the JSON reports of vitest and Playwright into passed/failed/skipped counts.
import { existsSync, readFileSync } from 'node:fs';

function readJson(file) {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * vitest's JSON (jest-compatible). A test file that fails to load has no failed test of its
 * own, so it counts as one failure; so does a non-zero exit with nothing else failed
 * (unhandled errors, a crash).
 */
export function countVitest(file, exitCode) {
  const report = readJson(file);
  if (!report) {
    return { passed: 0, failed: 1, skipped: 0, total: 0, note: 'no JSON report (runner crashed?)' };
  }
  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  failed += brokenFiles;
  let note = brokenFiles > 0 ? `${brokenFiles} test file(s) failed to run` : '';
  if (exitCode !== 0 && failed === 0) {
    failed = 1;
    note = `vitest exited with code ${exitCode} (unhandled error?)`;
  }
  return { passed, failed, skipped, total: passed + failed + skipped, note };
}

/**
 * Playwright's JSON: flaky (passed on retry) counts as passed, unexpected as failed.
 * A non-zero exit with nothing failed (web server, config or global setup error) is one
 * failure, except "No tests found", which is zero tests.
 */
export function countPlaywright(file, exitCode, output) {
  const noTests = /No tests found/i.test(output);
  const report = readJson(file);
  if (!report) {
    if (noTests) return { passed: 0, failed: 0, skipped: 0, total: 0, note: 'no tests found' };
    return { passed: 0, failed: 1, skipped: 0, total: 0, note: 'no JSON report (runner crashed?)' };
  }
  const stats = report.stats ?? {};
  const passed = (stats.expected ?? 0) + (stats.flaky ?? 0);
  let failed = stats.unexpected ?? 0;
  const skipped = stats.skipped ?? 0;
  const total = passed + failed + skipped;
  let note = stats.flaky ? `${stats.flaky} flaky (passed on retry)` : '';
  if (total === 0 && (exitCode === 0 || noTests)) {
    return { passed: 0, failed: 0, skipped: 0, total: 0, note: 'no tests found' };
  }
  if (exitCode !== 0 && failed === 0) {
    failed = 1;
    const firstError = report.errors?.[0]?.message?.split('\n')[0];
    note = `playwright exited with code ${exitCode}${firstError ? `: ${firstError}` : ''}`;
  }
  return { passed, failed, skipped, total, note };
}
