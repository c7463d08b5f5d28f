import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

test.describe('editing the flow', () => {
  test('a consumer dragged from the palette lands where it is dropped and is wired by its handles', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.goto();
    await expect(app.canvas.nodeCards).toHaveCount(5);

    // An empty spot: the upper left of the canvas, left of "Email notifier" and above "Orders".
    const pane = await app.canvas.root.boundingBox();
    if (!pane) throw new Error('the canvas has no box');
    const drop = { x: Math.round(pane.width * 0.2), y: Math.round(pane.height * 0.15) };
    await app.palette.addButton('consumer').dragTo(app.canvas.root, { targetPosition: drop });

    const card = app.canvas.nodeCard('consumer', 'Consumer 1');
    await expect(card).toBeVisible();
    await expect(app.canvas.nodeCards).toHaveCount(6);
    const box = await card.boundingBox();
    if (!box) throw new Error('the new card has no box');
    const dropX = pane.x + drop.x;
    const dropY = pane.y + drop.y;
    expect(dropX).toBeGreaterThanOrEqual(box.x);
    expect(dropX).toBeLessThanOrEqual(box.x + box.width);
    expect(dropY).toBeGreaterThanOrEqual(box.y);
    expect(dropY).toBeLessThanOrEqual(box.y + box.height);
    // A new node is selected, so the inspector shows it.
    await expect(app.inspector.root.getByRole('heading', { name: 'Consumer 1', level: 2 })).toBeVisible();

    await page.getByLabel('Connect from order-events').dragTo(page.getByLabel('Connect to Consumer 1'));
    await expect(app.canvas.edge('order-events', 'Consumer 1')).toBeAttached();
    await expect(app.inspector.root.getByRole('button', { name: 'Remove connection from order-events' })).toBeVisible();
  });

  test('edits in the inspector and on the canvas show at once and survive a reload', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    await expect(app.canvas.nodeCards).toHaveCount(5);

    // A click on a palette item adds the node near the centre.
    await app.palette.addButton('projection').click();
    const added = app.canvas.nodeCard('projection', 'Projection 1');
    await expect(added).toBeVisible();
    // It lands on top of the topic at the centre; move it to an empty spot below "Orders".
    const pane = await app.canvas.root.boundingBox();
    if (!pane) throw new Error('the canvas has no box');
    await added.dragTo(app.canvas.root, {
      targetPosition: { x: Math.round(pane.width * 0.3), y: Math.round(pane.height * 0.85) },
    });

    // The keyboard way to wire: "Connect to" in the topic's inspector.
    await app.canvas.selectNode('topic', 'order-events');
    await app.inspector.field('Connect to').selectOption({ label: 'Projection 1' });
    await app.inspector.root.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(app.canvas.edge('order-events', 'Projection 1')).toBeAttached();
    await expect(app.inspector.root.getByRole('button', { name: 'Remove connection to Projection 1' })).toBeVisible();

    // Rename: the card, the edge and the inspector heading follow.
    await app.canvas.selectNode('projection', 'Projection 1');
    await app.inspector.field('Name').fill('Revenue by day');
    await expect(app.canvas.nodeCard('projection', 'Revenue by day')).toBeVisible();
    await expect(app.canvas.nodeCard('projection', 'Projection 1')).toHaveCount(0);
    await expect(app.canvas.edge('order-events', 'Revenue by day')).toBeAttached();
    // Backspace while typing a name edits the text; it must not delete the selected node.
    await app.inspector.field('Name').press('Backspace');
    await expect(app.canvas.nodeCard('projection', 'Revenue by da')).toBeVisible();
    await app.inspector.field('Name').press('y');
    await expect(app.canvas.nodeCard('projection', 'Revenue by day')).toBeVisible();

    // The producer's rate shows on its card.
    await app.canvas.selectNode('producer', 'Orders');
    await app.inspector.field('Rate (events/s)').fill('5');
    await expect(app.canvas.nodeCard('producer', 'Orders')).toContainText('OrderPlaced · 5/s');

    // Remove an edge from the topic's connection list.
    await app.canvas.selectNode('topic', 'order-events');
    await app.inspector.root.getByRole('button', { name: 'Remove connection to Analytics counter' }).click();
    await expect(app.canvas.edge('order-events', 'Analytics counter')).toHaveCount(0);
    await expect(app.canvas.edge('order-events', 'Email notifier')).toBeAttached();

    // Delete a node with the inspector's button: its card and its edge go.
    await app.canvas.selectNode('consumer', 'Email notifier');
    await app.inspector.root.getByRole('button', { name: 'Delete node' }).click();
    await expect(app.canvas.nodeCard('consumer', 'Email notifier')).toHaveCount(0);
    await expect(app.canvas.edge('order-events', 'Email notifier')).toHaveCount(0);

    // Delete a selected node with the Delete key.
    await app.canvas.selectNode('consumer', 'Analytics counter');
    await page.keyboard.press('Delete');
    await expect(app.canvas.nodeCard('consumer', 'Analytics counter')).toHaveCount(0);
    await expect(app.canvas.nodeCards).toHaveCount(4);

    // The flow is saved a moment after the last edit; the first test covers a reload with no pause.
    await page.waitForTimeout(1_000);
    await app.reload();
    await expect(app.canvas.nodeCard('producer', 'Orders')).toContainText('OrderPlaced · 5/s');
    await expect(app.canvas.nodeCard('topic', 'order-events')).toBeVisible();
    await expect(app.canvas.nodeCard('projection', 'Orders by customer')).toBeVisible();
    await expect(app.canvas.nodeCard('projection', 'Revenue by day')).toBeVisible();
    await expect(app.canvas.nodeCards).toHaveCount(4);
    await expect(app.canvas.edge('Orders', 'order-events')).toBeAttached();
    await expect(app.canvas.edge('order-events', 'Orders by customer')).toBeAttached();
    await expect(app.canvas.edge('order-events', 'Revenue by day')).toBeAttached();
    await expect(app.canvas.edge('order-events', 'Analytics counter')).toHaveCount(0);
    await app.canvas.selectNode('producer', 'Orders');
    await expect(app.inspector.field('Rate (events/s)')).toHaveValue('5');
  });

  test('an edit survives a reload made right after it', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.canvas.selectNode('producer', 'Orders');
    await app.inspector.field('Name').fill('Checkout');
    await expect(app.canvas.nodeCard('producer', 'Checkout')).toBeVisible();
    // README: "Reload at any time: the flow, the log and the state come back as they were."
    await app.reload();
    await expect(app.canvas.nodeCards).toHaveCount(5);
    await expect(app.canvas.nodeCard('producer', 'Checkout')).toBeVisible();
    await expect(app.canvas.edge('Checkout', 'order-events')).toBeAttached();
  });
});
