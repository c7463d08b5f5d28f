import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { TabVisibility } from './pages/TabVisibility';

// Longer than the engine watchdog's 10 s: a hidden tab's run must outlive it.
const HIDDEN_MS = 12_000;

test.describe('a hidden tab', () => {
  test('keeps playing and storing while another tab is in front, and nothing is restarted', async ({ page }) => {
    const tab = new TabVisibility(page);
    await tab.install();
    const app = new AppPage(page);
    await app.goto();
    await app.toolbar.setSpeed('100×');
    await app.toolbar.play();
    const before = await app.toolbar.waitForHead(20);

    await tab.hide();
    await page.waitForTimeout(HIDDEN_MS);
    const whileHidden = await app.toolbar.status();
    expect(await tab.ranWhileHidden()).toBe(0);
    await tab.show();

    // The run went on while hidden, and goes on now.
    expect(whileHidden.head).toBeGreaterThan(before.head + 100);
    await expect(app.toolbar.pauseButton).toBeVisible();
    await expect.poll(async () => (await app.toolbar.status()).head).toBeGreaterThan(whileHidden.head);
    await expect(app.alerts.filter({ hasText: /stopped answering|restarted/ })).toHaveCount(0);

    // What ran while hidden was stored: a reload restores at least as far.
    await app.toolbar.pauseAndSettle();
    const paused = await app.toolbar.status();
    await app.reload();
    await expect.poll(async () => (await app.toolbar.status()).head).toBe(paused.head);
  });
});
