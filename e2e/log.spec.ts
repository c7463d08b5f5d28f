import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

test.describe('event log', () => {
  test('a run of 100,000+ steps scrolls from its last row to step 0 with few rows in the page', async ({ page }) => {
    test.setTimeout(60_000);
    const app = new AppPage(page);
    await app.goto();
    await app.toolbar.setSpeed('max');
    await app.toolbar.play();
    await app.toolbar.waitForHead(100_000, 40_000);
    const { head, cursor } = await app.toolbar.pauseAndSettle();
    expect(head).toBeGreaterThanOrEqual(100_000);
    expect(cursor).toBe(head);
    expect(await app.log.rowCount()).toBe(head + 1);

    // The log follows the run to its end: the last step is shown and marked current.
    const last = app.log.row(head - 1);
    await expect(last).toBeInViewport();
    await expect(last).toContainText('OrderPlaced');
    await expect(app.log.currentRow()).toHaveCount(1);
    await expect(app.log.stepCell(app.log.currentRow())).toHaveText(String(head - 1));
    expect(await app.log.rows().count()).toBeLessThan(300);

    // Scroll to the top with the keyboard.
    await app.log.scroller.focus();
    await page.keyboard.press('Home');
    const first = app.log.row(0);
    await expect(first).toBeInViewport();
    await expect(first).toContainText('OrderPlaced');
    await expect(first).toContainText('Orders');
    await expect(app.log.row(head - 1)).toHaveCount(0);
    expect(await app.log.rows().count()).toBeLessThan(300);

    // And back to the end.
    await page.keyboard.press('End');
    await expect(app.log.row(head - 1)).toBeInViewport();
    await expect(app.log.row(head - 1)).toContainText('OrderPlaced');
    expect(await app.log.rows().count()).toBeLessThan(300);
  });
});
