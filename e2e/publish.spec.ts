import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

const BY_HAND = '{"orderId":"hand-1","customerId":"cust-zed","items":[],"total":5}';

test.describe('publishing by hand', () => {
  test('a hand-typed event is published, marked in the log and reaches the read model', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    const producer = app.canvas.nodeCard('producer', 'Orders');
    const before = await app.canvas.counter(producer, 'published');

    await app.canvas.selectNode('producer', 'Orders');
    await app.inspector.publishByHand(BY_HAND);

    await expect.poll(() => app.canvas.counter(producer, 'published')).toBe(before + 1);
    await expect(app.toolbar.statusText).toHaveText(/^Step 1 of 1 · /);
    await expect(app.inspector.root.getByRole('status')).toHaveText('Published as step 0');
    const row = app.log.row(0);
    await expect(row).toContainText('OrderPlaced');
    await expect(row).toContainText('(by hand)');
    await expect(row).toContainText('orderId hand-1');

    // Its three deliveries (20, 50 and 100 ms later) come before the producer's first own event at 500 ms.
    for (let i = 0; i < 3; i++) await app.toolbar.step();
    await expect(app.toolbar.statusText).toHaveText(/^Step 4 of 4 · /);
    await app.canvas.selectNode('projection', 'Orders by customer');
    await expect(app.inspector.stateView('Read model')).toContainText('"cust-zed"');
    const model = await app.inspector.readModel();
    expect(model['cust-zed']).toEqual({ orders: 1, spent: 5, lastOrderId: 'hand-1' });
  });

  test('malformed JSON is refused with a message and publishes nothing', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.toolbar.setSpeed('max');
    await app.toolbar.play();
    await app.toolbar.waitForHead(8);
    const paused = await app.toolbar.pauseAndSettle();
    const producer = app.canvas.nodeCard('producer', 'Orders');
    const published = await app.canvas.counter(producer, 'published');
    const rows = await app.log.rowCount();

    await app.canvas.selectNode('producer', 'Orders');
    await app.inspector.publishByHand('{"orderId": }');

    const alert = app.inspector.root.getByRole('alert');
    await expect(alert).toContainText('Event payload');
    await expect(alert).toContainText('not valid JSON');
    await expect(app.toolbar.statusText).toHaveText(paused.text);
    expect(await app.canvas.counter(producer, 'published')).toBe(published);
    expect(await app.log.rowCount()).toBe(rows);
    await expect(app.log.rows().filter({ hasText: '(by hand)' })).toHaveCount(0);

    // Fixing the text clears the message and publishes.
    await app.inspector.publishByHand(BY_HAND);
    await expect(alert).toHaveCount(0);
    await expect.poll(() => app.canvas.counter(producer, 'published')).toBe(published + 1);
  });
});
