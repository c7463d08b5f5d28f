import { expect, test } from '@playwright/test';
import { AppPage, collectForeignRequests } from './pages/AppPage';

const THROWING = 'function handle(event, ctx) { throw new Error("smtp down"); }';
const LOGGING = 'function handle(event, ctx) { ctx.log("sent v2"); }';

test.describe('handler code', () => {
  test('a handler edited in Monaco that throws fails deliveries without stopping the run; a fixed one logs', async ({
    page,
  }) => {
    const foreign = collectForeignRequests(page);
    const app = new AppPage(page);
    await app.goto();

    const editor = await app.codeEditor.openHandlerCode('consumer', 'Email notifier');
    await expect(editor).toBeVisible();
    await expect(editor).toContainText('function handle');
    await expect(editor).toContainText('Email notifier');

    await app.codeEditor.replaceHandlerCode(THROWING);
    await expect(editor).toContainText('smtp down');
    await expect(editor).not.toContainText('confirmation');

    const email = app.canvas.nodeCard('consumer', 'Email notifier');
    const producer = app.canvas.nodeCard('producer', 'Orders');
    await app.toolbar.setSpeed('100×');
    await app.toolbar.play();
    await expect.poll(() => app.canvas.counter(email, 'failed')).toBeGreaterThan(0);
    await expect(
      app.log
        .rows()
        .filter({ hasText: /failed: .*smtp down/ })
        .first(),
    ).toBeVisible();
    await expect(app.inspector.root.getByText(/^Last failure at step \d+: .*smtp down/)).toBeVisible();
    // The engine keeps running: the producer goes on publishing, the other subscribers go on handling.
    const publishedAfterFailure = await app.canvas.counter(producer, 'published');
    await expect.poll(() => app.canvas.counter(producer, 'published')).toBeGreaterThan(publishedAfterFailure + 5);
    expect(await app.canvas.counter(app.canvas.nodeCard('consumer', 'Analytics counter'), 'failed')).toBe(0);
    expect(await app.canvas.counter(email, 'handled')).toBe(0);
    await expect(app.alerts.filter({ hasText: /engine|worker/i })).toHaveCount(0);

    await app.codeEditor.replaceHandlerCode(LOGGING);
    await expect(editor).toContainText('sent v2');
    await expect(app.log.rows().filter({ hasText: 'sent v2' }).first()).toBeVisible();
    // From here on deliveries succeed: handled rises, failed stays.
    const failed = await app.canvas.counter(email, 'failed');
    const handled = await app.canvas.counter(email, 'handled');
    await expect.poll(() => app.canvas.counter(email, 'handled')).toBeGreaterThan(handled + 3);
    expect(await app.canvas.counter(email, 'failed')).toBe(failed);
    await app.toolbar.pause();

    // The node names the event that broke it and links to its row: the cursor moves just past it.
    await expect(app.inspector.root.getByText(/^while handling OrderPlaced [0-9a-f-]{36}$/)).toBeVisible();
    const link = app.inspector.root.getByRole('button', { name: /^Show step \d+ in the log$/ });
    const failedStep = Number(/\d+/.exec((await link.textContent()) ?? '')![0]);
    await link.click();
    await expect.poll(async () => (await app.toolbar.status()).cursor).toBe(failedStep + 1);
    await expect(app.log.currentRow()).toContainText(/failed: .*smtp down/);

    // Monaco and its workers came from the app, not from a CDN.
    expect(foreign).toEqual([]);
  });

  test('a handler that does not compile is reported, and its deliveries fail without stopping the run', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.codeEditor.openHandlerCode('consumer', 'Analytics counter');
    await app.codeEditor.replaceHandlerCode('function handle(event, ctx) { ctx.log( }');

    await expect(
      app.inspector.root.getByRole('alert').filter({ hasText: /^Handler does not compile: .+/ }),
    ).toBeVisible();
    for (let i = 0; i < 3; i++) await app.toolbar.step();
    await expect(app.toolbar.statusText).toHaveText(/^Step 3 of 3 · /);
    await expect(app.log.row(2)).toContainText(/failed: .*compile/);
    await expect(app.log.row(1)).toContainText('handled');
    const analytics = app.canvas.nodeCard('consumer', 'Analytics counter');
    await expect.poll(() => app.canvas.counter(analytics, 'failed')).toBe(1);
    expect(await app.canvas.counter(app.canvas.nodeCard('consumer', 'Email notifier'), 'handled')).toBe(1);
  });
});

test.describe('a handler that never returns', () => {
  // An endless loop is stopped by the sandbox's count (e2e/trust.spec.ts); a regular expression that
  // backtracks for ever is one thing the count cannot see, so only the watchdog ends it.
  test('the watchdog restarts the engine from the last saved step, names what hung, and the fixed handler runs', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const app = new AppPage(page);
    await app.goto();
    const email = app.canvas.nodeCard('consumer', 'Email notifier');
    // A few steps first, stored by the pause.
    for (let i = 0; i < 4; i++) await app.toolbar.step();
    await expect(app.toolbar.statusText).toHaveText(/^Step 4 of 4 · /);

    await app.codeEditor.openHandlerCode('consumer', 'Email notifier');
    await app.codeEditor.replaceHandlerCode("function handle(event, ctx) { /^(a+)+$/.test('a'.repeat(40) + 'b'); }");
    await app.toolbar.setSpeed('100×');
    await app.toolbar.play();

    await expect(
      app.alerts.filter({
        hasText: /^The engine stopped answering for 10 s while playing the run \(the last step shown was \d+\)/,
      }),
    ).toBeVisible({ timeout: 25_000 });
    // Restored and paused: the flow, with the endless handler still in it, and the steps saved before.
    await expect(app.toolbar.playButton).toBeVisible();
    await expect(app.canvas.nodeCards).toHaveCount(5);
    const restored = await app.toolbar.status();
    expect(restored.head).toBeGreaterThanOrEqual(4);
    expect(restored.cursor).toBe(restored.head);

    await app.codeEditor.replaceHandlerCode('function handle(event, ctx) { ctx.log("back"); }');
    const handled = await app.canvas.counter(email, 'handled');
    await app.toolbar.play();
    await expect.poll(() => app.canvas.counter(email, 'handled'), { timeout: 15_000 }).toBeGreaterThan(handled + 2);
    await expect(app.log.rows().filter({ hasText: 'back' }).first()).toBeVisible();
    await app.toolbar.pause();
  });
});
