import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppPage, readFixture } from './pages/AppPage';

const BAD_RATE = readFixture('bad-rate.json');

async function expectOrdersFlow(app: AppPage): Promise<void> {
  await expect(app.toolbar.flowName).toHaveText('Orders');
  await expect(app.canvas.nodeCards).toHaveCount(5);
  await expect(app.canvas.nodeCard('producer', 'Orders')).toContainText('OrderPlaced · 2/s');
  await expect(app.canvas.nodeCard('projection', 'Orders by customer')).toBeVisible();
}

test.describe('opening flows and bad input', () => {
  test('a link to a valid flow opens it in place of the example, and a reload keeps its run', async ({ page }) => {
    const app = new AppPage(page);
    await app.gotoFixture('clicks.json');
    await expect(app.toolbar.flowName).toHaveText('Clicks');
    await expect(app.canvas.nodeCard('producer', 'Web UI')).toContainText('ButtonClicked · 4/s');
    await expect(app.canvas.edge('clicks', 'Clicks by button')).toBeAttached();
    await expect(app.canvas.nodeCards).toHaveCount(3);
    await expect(app.alerts).toHaveCount(0);
    // Someone else's code: nothing of it runs until the person trusts it.
    await expect(app.trust.restrictedBanner).toContainText('None of this flow’s code has run');
    await app.trust.trustFlow();

    // A reload restores the run made since; it does not open the link again over it.
    await app.toolbar.setSpeed('100×');
    await app.toolbar.play();
    await app.toolbar.waitForHead(10);
    const paused = await app.toolbar.pauseAndSettle();
    await app.reload();
    await expect(app.toolbar.flowName).toHaveText('Clicks');
    await expect(app.toolbar.statusText).toHaveText(paused.text);
    await expect(app.log.row(paused.head - 1)).toContainText('ButtonClicked');
  });

  test('Export flow downloads the flow as a file that opens again', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    const downloading = page.waitForEvent('download');
    await app.toolbar.root.getByRole('button', { name: 'Export flow' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Orders.tidemark.json');
    const exported = await download.path().then((path) => readFileSync(path, 'utf8'));
    const doc = JSON.parse(exported) as { name: string; nodes: { name: string }[] };
    expect(doc.name).toBe('Orders');
    expect(doc.nodes.map((n) => n.name)).toEqual([
      'Orders',
      'order-events',
      'Email notifier',
      'Analytics counter',
      'Orders by customer',
    ]);

    await app.canvas.selectNode('consumer', 'Email notifier');
    await app.inspector.field('Name').fill('Mailer');
    await expect(app.canvas.nodeCard('consumer', 'Mailer')).toBeVisible();
    await app.toolbar.root.getByLabel('Open flow file').setInputFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/json',
      buffer: Buffer.from(exported),
    });
    // The rename is the person's work: opening a file over it asks first.
    await app.trust.answerReplace('Replace it');
    await expect(app.canvas.nodeCard('consumer', 'Email notifier')).toBeVisible();
    await expect(app.canvas.nodeCard('consumer', 'Mailer')).toHaveCount(0);
    await expectOrdersFlow(app);
  });

  test('a malformed flow file is refused with the path and the reason; the open flow stays', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    await expectOrdersFlow(app);
    const openFile = app.toolbar.root.getByLabel('Open flow file');

    await openFile.setInputFiles({
      name: 'bad-rate.tidemark.json',
      mimeType: 'application/json',
      buffer: Buffer.from(BAD_RATE),
    });
    const alert = app.alerts.filter({ hasText: 'nodes[0].rate' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(/nodes\[0\]\.rate: .*number/i);
    await expectOrdersFlow(app);
    await expect(app.toolbar.flowName).not.toHaveText('Orders with a bad rate');

    await openFile.setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('this is not JSON {'),
    });
    await expect(app.alerts.filter({ hasText: /not valid JSON/ })).toBeVisible();
    await expectOrdersFlow(app);
  });

  test('a link to a malformed flow is refused with the path and the reason; nothing stored is lost', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.goto();
    // Something worth keeping: a run, paused (which saves it).
    await app.toolbar.setSpeed('100×');
    await app.toolbar.play();
    await app.toolbar.waitForHead(10);
    const paused = await app.toolbar.pauseAndSettle();

    await app.gotoFixture('bad-rate.json');
    const alert = app.alerts.filter({ hasText: 'nodes[0].rate' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(/nodes\[0\]\.rate: .*number/i);
    await expectOrdersFlow(app);
    await expect(app.toolbar.statusText).toHaveText(paused.text);

    await app.goto('/');
    await expectOrdersFlow(app);
    await expect(app.toolbar.statusText).toHaveText(paused.text);
    await app.timeline.seek(2);
    await expect(app.log.row(1)).toContainText('handled');
    await expect(app.alerts).toHaveCount(0);
  });
});
