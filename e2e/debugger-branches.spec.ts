import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

test.describe('deleting branches', () => {
  test('a fork can be deleted after a confirm, one with forks is refused, the first branch cannot be, and a reload agrees', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.setSpeed('100×');
    await app.play();
    await app.waitForHead(40);
    const main = await app.pauseAndSettle();
    await expect(app.deleteBranchButton('main')).toHaveCount(0);

    await app.goTo('20');
    await app.fork('a');
    for (let i = 0; i < 5; i++) await app.step();
    await expect(app.statusText).toHaveText(/^Step 25 of 25 · /);
    await app.goTo('22');
    await app.fork('b');
    await app.step();
    await expect(app.branchSelect.getByRole('option')).toHaveText(['main', 'a', 'b']);

    // a has a fork: refused, with the reason.
    await app.branchSelect.selectOption({ label: 'a' });
    await expect(app.statusText).toHaveText(/^Step 25 of 25 · /);
    await app.deleteBranchButton('a').click();
    await expect(app.toolbar.getByRole('alert')).toHaveText('a has forks (b): delete them first.');
    await expect(app.toolbar.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
    await app.toolbar.getByRole('button', { name: 'Cancel' }).click();

    // b: a confirm, then it is gone and its parent a is shown.
    await app.branchSelect.selectOption({ label: 'b' });
    await expect(app.statusText).toHaveText(/^Step 23 of 23 · /);
    await app.deleteBranchButton('b').click();
    await expect(app.toolbar.getByText('Delete b and every step recorded on it? You go back to a.')).toBeVisible();
    await app.toolbar.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(app.branchSelect.getByRole('option')).toHaveText(['main', 'a']);
    await expect(app.branchSelect.getByRole('option', { selected: true })).toHaveText('a');
    await expect(app.statusText).toHaveText(/^Step 25 of 25 · /);

    // Now a can go too: back on main, its whole history intact.
    await app.deleteBranchButton('a').click();
    await app.toolbar.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(app.branchSelect.getByRole('option')).toHaveText(['main']);
    await expect(app.statusText).toHaveText(new RegExp(`^Step ${main.head} of ${main.head} · `));
    await expect(app.deleteBranchButton('main')).toHaveCount(0);
    await expect(app.logRow(main.head - 1)).toContainText('OrderPlaced');

    await app.reload();
    await expect(app.branchSelect.getByRole('option')).toHaveText(['main']);
    await expect(app.statusText).toHaveText(new RegExp(`^Step ${main.head} of ${main.head} · `));
  });
});
