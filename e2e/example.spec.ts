import { expect, test } from '@playwright/test';
import { AppPage, collectForeignRequests } from './pages/AppPage';

test.describe('first visit', () => {
  test('opens the Orders example with its five nodes and wiring', async ({ page }) => {
    const foreign = collectForeignRequests(page);
    const app = new AppPage(page);
    await app.goto();

    await expect(app.toolbar.flowName).toHaveText('Orders');
    await expect(app.canvas.nodeCard('producer', 'Orders')).toBeVisible();
    await expect(app.canvas.nodeCard('topic', 'order-events')).toBeVisible();
    await expect(app.canvas.nodeCard('consumer', 'Email notifier')).toBeVisible();
    await expect(app.canvas.nodeCard('consumer', 'Analytics counter')).toBeVisible();
    await expect(app.canvas.nodeCard('projection', 'Orders by customer')).toBeVisible();
    await expect(app.canvas.nodeCards).toHaveCount(5);

    await expect(app.canvas.edge('Orders', 'order-events')).toBeAttached();
    await expect(app.canvas.edge('order-events', 'Email notifier')).toBeAttached();
    await expect(app.canvas.edge('order-events', 'Analytics counter')).toBeAttached();
    await expect(app.canvas.edge('order-events', 'Orders by customer')).toBeAttached();

    await expect(app.toolbar.statusText).toHaveText(/^Step 0 of 0 · t = 0\.000 s$/);
    await expect(app.log.rows()).toHaveCount(0);

    await app.canvas.selectNode('producer', 'Orders');
    await expect(app.inspector.field('Name')).toHaveValue('Orders');
    await expect(app.inspector.field('Event type')).toHaveValue('OrderPlaced');
    await expect(app.inspector.field('Rate (events/s)')).toHaveValue('2');

    // Everything the page needed came from the app itself.
    await page.waitForLoadState('networkidle');
    expect(foreign).toEqual([]);
  });
});
