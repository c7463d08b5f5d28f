import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

test.describe('compare steps', () => {
  test('the inspector shows how the selected node’s state changed, step by step and between any two steps, without moving the run', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.canvas.selectNode('projection', 'Orders by customer');
    const compare = app.inspector.compareSteps;
    const from = compare.getByRole('spinbutton', { name: 'From step' });
    const to = compare.getByRole('spinbutton', { name: 'To step' });
    const follow = compare.getByRole('checkbox', { name: 'Follow the cursor' });
    const summary = compare.getByText(/^(Comparing…|No changes from step|\d+\+? changes? from step)/);
    await expect(follow).toBeChecked();
    await expect(summary).toHaveText('No changes from step 0 to step 0.');

    // Step: the first order is published, then delivered to each subscriber; the projection's turn is step 3.
    for (let step = 1; step <= 3; step++) {
      await app.toolbar.step();
      await expect(app.toolbar.statusText).toHaveText(new RegExp(`^Step ${step} of ${step} · `));
      await expect(from).toHaveValue(String(step - 1));
      await expect(to).toHaveValue(String(step));
      await expect(summary).toHaveText(`No changes from step ${step - 1} to step ${step}.`);
    }
    await app.toolbar.step();
    await expect(app.log.currentRow()).toContainText('Orders by customer');
    await expect(summary).toHaveText(/^\d+ changes from step 3 to step 4:$/);
    const changes = await app.inspector.stateChanges();
    expect(changes).toContainEqual(['counters.delivered', 'changed', '0', '1']);
    expect(changes).toContainEqual(['counters.handled', 'changed', '0', '1']);
    const customer = changes.find(([path]) => /^state\.cust-\w+$/.test(path ?? ''));
    expect(customer?.[1]).toBe('added');
    expect(customer?.[2]).toBe('—');
    expect(JSON.parse(customer?.[3] ?? 'null')).toMatchObject({ orders: 1 });

    // → and ← on the timeline: the diff follows the cursor.
    await app.timeline.slider.focus();
    await app.timeline.slider.press('ArrowLeft');
    await expect(summary).toHaveText('No changes from step 2 to step 3.');
    await expect(compare.getByRole('table', { name: 'State changes' })).toHaveCount(0);
    await app.timeline.slider.press('ArrowRight');
    await expect(summary).toHaveText(/^\d+ changes from step 3 to step 4:$/);

    // Two steps of a person's choosing: the run stays where it is.
    for (let i = 0; i < 8; i++) await app.toolbar.step();
    await expect(app.toolbar.statusText).toHaveText(/^Step 12 of 12 · /);
    const status = await app.toolbar.status();
    await from.fill('4');
    await expect(follow).not.toBeChecked();
    await to.fill(String(status.cursor));
    await expect(summary).toHaveText(new RegExp(`^\\d+ changes from step 4 to step ${status.cursor}:$`));
    const later = await app.inspector.stateChanges();
    const handled = later.find(([path]) => path === 'counters.handled');
    expect(handled?.[1]).toBe('changed');
    expect(handled?.[2]).toBe('1');
    expect(Number(handled?.[3])).toBeGreaterThan(1);
    await expect(app.toolbar.statusText).toHaveText(status.text);

    // A step that is not on the branch.
    await to.fill('9999');
    await expect(compare.getByRole('alert')).toHaveText(`must be a step from 0 to ${status.head}`);
    await expect(to).toHaveAttribute('aria-invalid', 'true');

    // Back to following the cursor.
    await follow.check();
    await expect(to).toHaveValue(String(status.cursor));
    await expect(compare.getByRole('alert')).toHaveCount(0);
  });
});
