#!/usr/bin/env node
// `npm test`: dependencies, a Chromium, then typecheck, lint, knip (unused code), unit tests, build and e2e.
// The last line printed is always `N passed, N failed[, N skipped]`: CI reads it.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium, INSTALL_HINT } from './lib/chromium.mjs';
import { ensureDependencies } from './lib/deps.mjs';
import { bold, dim, error, green, header, info, red, seconds, warn } from './lib/log.mjs';
import { runBin } from './lib/proc.mjs';
import { countPlaywright, countVitest } from './lib/results.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const startedAt = Date.now();

/**
 * One row per stage. `hasTests` is false for typecheck, lint, knip and build: passing adds nothing
 * to the count, failing counts as one failed test.
 * @type {{ name: string, hasTests: boolean, passed: number, failed: number, skipped: number, note: string, ms: number }[]}
 */
const results = [];

function describeCounts(r) {
  if (!r.hasTests) return r.failed > 0 ? 'failed (counts as 1)' : 'ok';
  return `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`;
}

function record(name, hasTests, counts, t0) {
  const r = { name, hasTests, passed: 0, failed: 0, skipped: 0, note: '', ...counts, ms: Date.now() - t0 };
  results.push(r);
  const verdict = r.failed > 0 ? red('FAILED') : green('ok');
  const detail = r.hasTests ? ` (${describeCounts(r)})` : '';
  const note = r.note ? ` ${dim(`- ${r.note}`)}` : '';
  console.log(`${bold(name)}: ${verdict}${detail}${note} ${dim(`[${seconds(r.ms)}]`)}`);
  return r;
}

function finish() {
  const sum = (key) => results.reduce((total, r) => total + r[key], 0);
  const passed = sum('passed');
  const failed = sum('failed');
  const skipped = sum('skipped');
  header('summary');
  for (const r of results) {
    const mark = r.failed > 0 ? red('✗') : green('✓');
    const short = r.note.length > 70 ? `${r.note.slice(0, 69)}…` : r.note;
    const note = short ? `  ${dim(short)}` : '';
    console.log(`${mark} ${r.name.padEnd(13)} ${describeCounts(r).padEnd(32)} ${seconds(r.ms).padStart(7)}${note}`);
  }
  console.log(dim(`total time ${seconds(Date.now() - startedAt)}`));
  const line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
  console.log(failed > 0 ? red(line) : green(line));
  process.exit(failed > 0 ? 1 : 0);
}

// A bug in this script must still end with the summary line, counted as a failure.
process.on('uncaughtException', (err) => {
  error(`scripts/test.mjs crashed: ${err?.stack ?? err}`);
  record('test script', false, { failed: 1, note: 'crashed' }, Date.now());
  finish();
});

/** typecheck, lint, knip, build: commands with no test results of their own. */
async function commandStage(name, packageName, binName, args) {
  header(name);
  const t0 = Date.now();
  const { code } = await runBin(root, packageName, binName, args);
  return record(name, false, code === 0 ? {} : { failed: 1, note: `exit code ${code}` }, t0);
}

async function unitStage(reportDir) {
  header('unit tests');
  const t0 = Date.now();
  const reportFile = path.join(reportDir, 'vitest.json');
  const { code } = await runBin(root, 'vitest', 'vitest', [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile}`,
    '--passWithNoTests',
  ]);
  const counts = countVitest(reportFile, code);
  if (counts.total === 0 && counts.failed === 0) warn('no unit tests found (src/**/*.test.ts)');
  return record('unit tests', true, counts, t0);
}

async function e2eStage(reportDir, build, chromiumPath) {
  header('e2e');
  const t0 = Date.now();
  if (build.failed > 0) {
    error('the build failed, so the end-to-end tests cannot run');
    return record('e2e', true, { failed: 1, note: 'not run: build failed' }, t0);
  }
  if (!chromiumPath) {
    error('no Chromium, so the end-to-end tests cannot run (see "chromium" above)');
    return record('e2e', true, { failed: 1, note: 'not run: no Chromium' }, t0);
  }
  const reportFile = path.join(reportDir, 'playwright.json');
  const { code, output } = await runBin(
    root,
    '@playwright/test',
    'playwright',
    ['test', '--reporter=list,json', '--pass-with-no-tests'],
    { env: { PLAYWRIGHT_JSON_OUTPUT_FILE: reportFile, CHROMIUM_PATH: chromiumPath } },
  );
  const counts = countPlaywright(reportFile, code, output);
  if (counts.total === 0 && counts.failed === 0) warn('no end-to-end tests found (e2e/**/*.spec.ts)');
  return record('e2e', true, counts, t0);
}

// a. dependencies
header('dependencies');
{
  const t0 = Date.now();
  if (!(await ensureDependencies(root))) {
    error('could not install dependencies; nothing else can run');
    record('dependencies', false, { failed: 1, note: 'npm install failed' }, t0);
    finish();
  }
}

// b. a Chromium for Playwright
header('chromium');
const chromium = await ensureChromium(root);
if (chromium.path) {
  process.env.CHROMIUM_PATH = chromium.path;
  info(`chromium: ${chromium.path} (${chromium.source})`);
} else {
  error(INSTALL_HINT);
}

// c. stages; each runs even when an earlier one failed, except e2e after a failed build
const reportDir = mkdtempSync(path.join(os.tmpdir(), 'tidemark-test-'));
await commandStage('typecheck', 'typescript', 'tsc', ['--noEmit', '-p', 'tsconfig.json']);
await commandStage('lint', 'eslint', 'eslint', ['.', '--cache', '--cache-location', 'node_modules/.cache/eslint/']);
await commandStage('knip', 'knip', 'knip', []);
await commandStage('format', 'prettier', 'prettier', ['--check', '.']);
await unitStage(reportDir);
const build = await commandStage('build', 'vite', 'vite', ['build']);
await e2eStage(reportDir, build, chromium.path);

// the JSON reports are kept only when something failed
if (results.some((r) => r.failed > 0)) info(`JSON reports kept in ${reportDir}`);
else rmSync(reportDir, { recursive: true, force: true });

finish();
