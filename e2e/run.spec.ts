import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

const SUBSCRIBERS = [
  ['consumer', 'Email notifier'],
  ['consumer', 'Analytics counter'],
  ['projection', 'Orders by customer'],
] as const;

test.describe('running the example', () => {
  test('Play at 100× fills counters, edge counts, the log and the read model; Pause stops; Step adds one step', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.toolbar.setSpeed('100×');
    await app.toolbar.play();

    const producer = app.canvas.nodeCard('producer', 'Orders');
    const topic = app.canvas.nodeCard('topic', 'order-events');
    await expect.poll(() => app.canvas.counter(producer, 'published')).toBeGreaterThanOrEqual(20);
    await expect.poll(() => app.canvas.counter(topic, 'published')).toBeGreaterThan(0);
    await expect.poll(() => app.canvas.counter(topic, 'delivered')).toBeGreaterThan(0);
    for (const [kind, name] of SUBSCRIBERS) {
      const card = app.canvas.nodeCard(kind, name);
      await expect.poll(() => app.canvas.counter(card, 'handled')).toBeGreaterThan(0);
      expect(await app.canvas.counter(card, 'failed')).toBe(0);
    }
    // Every edge (producer→topic and the three topic→subscriber ones) shows what it carried.
    await expect.poll(async () => (await app.canvas.edgeCounts()).filter((n) => n > 0).length).toBe(4);

    await expect(
      app.log
        .rows()
        .filter({ hasText: /OrderPlaced .* → order-events/ })
        .first(),
    ).toBeVisible();
    await expect(
      app.log
        .rows()
        .filter({ hasText: /OrderPlaced .* handled/ })
        .first(),
    ).toBeVisible();

    await app.canvas.selectNode('projection', 'Orders by customer');
    for (const customer of ['cust-ada', 'cust-alan', 'cust-grace', 'cust-linus']) {
      await expect(app.inspector.stateView('Read model')).toContainText(`"${customer}"`);
    }

    const paused = await app.toolbar.pauseAndSettle();
    expect(paused.cursor).toBe(paused.head);
    const publishedAtPause = await app.canvas.counter(producer, 'published');
    // Nothing moves while paused.
    await page.waitForTimeout(700);
    expect((await app.toolbar.status()).text).toBe(paused.text);
    expect(await app.canvas.counter(producer, 'published')).toBe(publishedAtPause);

    const rowsBefore = await app.log.rowCount();
    await app.toolbar.step();
    await expect(app.toolbar.statusText).toHaveText(new RegExp(`^Step ${paused.cursor + 1} of ${paused.head + 1} · `));
    expect(await app.log.rowCount()).toBe(rowsBefore + 1);
    await expect(app.log.currentRow()).toHaveCount(1);
    await expect(app.log.stepCell(app.log.currentRow())).toHaveText(String(paused.head));
    await expect(app.log.row(paused.head)).toContainText('OrderPlaced');
    await expect(app.log.row(paused.head + 1)).toHaveCount(0);
  });

  test('at 1× dots travel along the edges while playing', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.toolbar.setSpeed('1×');
    await app.toolbar.play();
    await expect(app.canvas.edge('Orders', 'order-events').locator('circle')).toBeVisible();
    await expect(app.canvas.edge('order-events', 'Email notifier').locator('circle')).toBeVisible();
    await app.toolbar.pause();
    // Paused: no more dots.
    await expect(app.canvas.root.getByRole('group', { name: /^Connection from / }).locator('circle')).toHaveCount(0);
  });
});
