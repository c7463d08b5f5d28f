import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

test.describe('two tabs', () => {
  test('an edit the read-only tab never saved is not applied by the tab that saves', async ({ context }) => {
    const writer = new AppPage(await context.newPage());
    await writer.goto();
    await expect(writer.storage.notSaving).toHaveCount(0);

    // A second tab runs without saving; its rename is unsent when it closes at once.
    const follower = new AppPage(await context.newPage());
    await follower.goto();
    await follower.canvas.selectNode('producer', 'Orders');
    await follower.inspector.field('Name').fill('Checkout');
    await expect(follower.canvas.nodeCard('producer', 'Checkout')).toBeVisible();
    await follower.page.close();

    await writer.reload();
    await expect(writer.canvas.nodeCard('producer', 'Orders')).toBeVisible();
    await expect(writer.canvas.nodeCard('producer', 'Checkout')).toHaveCount(0);
    await expect(writer.alerts.filter({ hasText: /edit/ })).toHaveCount(0);
    await expect(writer.storage.notSaving).toHaveCount(0);
  });

  test('the tab that saves keeps an edit it had not sent yet across a reload', async ({ page }) => {
    // Timers stand still from the edit on, so the edit is surely still waiting to be sent when the tab reloads.
    await page.clock.install();
    const app = new AppPage(page);
    await app.goto();
    await app.canvas.selectNode('producer', 'Orders');
    await page.clock.pauseAt(Date.now() + 60_000);
    await app.inspector.field('Name').fill('Checkout');
    await expect(app.canvas.nodeCard('producer', 'Checkout')).toBeVisible();
    await app.reload();
    await page.clock.resume();
    await expect(app.canvas.nodeCard('producer', 'Checkout')).toBeVisible();
    await expect(app.alerts.filter({ hasText: /edit/ })).toHaveCount(0);
    // Applied once: a second reload finds it stored, not journaled again.
    await app.reload();
    await expect(app.canvas.nodeCard('producer', 'Checkout')).toBeVisible();
  });

  test('a tab that does not save says so for as long as it is open', async ({ context }) => {
    const writer = new AppPage(await context.newPage());
    await writer.goto();
    const follower = new AppPage(await context.newPage());
    await follower.goto();
    await expect(follower.storage.notSaving).toBeVisible();
    await expect(follower.storage.notSaving).toHaveAttribute('title', /open in another tab/);
    // The notice can be dismissed; the toolbar still says it.
    await follower.alerts.filter({ hasText: 'open in another tab' }).waitFor();
    await follower.page.getByRole('button', { name: /^Dismiss: Tidemark is open in another tab/ }).click();
    await expect(follower.alerts.filter({ hasText: 'open in another tab' })).toHaveCount(0);
    await expect(follower.storage.notSaving).toBeVisible();
    // It keeps no edit for later either: after a reload made right after one there is nothing to apply or refuse.
    await follower.canvas.selectNode('producer', 'Orders');
    await follower.inspector.field('Name').fill('Checkout');
    await follower.reload();
    await expect(follower.storage.notSaving).toBeVisible();
    await expect(follower.alerts.filter({ hasText: /edit/ })).toHaveCount(0);
    await expect(writer.storage.notSaving).toHaveCount(0);
  });
});
