import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

test.describe('go to', () => {
  test('goes to a step number, the step that published an event, or the last step at a time; a target that does not exist moves nothing', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.setSpeed('100×');
    await app.play();
    await app.waitForHead(120);
    const { head } = await app.pauseAndSettle();
    const message = app.gotoForm.getByRole('status');
    const problem = app.gotoForm.getByRole('alert');

    await app.goTo('30');
    await expect(app.statusText).toHaveText(new RegExp(`^Step 30 of ${head} · `));
    await expect(message).toHaveText('At step 30');

    // An event id from a delivery row: Go to lands on the step that published it.
    await app.goTo('61');
    const delivery = (await app.currentLogRow().textContent()) ?? '';
    const id = UUID.exec(delivery)?.[0];
    expect(id, `an event id in "${delivery}"`).toBeDefined();
    await app.goTo(id!.toUpperCase());
    await expect(app.currentLogRow()).toContainText(`OrderPlaced ${id} →`);
    await expect(app.currentLogRow().getByRole('cell').nth(2)).toHaveText('Orders');
    await expect(message).toHaveText(/^Published at step \d+ \(t = \d+\.\d{3} s\)$/);

    // A time: the last step at or before it is the one just executed.
    for (const [text, limit] of [['12.5s', 12.5], ['3400ms', 3.4]] as const) {
      await app.goTo(text);
      // Wait for this answer (the status line still shows the previous step until the seek lands).
      await expect(message).toHaveText(new RegExp(`^Last step at or before t = ${limit.toFixed(3)} s: step \\d+$`));
      const landed = Number(/step (\d+)$/.exec((await message.textContent()) ?? '')![1]);
      await expect.poll(async () => (await app.status()).cursor).toBe(landed + 1);
      const { cursor } = await app.status();
      await expect(app.stepCell(app.currentLogRow())).toHaveText(String(cursor - 1));
      const time = Number(await app.currentLogRow().getByRole('cell').nth(1).textContent());
      const next = Number(await app.logRow(cursor).getByRole('cell').nth(1).textContent());
      expect(time).toBeLessThanOrEqual(limit);
      expect(next).toBeGreaterThan(limit);
    }
    const before = await app.status();

    // Nothing matches: an inline message, and the run stays where it was.
    await app.goTo('00000000-0000-4000-8000-000000000000');
    await expect(problem).toHaveText('No event with id 00000000-0000-4000-8000-000000000000 was published on this branch.');
    await expect(app.gotoForm.getByRole('textbox', { name: 'Go to' })).toHaveAttribute('aria-invalid', 'true');
    await app.goTo(String(head + 1));
    await expect(problem).toHaveText(`Step ${head + 1} is not on this branch: it has steps 0 to ${head}.`);
    await app.goTo('9999s');
    await expect(problem).toHaveText(/^t = 9999\.000 s is past the end of this branch \(t = \d+\.\d{3} s\)\.$/);
    await app.goTo('soon');
    await expect(problem).toHaveText('"soon" is not a step number (1234), an event id (a UUID) or a time (12.5s, 3400ms).');
    await expect(app.statusText).toHaveText(before.text);
  });
});
