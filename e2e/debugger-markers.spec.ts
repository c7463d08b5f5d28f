import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

/** Billing A fails every fourth order; crashing Billing B makes its group rebalance once its session expires. */
async function runWithErrorsAndARebalance(app: AppPage): Promise<void> {
  await app.gotoTrustedFixture('debugger.json');
  await app.toolbar.setSpeed('100×');
  await app.toolbar.play();
  await app.toolbar.waitForHead(120);
  await app.toolbar.pauseAndSettle();
  await app.inspector.controlConsumer('Billing B', 'Crash');
  await app.toolbar.play();
  await expect(app.timeline.markers('Rebalance')).not.toHaveCount(0, { timeout: 20_000 });
  await app.toolbar.pauseAndSettle();
}

test.describe('timeline markers', () => {
  test('errors and rebalances are marked on the timeline; a marker takes you to its step', async ({ page }) => {
    const app = new AppPage(page);
    await runWithErrorsAndARebalance(app);
    const { head } = await app.toolbar.status();

    const errors = await app.timeline.markerSteps('Error');
    expect(errors.length).toBeGreaterThan(3);
    // A slow machine runs longer before the pause; past 500 errors only the first 500 are marked.
    await expect(app.timeline.markerCounts).toContainText(
      errors.length < 500 ? `${errors.length} errors` : /^500 errors|\d+ errors \(first 500 marked\)/,
    );
    await expect(app.timeline.markerCounts).toContainText(/1 rebalance\b|\d+ rebalances/);

    // An error marker goes to its failed delivery: that row is the one just executed.
    const error = errors[2]!;
    await app.timeline.markerRail.getByRole('button', { name: `Error at step ${error}`, exact: true }).click();
    await expect(app.toolbar.statusText).toHaveText(new RegExp(`^Step ${error + 1} of ${head} · `));
    await expect(app.log.stepCell(app.log.currentRow())).toHaveText(String(error));
    await expect(app.log.currentRow()).toContainText('failed: card declined');
    await expect(app.log.currentRow()).toContainText('Billing A');

    const [rebalance] = await app.timeline.markerSteps('Rebalance');
    await app.timeline.markerRail.getByRole('button', { name: `Rebalance at step ${rebalance}`, exact: true }).click();
    await expect(app.toolbar.statusText).toHaveText(new RegExp(`^Step ${rebalance! + 1} of ${head} · `));
    await expect(app.log.currentRow()).toContainText(/rebalance billing → generation \d+ \(session-expired\)/);

    // One tab stop for the rail; arrow keys and Home/End move between markers, Enter goes there.
    const first = app.timeline.markerRail.getByRole('button').first();
    await first.focus();
    await page.keyboard.press('End');
    const last = app.timeline.markerRail.getByRole('button').last();
    await expect(last).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(app.timeline.markerRail.getByRole('button').nth(-2)).toBeFocused();
    await page.keyboard.press('Home');
    await expect(first).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(app.toolbar.statusText).toHaveText(new RegExp(`^Step ${errors[0]! + 1} of ${head} · `));
    await expect(app.timeline.markerRail.getByRole('button').and(page.locator('[tabindex="0"]'))).toHaveCount(1);
  });

  test('a fork keeps the markers before its fork step, main keeps all of them, and a reload keeps both', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await runWithErrorsAndARebalance(app);
    const errors = await app.timeline.markerSteps('Error');
    const rebalances = await app.timeline.markerSteps('Rebalance');
    const forkAt = rebalances[0]!;

    await app.timeline.goTo(String(forkAt));
    await expect(app.toolbar.statusText).toHaveText(new RegExp(`^Step ${forkAt} of `));
    await app.toolbar.fork('before the rebalance');
    await expect(app.timeline.markers('Rebalance')).toHaveCount(0);
    expect(await app.timeline.markerSteps('Error')).toEqual(errors.filter((s) => s < forkAt));

    // The fork runs on: its own steps are marked as they are recorded (the same rebalance comes again).
    await app.toolbar.play();
    await expect(app.timeline.markers('Rebalance')).toHaveCount(1, { timeout: 20_000 });
    await app.toolbar.pauseAndSettle();
    expect(await app.timeline.markerSteps('Rebalance')).toEqual([forkAt]);

    await app.toolbar.branchSelect.selectOption({ label: 'main' });
    await expect(app.toolbar.branchSelect.getByRole('option', { selected: true })).toHaveText('main');
    await expect.poll(() => app.timeline.markerSteps('Error')).toEqual(errors);
    expect(await app.timeline.markerSteps('Rebalance')).toEqual(rebalances);

    await app.reload();
    await expect.poll(() => app.timeline.markerSteps('Error')).toEqual(errors);
    expect(await app.timeline.markerSteps('Rebalance')).toEqual(rebalances);
    await app.toolbar.branchSelect.selectOption({ label: 'before the rebalance' });
    await expect.poll(() => app.timeline.markerSteps('Rebalance')).toEqual([forkAt]);
  });
});
