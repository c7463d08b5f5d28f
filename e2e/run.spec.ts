import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

const SUBSCRIBERS = [
  ['consumer', 'Email notifier'],
  ['consumer', 'Analytics counter'],
  ['projection', 'Orders by customer'],
] as const;

test.describe('running the example', () => {
  test('Play at 100× fills counters, edge counts, the log and the read model; Pause stops; Step adds one step', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.setSpeed('100×');
    await app.play();

    const producer = app.nodeCard('producer', 'Orders');
    const topic = app.nodeCard('topic', 'order-events');
    await expect.poll(() => app.counter(producer, 'published')).toBeGreaterThanOrEqual(20);
    await expect.poll(() => app.counter(topic, 'published')).toBeGreaterThan(0);
    await expect.poll(() => app.counter(topic, 'delivered')).toBeGreaterThan(0);
    for (const [kind, name] of SUBSCRIBERS) {
      const card = app.nodeCard(kind, name);
      await expect.poll(() => app.counter(card, 'handled')).toBeGreaterThan(0);
      expect(await app.counter(card, 'failed')).toBe(0);
    }
    // Every edge (producer→topic and the three topic→subscriber ones) shows what it carried.
    await expect.poll(async () => (await app.edgeCounts()).filter((n) => n > 0).length).toBe(4);

    await expect(app.logRows().filter({ hasText: /OrderPlaced .* → order-events/ }).first()).toBeVisible();
    await expect(app.logRows().filter({ hasText: /OrderPlaced .* handled/ }).first()).toBeVisible();

    await app.selectNode('projection', 'Orders by customer');
    for (const customer of ['cust-ada', 'cust-alan', 'cust-grace', 'cust-linus']) {
      await expect(app.stateView('Read model')).toContainText(`"${customer}"`);
    }

    const paused = await app.pauseAndSettle();
    expect(paused.cursor).toBe(paused.head);
    const publishedAtPause = await app.counter(producer, 'published');
    // Nothing moves while paused.
    await page.waitForTimeout(700);
    expect((await app.status()).text).toBe(paused.text);
    expect(await app.counter(producer, 'published')).toBe(publishedAtPause);

    const rowsBefore = await app.logRowCount();
    await app.step();
    await expect(app.statusText).toHaveText(new RegExp(`^Step ${paused.cursor + 1} of ${paused.head + 1} · `));
    expect(await app.logRowCount()).toBe(rowsBefore + 1);
    await expect(app.currentLogRow()).toHaveCount(1);
    await expect(app.stepCell(app.currentLogRow())).toHaveText(String(paused.head));
    await expect(app.logRow(paused.head)).toContainText('OrderPlaced');
    await expect(app.logRow(paused.head + 1)).toHaveCount(0);
  });

  test('at 1× dots travel along the edges while playing', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.setSpeed('1×');
    await app.play();
    await expect(app.edge('Orders', 'order-events').locator('circle')).toBeVisible();
    await expect(app.edge('order-events', 'Email notifier').locator('circle')).toBeVisible();
    await app.pause();
    // Paused: no more dots.
    await expect(app.canvas.getByRole('group', { name: /^Connection from / }).locator('circle')).toHaveCount(0);
  });
});
