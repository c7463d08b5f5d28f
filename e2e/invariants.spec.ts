import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

test.describe('invariants', () => {
  test('the first step that breaks an invariant pauses the run there, says which and why, and is marked in the log', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.gotoExample('online-shop', 'Online shop');
    // Nothing selected: the inspector shows the flow's invariants.
    const invariants = page.getByRole('region', { name: 'Invariants' });
    await invariants.getByRole('button', { name: 'Add invariant' }).click();
    const name = invariants.getByLabel('Name', { exact: true });
    await name.fill('orders stay under 150');
    await name.blur();
    const code = invariants.getByLabel('Code of orders stay under 150');
    await code.fill(
      "function holds(nodes) {\n  return Object.values(nodes['orders-view'].state).every((o) => o.total <= 150);\n}",
    );
    await invariants.getByRole('button', { name: 'Apply orders stay under 150' }).click();

    await app.toolbar.setSpeed('10×');
    await app.toolbar.play();
    const alert = app.alerts.filter({
      hasText: /^Invariant "orders stay under 150" \(holds\(nodes\) returned false\) broken at step \d+/,
    });
    await expect(alert).toBeVisible({ timeout: 20_000 });
    const broken = Number(/broken at step (\d+)/.exec((await alert.textContent()) ?? '')![1]);
    // Paused at the violation: the cursor is just past it, and stays there.
    await expect(app.toolbar.playButton).toBeVisible();
    await expect.poll(async () => (await app.toolbar.status()).cursor).toBe(broken + 1);
    await expect(app.log.currentRow()).toContainText(
      'invariant broken: orders stay under 150 — holds(nodes) returned false',
    );
    // The read model at that step shows the order that broke it.
    await app.canvas.selectNode('projection', 'Orders');
    const orders = JSON.parse((await app.inspector.stateView('Read model').textContent()) ?? '{}') as Record<
      string,
      { total: number }
    >;
    expect(Object.values(orders).some((o) => o.total > 150)).toBe(true);

    // The invariant is part of the flow: it survives a reload.
    await app.reload();
    await app.canvas.root.click({ position: { x: 30, y: 30 } });
    await expect(
      page.getByRole('region', { name: 'Invariants' }).getByLabel('Code of orders stay under 150'),
    ).toHaveValue(/every\(\(o\) => o\.total <= 150\)/);
  });
});
