import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

test.describe('deleting branches', () => {
  test('a fork can be deleted after a confirm, one with forks is refused, the first branch cannot be, and a reload agrees', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.toolbar.setSpeed('100×');
    await app.toolbar.play();
    await app.toolbar.waitForHead(40);
    const main = await app.toolbar.pauseAndSettle();
    await expect(app.toolbar.deleteBranchButton('main')).toHaveCount(0);

    await app.timeline.goTo('20');
    await app.toolbar.fork('a');
    for (let i = 0; i < 5; i++) await app.toolbar.step();
    await expect(app.toolbar.statusText).toHaveText(/^Step 25 of 25 · /);
    await app.timeline.goTo('22');
    await app.toolbar.fork('b');
    await app.toolbar.step();
    await expect(app.toolbar.branchSelect.getByRole('option')).toHaveText(['main', 'a', 'b']);

    // a has a fork: refused, with the reason.
    await app.toolbar.branchSelect.selectOption({ label: 'a' });
    await expect(app.toolbar.statusText).toHaveText(/^Step 25 of 25 · /);
    await app.toolbar.deleteBranchButton('a').click();
    await expect(app.toolbar.root.getByRole('alert')).toHaveText('a has forks (b): delete them first.');
    await expect(app.toolbar.root.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
    await app.toolbar.root.getByRole('button', { name: 'Cancel' }).click();

    // b: a confirm, then it is gone and its parent a is shown.
    await app.toolbar.branchSelect.selectOption({ label: 'b' });
    await expect(app.toolbar.statusText).toHaveText(/^Step 23 of 23 · /);
    await app.toolbar.deleteBranchButton('b').click();
    await expect(app.toolbar.root.getByText('Delete b and every step recorded on it? You go back to a.')).toBeVisible();
    await app.toolbar.root.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(app.toolbar.branchSelect.getByRole('option')).toHaveText(['main', 'a']);
    await expect(app.toolbar.branchSelect.getByRole('option', { selected: true })).toHaveText('a');
    await expect(app.toolbar.statusText).toHaveText(/^Step 25 of 25 · /);

    // Now a can go too: back on main, its whole history intact.
    await app.toolbar.deleteBranchButton('a').click();
    await app.toolbar.root.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(app.toolbar.branchSelect.getByRole('option')).toHaveText(['main']);
    await expect(app.toolbar.statusText).toHaveText(new RegExp(`^Step ${main.head} of ${main.head} · `));
    await expect(app.toolbar.deleteBranchButton('main')).toHaveCount(0);
    await expect(app.log.row(main.head - 1)).toContainText('OrderPlaced');

    await app.reload();
    await expect(app.toolbar.branchSelect.getByRole('option')).toHaveText(['main']);
    await expect(app.toolbar.statusText).toHaveText(new RegExp(`^Step ${main.head} of ${main.head} · `));
  });
});
