import { expect, test } from '@playwright/test';
import { AppPage, collectForeignRequests, readFixture } from './pages/AppPage';

// Input past the limits is refused where it enters, with its place named, and nothing changes.
// Deep documents are made here: 100,000 levels used to overflow postMessage and zod.

const DEPTH = 100_000;
/** `{"a":{"a":…1…}}` nested `levels` deep. */
const deepObject = (levels: number): string => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
/** The Shop fixture with its first producer's payload nested `levels` deep. */
const deepOrdersFlow = (levels: number): string =>
  JSON.stringify({ ...(JSON.parse(readFixture('shop.json')) as object), name: 'Deep shop' }).replace(
    '"payload":{',
    `"payload":{"deep":${deepObject(levels)},`,
  );
const cloudEvent = (id: string, type: string, source: string, data: string) =>
  `{"specversion":"1.0","id":"${id}","type":"${type}","source":"${source}","data":${data}}`;

async function expectOrdersUnchanged(app: AppPage, status: string): Promise<void> {
  await expect(app.toolbar.flowName).toHaveText('Orders');
  await expect(app.canvas.nodeCards).toHaveCount(5);
  await expect(app.toolbar.statusText).toHaveText(status);
}

test.describe('input limits', () => {
  test('a flow file nested 100,000 deep is refused naming the file and the path; the open flow stays and the engine is not restarted', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.goto();
    for (let i = 0; i < 3; i++) await app.toolbar.step();
    await expect(app.toolbar.statusText).toHaveText(/^Step 3 of 3 · /);
    const before = await app.toolbar.status();

    await app.toolbar.openFlowFile('deep.tidemark.json', deepOrdersFlow(DEPTH));
    const alert = app.alerts.filter({ hasText: 'Open flow file "deep.tidemark.json"' });
    await expect(alert).toHaveText(
      /^Open flow file "deep\.tidemark\.json": nesting deeper than 64 levels at nodes\[0\]\.payload\.deep\.a\.a.*…a\.a\.a/,
    );
    await expect(app.alerts.filter({ hasText: 'Maximum call stack' })).toHaveCount(0);
    await expectOrdersUnchanged(app, before.text);

    // Nothing was sent, so nothing is owed: the watchdog (10 s) does not restart a healthy engine.
    await page.waitForTimeout(11_000);
    await expect(app.alerts.filter({ hasText: 'stopped answering' })).toHaveCount(0);
    await app.toolbar.step();
    await expect(app.toolbar.statusText).toHaveText(/^Step 4 of 4 · /);
  });

  test('a link to a flow nested 100,000 deep is refused naming the path; the stored run stays', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    for (let i = 0; i < 2; i++) await app.toolbar.step();
    await expect(app.toolbar.statusText).toHaveText(/^Step 2 of 2 · /);
    const before = await app.toolbar.status();

    await app.gotoFlowLink('deep.json', deepOrdersFlow(DEPTH));
    await expect(app.alerts.filter({ hasText: 'Open flow link' })).toHaveText(
      /^Open flow link: nesting deeper than 64 levels at nodes\[0\]\.payload\.deep\.a\.a/,
    );
    await expectOrdersUnchanged(app, before.text);
  });

  test('a payload nested 100,000 deep typed by hand is refused naming the path; nothing is published or sent', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.toolbar.step();
    await expect(app.toolbar.statusText).toHaveText(/^Step 1 of 1 · /);
    const before = await app.toolbar.status();
    const producer = app.canvas.nodeCard('producer', 'Orders');
    const published = await app.canvas.counter(producer, 'published');

    await app.canvas.selectNode('producer', 'Orders');
    await app.inspector.publishByHand(deepObject(DEPTH));
    await expect(app.inspector.root.getByRole('alert')).toHaveText(
      'Event payload: nesting deeper than 64 levels at a.a.a.a.a.a.a.a.a.a…a.a.a',
    );
    await expect(app.toolbar.statusText).toHaveText(before.text);
    expect(await app.canvas.counter(producer, 'published')).toBe(published);
    await expect(app.log.rows().filter({ hasText: '(by hand)' })).toHaveCount(0);

    // A key JSON.parse keeps but every later step would drop is named too.
    await app.inspector.publishByHand('{"orderId": "o-1", "__proto__": {"admin": true}}');
    await expect(app.inspector.root.getByRole('alert')).toHaveText(
      /^Event payload: a key "__proto__" is not allowed .* at __proto__$/,
    );
    await expect(app.toolbar.statusText).toHaveText(before.text);

    // A command typed in a command source's Send panel, the same.
    await app.gotoExampleReplacing('online-shop', 'Online shop');
    const shop = await app.toolbar.status();
    await app.canvas.selectNode('command', 'Customer service');
    await app.inspector.sendCommandByHand(`[${deepObject(DEPTH)}]`);
    await expect(app.inspector.root.getByRole('alert')).toHaveText(
      'Command data: nesting deeper than 64 levels at [0].a.a.a.a.a.a.a.a.a…a.a.a',
    );
    await expect(app.toolbar.statusText).toHaveText(shop.text);
  });

  test('an events file with a line nested 100,000 deep is refused naming the line; nothing is imported', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.toolbar.step();
    await expect(app.toolbar.statusText).toHaveText(/^Step 1 of 1 · /);
    const before = await app.toolbar.status();

    const file = [
      cloudEvent('e-1', 'OrderPlaced', '/producers/orders', '{"orderId":"i-1"}'),
      '',
      cloudEvent('e-2', 'OrderPlaced', '/producers/orders', deepObject(DEPTH)),
    ].join('\n');
    await app.timeline.chooseEventsFile('deep.jsonl', file);
    const problems = app.timeline.importDialog.getByRole('alert');
    await expect(problems).toContainText('This file cannot be imported; nothing was imported.');
    await expect(problems.getByRole('listitem')).toHaveText([
      'Line 3: nesting deeper than 64 levels at data.a.a.a.a.a.a.a.a.a…a.a.a',
    ]);
    await expect(app.timeline.importDialog.getByRole('button', { name: /^Import \d+ event/ })).toHaveCount(0);
    await app.timeline.importDialog.getByRole('button', { name: 'Close' }).click();
    await expect(app.toolbar.statusText).toHaveText(before.text);
  });

  test('an events file with an event that fails its schema is refused naming the line and the field; nothing is published', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.gotoExample('schema-evolution', 'Schema evolution');
    for (let i = 0; i < 2; i++) await app.toolbar.step();
    await expect(app.toolbar.statusText).toHaveText(/^Step 2 of 2 · /);
    const before = await app.toolbar.status();
    const producer = app.canvas.nodeCard('producer', 'Sign-ups');
    const published = await app.canvas.counter(producer, 'published');

    const user = (n: number, email: string) =>
      cloudEvent(
        `u-${n}`,
        'UserRegistered',
        '/producers/signups',
        JSON.stringify({ userId: `imp-${n}`, name: `User ${n}`, email }),
      );
    await app.timeline.chooseEventsFile(
      'users.jsonl',
      [user(1, 'one@example.com'), user(2, 'two@example.com'), user(3, 'not an email')].join('\n'),
    );
    await expect(app.timeline.importDialog.getByRole('status')).toHaveText('3 events ready.');
    await app.timeline.importDialog.getByRole('button', { name: 'Import 3 events' }).click();
    // Published by hand, the third is refused: so is the file, with its line and the schema's words.
    await expect(app.timeline.importDialog.getByRole('alert')).toHaveText(
      /^Nothing was imported: line 3: UserRegistered data at \/email: /,
    );
    await expect(app.timeline.importDialog.getByRole('status')).toHaveCount(0);
    await app.timeline.importDialog.getByRole('button', { name: 'Close' }).click();
    await expect(app.toolbar.statusText).toHaveText(before.text);
    expect(await app.canvas.counter(producer, 'published')).toBe(published);
    await expect(app.log.rows().filter({ hasText: '(by hand)' })).toHaveCount(0);
    await expect(app.log.rows().filter({ hasText: 'fault' })).toHaveCount(0);
  });

  test('a schema description with a Markdown image shows as text in the handler editor’s hover and loads nothing', async ({
    page,
  }) => {
    const foreign = collectForeignRequests(page);
    await page.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => route.abort(),
    );
    const app = new AppPage(page);
    await app.gotoFixture('markdown-description.json');
    await expect(app.toolbar.flowName).toHaveText('Described orders');

    await app.codeEditor.openHandlerCode('consumer', 'Ledger');
    const hover = await app.codeEditor.hoverHandlerCode('total');
    await expect(hover).toContainText(
      'Amount in cents ![tracker](https://evil.example/p.png) <img src="https://evil.example/q.png">',
    );
    await expect(hover.getByRole('img')).toHaveCount(0);
    // Long enough for an image the hover asked for to have been requested.
    await page.waitForTimeout(1000);
    expect(foreign).toEqual([]);
  });
});
