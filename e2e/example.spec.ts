import { expect, test } from '@playwright/test';
import { AppPage, collectForeignRequests } from './pages/AppPage';

test.describe('first visit', () => {
  test('opens the Orders example with its five nodes and wiring', async ({ page }) => {
    const foreign = collectForeignRequests(page);
    const app = new AppPage(page);
    await app.goto();

    await expect(app.flowName).toHaveText('Orders');
    await expect(app.nodeCard('producer', 'Orders')).toBeVisible();
    await expect(app.nodeCard('topic', 'order-events')).toBeVisible();
    await expect(app.nodeCard('consumer', 'Email notifier')).toBeVisible();
    await expect(app.nodeCard('consumer', 'Analytics counter')).toBeVisible();
    await expect(app.nodeCard('projection', 'Orders by customer')).toBeVisible();
    await expect(app.nodeCards).toHaveCount(5);

    await expect(app.edge('Orders', 'order-events')).toBeAttached();
    await expect(app.edge('order-events', 'Email notifier')).toBeAttached();
    await expect(app.edge('order-events', 'Analytics counter')).toBeAttached();
    await expect(app.edge('order-events', 'Orders by customer')).toBeAttached();

    await expect(app.statusText).toHaveText(/^Step 0 of 0 · t = 0\.000 s$/);
    await expect(app.logRows()).toHaveCount(0);

    await app.selectNode('producer', 'Orders');
    await expect(app.field('Name')).toHaveValue('Orders');
    await expect(app.field('Event type')).toHaveValue('OrderPlaced');
    await expect(app.field('Rate (events/s)')).toHaveValue('2');

    // Everything the page needed came from the app itself.
    await page.waitForLoadState('networkidle');
    expect(foreign).toEqual([]);
  });
});
