import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

test.describe('go to', () => {
  test('goes to a step number, the step that published an event, or the last step at a time; a target that does not exist moves nothing', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.toolbar.setSpeed('100×');
    await app.toolbar.play();
    await app.toolbar.waitForHead(120);
    const { head } = await app.toolbar.pauseAndSettle();
    const message = app.timeline.gotoForm.getByRole('status');
    const problem = app.timeline.gotoForm.getByRole('alert');

    await app.timeline.goTo('30');
    await expect(app.toolbar.statusText).toHaveText(new RegExp(`^Step 30 of ${head} · `));
    await expect(message).toHaveText('At step 30');

    // An event id from a delivery row: Go to lands on the step that published it.
    await app.timeline.goTo('61');
    const delivery = (await app.log.currentRow().textContent()) ?? '';
    const id = UUID.exec(delivery)?.[0];
    expect(id, `an event id in "${delivery}"`).toBeDefined();
    await app.timeline.goTo(id!.toUpperCase());
    await expect(app.log.currentRow()).toContainText(`OrderPlaced ${id} →`);
    await expect(app.log.currentRow().getByRole('cell').nth(2)).toHaveText('Orders');
    await expect(message).toHaveText(/^Published at step \d+ \(t = \d+\.\d{3} s\)$/);

    // A time: the last step at or before it is the one just executed.
    for (const [text, limit] of [
      ['12.5s', 12.5],
      ['3400ms', 3.4],
    ] as const) {
      await app.timeline.goTo(text);
      // Wait for this answer (the status line still shows the previous step until the seek lands).
      await expect(message).toHaveText(new RegExp(`^Last step at or before t = ${limit.toFixed(3)} s: step \\d+$`));
      const landed = Number(/step (\d+)$/.exec((await message.textContent()) ?? '')![1]);
      await expect.poll(async () => (await app.toolbar.status()).cursor).toBe(landed + 1);
      const { cursor } = await app.toolbar.status();
      await expect(app.log.stepCell(app.log.currentRow())).toHaveText(String(cursor - 1));
      const time = Number(await app.log.currentRow().getByRole('cell').nth(1).textContent());
      const next = Number(await app.log.row(cursor).getByRole('cell').nth(1).textContent());
      expect(time).toBeLessThanOrEqual(limit);
      expect(next).toBeGreaterThan(limit);
    }
    const before = await app.toolbar.status();

    // Nothing matches: an inline message, and the run stays where it was.
    await app.timeline.goTo('00000000-0000-4000-8000-000000000000');
    await expect(problem).toHaveText(
      'No event with id 00000000-0000-4000-8000-000000000000 was published on this branch.',
    );
    await expect(app.timeline.gotoForm.getByRole('textbox', { name: 'Go to' })).toHaveAttribute('aria-invalid', 'true');
    await app.timeline.goTo(String(head + 1));
    await expect(problem).toHaveText(`Step ${head + 1} is not on this branch: it has steps 0 to ${head}.`);
    await app.timeline.goTo('9999s');
    await expect(problem).toHaveText(/^t = 9999\.000 s is past the end of this branch \(t = \d+\.\d{3} s\)\.$/);
    await app.timeline.goTo('soon');
    await expect(problem).toHaveText(
      '"soon" is not a step number (1234), an event id (a UUID) or a time (12.5s, 3400ms).',
    );
    await expect(app.toolbar.statusText).toHaveText(before.text);
  });
});
