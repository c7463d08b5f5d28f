#!/usr/bin/env node
// Measures the walking skeleton in headless Chromium: steps/s and events/s of the example flow at
// max speed (with storage on, as a person runs it), and how long a reload with ~100k stored events
// takes to show the last state. Needs a built app (`npx vite build`). Prints one JSON object.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { get } from 'node:http';
import { chromium } from '@playwright/test';

const PORT = 4190;
const BASE = `http://127.0.0.1:${PORT}`;
const RUN_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const TARGET_EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const server = spawn(
  process.execPath,
  [
    'node_modules/vite/bin/vite.js',
    'preview',
    '--outDir',
    process.env.BENCH_DIST ?? 'dist',
    '--port',
    String(PORT),
    '--strictPort',
    '--host',
    '127.0.0.1',
  ],
  { stdio: 'ignore' },
);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForServer() {
  for (let i = 0; i < 300; i++) {
    const up = await new Promise((resolve) => {
      // node:http rather than fetch: fetch fails here once @playwright/test is loaded
      get(BASE, (res) => resolve(res.statusCode === 200)).on('error', () => resolve(false));
    });
    if (up) return;
    await sleep(100);
  }
  throw new Error('preview server did not start');
}

/** Reads "Step X of Y" from the run controls. */
async function status(page) {
  const text = await page
    .getByText(/^Step \d[\d,]* of \d[\d,]*/)
    .first()
    .textContent();
  const [, cursor, head] = /Step ([\d,]+) of ([\d,]+)/.exec(text ?? '') ?? [];
  return { cursor: Number(cursor?.replaceAll(',', '')), head: Number(head?.replaceAll(',', '')) };
}

async function published(page) {
  const text = await page
    .getByRole('group', { name: 'producer Orders' })
    .or(page.getByLabel('producer Orders'))
    .first()
    .textContent();
  return Number(/published\s*([\d,]+)/.exec(text ?? '')?.[1]?.replaceAll(',', '') ?? NaN);
}

try {
  await waitForServer();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ARGS });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(BASE);
  await page.getByLabel('producer Orders').waitFor();
  await page.getByRole('radio', { name: 'max' }).click();

  const before = { ...(await status(page)), events: await published(page), t: Date.now() };
  await page.getByRole('button', { name: 'Play' }).click();
  await sleep(RUN_SECONDS * 1000);
  const after = { ...(await status(page)), events: await published(page), t: Date.now() };
  const seconds = (after.t - before.t) / 1000;

  // Keep running until ~TARGET_EVENTS events are stored, then pause and reload.
  while ((await published(page)) < TARGET_EVENTS) await sleep(250);
  await page.getByRole('button', { name: 'Pause' }).click();
  await sleep(1000);
  const stored = { ...(await status(page)), events: await published(page) };
  const t0 = Date.now();
  await page.reload();
  await page
    .getByText(
      new RegExp(
        `^Step ${stored.head.toLocaleString('en-US')} of ${stored.head.toLocaleString('en-US')}|^Step ${stored.head} of ${stored.head}`,
      ),
    )
    .first()
    .waitFor({ timeout: 60_000 });
  const reloadMs = Date.now() - t0;
  const reloadedEvents = await published(page);

  console.log(
    JSON.stringify(
      {
        flow: 'orders example (1 producer → 1 topic → 3 subscribers; 4 steps per event)',
        max_speed_seconds: seconds,
        steps_per_s: Math.round((after.head - before.head) / seconds),
        events_per_s: Math.round((after.events - before.events) / seconds),
        stored_steps: stored.head,
        stored_events: stored.events,
        reload_to_last_state_ms: reloadMs,
        reload_state_matches: reloadedEvents === stored.events,
      },
      null,
      2,
    ),
  );
  await browser.close();
} finally {
  server.kill();
}
