import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

test.describe('causation trace', () => {
  test('from a log row, an event’s whole conversation: the command that began it, the policies, and what it led to', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.gotoExample('online-shop', 'Online shop');
    await app.toolbar.setSpeed('10×');
    await app.toolbar.play();
    await app.toolbar.waitForHead(150);
    await app.toolbar.pauseAndSettle();

    // Go to a step that shipped an order: the log shows it as the current row.
    const shipped = (await app.log.read()).findLast((l) => /appended OrderShipped/.test(l.what))!;
    await app.timeline.goTo(String(shipped.step + 1));
    const row = app.log.currentRow();
    await expect(row).toContainText('appended OrderShipped');
    await row.hover();
    await row.getByRole('button', { name: /^Trace OrderShipped / }).click();

    const trace = page.getByRole('region', { name: 'Causation trace' });
    await expect(trace).toBeVisible();
    const steps = trace.getByRole('list', { name: 'Steps of the conversation' }).getByRole('button');
    const names = await steps.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
    const said = names.map((n) => n.replace(/^Go to step \d+: /, ''));
    expect(said[0]).toBe('Order decided PlaceOrder');
    for (const expected of [
      'Order appended OrderPlaced',
      'Payment service handled OrderPlaced',
      'Order decided ConfirmPayment',
      'Inventory handled OrderPlaced',
      'Order decided ReserveStock',
      'Shipping policy handled PaymentConfirmed',
      'Order decided ShipOrder',
      'Order appended OrderShipped',
      'Orders handled OrderShipped',
    ]) {
      expect(said).toContain(expected);
    }
    // The nodes the conversation went through are lit on the canvas; the sign-up side is not.
    await expect(app.canvas.nodeCard('consumer', 'Payment service').locator('.node-card')).toHaveClass(/is-traced/);
    await expect(app.canvas.nodeCard('aggregate', 'User').locator('.node-card')).not.toHaveClass(/is-traced/);

    // A step of the trace takes the timeline there.
    const placed = steps.filter({ hasText: /\d+/ }).nth(1);
    const step = Number(await placed.textContent());
    await placed.click();
    await expect.poll(async () => (await app.toolbar.status()).cursor).toBe(step + 1);
    await trace.getByRole('button', { name: 'Close trace' }).click();
    await expect(trace).toHaveCount(0);
    await expect(app.canvas.nodeCard('consumer', 'Payment service').locator('.node-card')).not.toHaveClass(/is-traced/);
  });
});
