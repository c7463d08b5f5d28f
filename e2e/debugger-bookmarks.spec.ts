import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

test.describe('bookmarks', () => {
  test('a person bookmarks steps with or without a label, goes back to them, removes one, and a reload keeps them', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.goto();
    for (let i = 0; i < 8; i++) await app.toolbar.step();
    await expect(app.toolbar.statusText).toHaveText(/^Step 8 of 8 · /);

    await app.timeline.goTo('5');
    await expect(app.toolbar.statusText).toHaveText(/^Step 5 of 8 · /);
    await app.timeline.addBookmark('first delivery');
    await expect(app.timeline.markers('Bookmark')).toHaveAccessibleName('Bookmark "first delivery" at step 5');
    await app.timeline.seekToEnd();
    await app.timeline.addBookmark();
    await expect(app.timeline.markers('Bookmark')).toHaveCount(2);
    await expect(
      app.timeline.markerRail.getByRole('button', { name: 'Bookmark at step 8', exact: true }),
    ).toBeVisible();

    const list = await app.timeline.openBookmarks();
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(list.getByRole('listitem').first()).toContainText('first delivery');
    await list.getByRole('button', { name: 'Go to bookmark "first delivery" at step 5' }).click();
    await expect(app.toolbar.statusText).toHaveText(/^Step 5 of 8 · /);

    // The rail's marker goes there too.
    await app.timeline.seekToEnd();
    await app.timeline.markers('Bookmark').first().click();
    await expect(app.toolbar.statusText).toHaveText(/^Step 5 of 8 · /);

    await app.reload();
    await expect(app.timeline.markers('Bookmark')).toHaveCount(2);
    const reloaded = await app.timeline.openBookmarks();
    await reloaded.getByRole('button', { name: 'Remove bookmark step 8' }).click();
    await expect(reloaded.getByRole('listitem')).toHaveCount(1);
    await expect(app.timeline.markers('Bookmark')).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Bookmarks (1)' })).toBeVisible();

    await app.reload();
    await expect(app.timeline.markers('Bookmark')).toHaveAccessibleName('Bookmark "first delivery" at step 5');
  });
});
