/* global window, requestAnimationFrame */
// The built app, driven as a person would: open the reference flow by link, max speed, Play;
// watch the UI thread while it runs; in a fresh context, pause at ≥ N steps, reload, time the last state.
import { readFileSync } from 'node:fs';

const FLOW_PATH = '/bench-reference-flow.json';
const STATUS = /^Step (\d+) of (\d+) · t = /;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Installed before the app's scripts: long tasks and animation frames, timestamped in page time. */
function watchUiThread() {
  const seen = { longTasks: [], frames: [] };
  window.__tidemarkBench = seen;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const frame = (time) => {
    seen.frames.push(time);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

async function status(page) {
  const text = await page.getByRole('toolbar', { name: 'Run controls' }).getByText(STATUS).first().textContent();
  const [, cursor, head] = STATUS.exec(text ?? '') ?? [];
  return { cursor: Number(cursor), head: Number(head) };
}

/** Frames per second and the longest task on the UI thread over `ms` from now. */
async function watchWindow(page, ms) {
  const from = await page.evaluate(() => performance.now());
  const before = await status(page);
  await sleep(ms);
  const to = await page.evaluate(() => performance.now());
  const after = await status(page);
  const { frames, longTasks } = await page.evaluate(
    ([a, b]) => ({
      frames: window.__tidemarkBench.frames.filter((t) => t >= a && t < b).length,
      longTasks: window.__tidemarkBench.longTasks
        .filter(([start, duration]) => start + duration > a && start < b)
        .map(([, d]) => d),
    }),
    [from, to],
  );
  const seconds = (to - from) / 1000;
  return {
    fps: frames / seconds,
    longestTaskMs: Math.max(0, ...longTasks),
    longTasks: longTasks.length,
    stepsPerSecond: (after.head - before.head) / seconds,
  };
}

/** A fresh browser context (its own IndexedDB) with the app open on the reference flow, ready to Play. */
async function openApp(browser, baseUrl, flowFile) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(watchUiThread);
  const body = readFileSync(flowFile, 'utf8');
  // same origin, as the app requires of a flow link
  await page.route(`**${FLOW_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto(`${baseUrl}/?flow=${encodeURIComponent(FLOW_PATH)}`);
  const toolbar = page.getByRole('toolbar', { name: 'Run controls' });
  await page.getByLabel('producer Load').waitFor();
  // A flow from a link opens restricted: the person trusts its code before it can run.
  await toolbar.getByRole('button', { name: 'Restricted mode' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Trust', exact: true }).click();
  await toolbar.getByText('Trusted', { exact: true }).waitFor();
  await toolbar.getByRole('button', { name: 'Play', exact: true }).waitFor();
  return { context, page, toolbar };
}

async function playAtMaxSpeed(page, toolbar) {
  await page.getByRole('radio', { name: 'max' }).click();
  await toolbar.getByRole('button', { name: 'Play', exact: true }).click();
}

/** Frames and long tasks on the UI thread: idle first (the limit), then `windows` windows at max speed. */
export async function measureUiThread(browser, baseUrl, flowFile, { windowMs, windows, log }) {
  const { context, page, toolbar } = await openApp(browser, baseUrl, flowFile);
  try {
    const idle = await watchWindow(page, 3000);
    await playAtMaxSpeed(page, toolbar);
    await sleep(1000);
    const running = [];
    for (let i = 0; i < windows; i++) {
      running.push(await watchWindow(page, windowMs));
      // A window in which nothing ran measures an idle page, not a run: say so instead of reporting it.
      if (running.at(-1).stepsPerSecond === 0)
        throw new Error(`the app ran no step in window ${i + 1}: the UI figures would be an idle page's`);
      log(
        `app: window ${i + 1}/${windows}: ${Math.round(running.at(-1).fps)} fps, longest task ${Math.round(running.at(-1).longestTaskMs)} ms`,
      );
    }
    return { idle, running };
  } finally {
    await context.close();
  }
}

/** Plays at max speed until ≥ `steps` steps, pauses, then times `reloads` reloads to "Step H of H". */
export async function measureReload(browser, baseUrl, flowFile, { steps, reloads, log }) {
  const { context, page, toolbar } = await openApp(browser, baseUrl, flowFile);
  try {
    const runStart = Date.now();
    await playAtMaxSpeed(page, toolbar);
    let reached = 0;
    while ((reached = (await status(page)).head) < steps) {
      if (Date.now() - runStart > 300_000) throw new Error(`the app did not reach ${steps} steps in 5 minutes`);
      await sleep(100);
    }
    const runMs = Date.now() - runStart;
    await toolbar.getByRole('button', { name: 'Pause', exact: true }).click();
    await toolbar.getByRole('button', { name: 'Play', exact: true }).waitFor();
    // pause resolves once the worker has flushed; the frame that follows carries the final head
    let stored = await status(page);
    for (let same = 0; same < 4;) {
      await sleep(250);
      const now = await status(page);
      same = now.head === stored.head ? same + 1 : 0;
      stored = now;
    }
    log(`app: ${stored.head} steps in ${runMs} ms, paused; reloading`);

    const reloadMs = [];
    const last = toolbar.getByText(new RegExp(`^Step ${stored.head} of ${stored.head} · `));
    const play = toolbar.getByRole('button', { name: 'Play', exact: true });
    for (let i = 0; i < reloads; i++) {
      const start = Date.now();
      await page.reload();
      await last.waitFor({ timeout: 60_000 });
      while (!(await play.isEnabled())) await sleep(5);
      reloadMs.push(Date.now() - start);
    }
    return { storedSteps: stored.head, reachedSteps: reached, runMs, reloadMs };
  } finally {
    await context.close();
  }
}
