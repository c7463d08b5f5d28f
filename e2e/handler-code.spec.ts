import { expect, test } from '@playwright/test';
import { AppPage, collectForeignRequests } from './pages/AppPage';

const THROWING = 'function handle(event, ctx) { throw new Error("smtp down"); }';
const LOGGING = 'function handle(event, ctx) { ctx.log("sent v2"); }';

test.describe('handler code', () => {
  test('a handler edited in Monaco that throws fails deliveries without stopping the run; a fixed one logs', async ({ page }) => {
    const foreign = collectForeignRequests(page);
    const app = new AppPage(page);
    await app.goto();

    const editor = await app.openHandlerCode('consumer', 'Email notifier');
    await expect(editor).toBeVisible();
    await expect(editor).toContainText('function handle');
    await expect(editor).toContainText('Email notifier');

    await app.replaceHandlerCode(THROWING);
    await expect(editor).toContainText('smtp down');
    await expect(editor).not.toContainText('confirmation');

    const email = app.nodeCard('consumer', 'Email notifier');
    const producer = app.nodeCard('producer', 'Orders');
    await app.setSpeed('100×');
    await app.play();
    await expect.poll(() => app.counter(email, 'failed')).toBeGreaterThan(0);
    await expect(app.logRows().filter({ hasText: /failed: .*smtp down/ }).first()).toBeVisible();
    await expect(app.inspector.getByText(/^Last failure at step \d+: .*smtp down/)).toBeVisible();
    // The engine keeps running: the producer goes on publishing, the other subscribers go on handling.
    const publishedAfterFailure = await app.counter(producer, 'published');
    await expect.poll(() => app.counter(producer, 'published')).toBeGreaterThan(publishedAfterFailure + 5);
    expect(await app.counter(app.nodeCard('consumer', 'Analytics counter'), 'failed')).toBe(0);
    expect(await app.counter(email, 'handled')).toBe(0);
    await expect(app.alerts.filter({ hasText: /engine|worker/i })).toHaveCount(0);

    await app.replaceHandlerCode(LOGGING);
    await expect(editor).toContainText('sent v2');
    await expect(app.logRows().filter({ hasText: 'sent v2' }).first()).toBeVisible();
    // From here on deliveries succeed: handled rises, failed stays.
    const failed = await app.counter(email, 'failed');
    const handled = await app.counter(email, 'handled');
    await expect.poll(() => app.counter(email, 'handled')).toBeGreaterThan(handled + 3);
    expect(await app.counter(email, 'failed')).toBe(failed);
    await app.pause();

    // The node names the event that broke it and links to its row: the cursor moves just past it.
    await expect(app.inspector.getByText(/^while handling OrderPlaced [0-9a-f-]{36}$/)).toBeVisible();
    const link = app.inspector.getByRole('button', { name: /^Show step \d+ in the log$/ });
    const failedStep = Number(/\d+/.exec((await link.textContent()) ?? '')![0]);
    await link.click();
    await expect.poll(async () => (await app.status()).cursor).toBe(failedStep + 1);
    await expect(app.currentLogRow()).toContainText(/failed: .*smtp down/);

    // Monaco and its workers came from the app, not from a CDN.
    expect(foreign).toEqual([]);
  });

  test('a handler that does not compile is reported, and its deliveries fail without stopping the run', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.openHandlerCode('consumer', 'Analytics counter');
    await app.replaceHandlerCode('function handle(event, ctx) { ctx.log( }');

    await expect(app.inspector.getByRole('alert').filter({ hasText: /^Handler does not compile: .+/ })).toBeVisible();
    for (let i = 0; i < 3; i++) await app.step();
    await expect(app.statusText).toHaveText(/^Step 3 of 3 · /);
    await expect(app.logRow(2)).toContainText(/failed: .*compile/);
    await expect(app.logRow(1)).toContainText('handled');
    const analytics = app.nodeCard('consumer', 'Analytics counter');
    await expect.poll(() => app.counter(analytics, 'failed')).toBe(1);
    expect(await app.counter(app.nodeCard('consumer', 'Email notifier'), 'handled')).toBe(1);
  });
});

test.describe('a handler that never returns', () => {
  // An endless loop is stopped by the sandbox's count (e2e/trust.spec.ts); a regular expression that
  // backtracks for ever is one thing the count cannot see, so only the watchdog ends it.
  test('the watchdog restarts the engine from the last saved step, names what hung, and the fixed handler runs', async ({ page }) => {
    test.setTimeout(60_000);
    const app = new AppPage(page);
    await app.goto();
    const email = app.nodeCard('consumer', 'Email notifier');
    // A few steps first, stored by the pause.
    for (let i = 0; i < 4; i++) await app.step();
    await expect(app.statusText).toHaveText(/^Step 4 of 4 · /);

    await app.openHandlerCode('consumer', 'Email notifier');
    await app.replaceHandlerCode("function handle(event, ctx) { /^(a+)+$/.test('a'.repeat(40) + 'b'); }");
    await app.setSpeed('100×');
    await app.play();

    await expect(app.alerts.filter({ hasText: /^The engine stopped answering for 10 s while playing the run \(the last step shown was \d+\)/ })).toBeVisible({ timeout: 25_000 });
    // Restored and paused: the flow, with the endless handler still in it, and the steps saved before.
    await expect(app.playButton).toBeVisible();
    await expect(app.nodeCards).toHaveCount(5);
    const restored = await app.status();
    expect(restored.head).toBeGreaterThanOrEqual(4);
    expect(restored.cursor).toBe(restored.head);

    await app.replaceHandlerCode('function handle(event, ctx) { ctx.log("back"); }');
    const handled = await app.counter(email, 'handled');
    await app.play();
    await expect.poll(() => app.counter(email, 'handled'), { timeout: 15_000 }).toBeGreaterThan(handled + 2);
    await expect(app.logRows().filter({ hasText: 'back' }).first()).toBeVisible();
    await app.pause();
  });
});
