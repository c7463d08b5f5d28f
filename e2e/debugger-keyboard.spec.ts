import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

test.describe('timeline keyboard', () => {
  test('← and → move one step and the whole view follows; Alt+← and Alt+→ jump between the steps that touch the selected node', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.goto();
    const head = 24;
    for (let i = 0; i < head; i++) await app.toolbar.step();
    await expect(app.toolbar.statusText).toHaveText(new RegExp(`^Step ${head} of ${head} · `));
    const producer = app.canvas.nodeCard('producer', 'Orders');

    // Native range keys: one step each, and the frame (status, counters, log) follows.
    await app.timeline.slider.focus();
    await app.timeline.slider.press('Home');
    await expect(app.toolbar.statusText).toHaveText(new RegExp(`^Step 0 of ${head} · `));
    await app.timeline.slider.press('ArrowRight');
    await expect(app.toolbar.statusText).toHaveText(new RegExp(`^Step 1 of ${head} · `));
    await expect(app.log.stepCell(app.log.currentRow())).toHaveText('0');
    await expect.poll(() => app.canvas.counter(producer, 'published')).toBe(1);
    await app.timeline.slider.press('ArrowRight');
    await app.timeline.slider.press('ArrowRight');
    await expect(app.toolbar.statusText).toHaveText(new RegExp(`^Step 3 of ${head} · `));
    await expect(app.log.stepCell(app.log.currentRow())).toHaveText('2');
    await app.timeline.slider.press('ArrowLeft');
    await expect(app.toolbar.statusText).toHaveText(new RegExp(`^Step 2 of ${head} · `));
    await expect(app.timeline.slider).toHaveValue('2');

    // Nothing selected: the keys say what they need.
    await app.timeline.slider.press('Alt+ArrowRight');
    await expect(app.timeline.status).toHaveText(
      'Select a node first: Alt+← and Alt+→ jump between the steps that touch it.',
    );
    await expect(app.toolbar.statusText).toHaveText(new RegExp(`^Step 2 of ${head} · `));

    const log = await app.log.read();
    const touchingEmail = log.filter((line) => line.node === 'Email notifier').map((line) => line.step);
    expect(touchingEmail.length).toBeGreaterThan(3);

    await app.canvas.selectNode('consumer', 'Email notifier');
    await app.timeline.slider.focus();
    await app.timeline.slider.press('Home');
    await app.timeline.slider.press('Alt+ArrowRight');
    await expect(app.log.stepCell(app.log.currentRow())).toHaveText(String(touchingEmail[0]));
    await expect(app.timeline.status).toHaveText(`Next step touching Email notifier: ${touchingEmail[0]}`);
    await app.timeline.slider.press('Alt+ArrowRight');
    await expect(app.log.stepCell(app.log.currentRow())).toHaveText(String(touchingEmail[1]));
    await expect(app.log.currentRow()).toContainText('Email notifier');
    await app.timeline.slider.press('Alt+ArrowRight');
    await expect(app.log.stepCell(app.log.currentRow())).toHaveText(String(touchingEmail[2]));
    await app.timeline.slider.press('Alt+ArrowLeft');
    await expect(app.log.stepCell(app.log.currentRow())).toHaveText(String(touchingEmail[1]));
    await expect(app.timeline.status).toHaveText(`Previous step touching Email notifier: ${touchingEmail[1]}`);
    // Alt+← did not leave the page (it is the browser's Back elsewhere).
    await expect(app.toolbar.flowName).toHaveText('Orders');

    // A topic is touched by the publishes to it and the deliveries from it: every step of this flow.
    await app.canvas.selectNode('topic', 'order-events');
    await app.timeline.slider.focus();
    await app.timeline.slider.press('Alt+ArrowRight');
    await expect(app.log.stepCell(app.log.currentRow())).toHaveText(String(touchingEmail[1]! + 1));

    // Past the last one there is nothing further.
    await app.canvas.selectNode('consumer', 'Email notifier');
    await app.timeline.seekToEnd();
    const last = touchingEmail[touchingEmail.length - 1]!;
    await app.timeline.slider.press('Alt+ArrowRight');
    await expect(app.timeline.status).toHaveText('No later step touches Email notifier.');
    await expect(app.toolbar.statusText).toHaveText(new RegExp(`^Step ${head} of ${head} · `));
    await app.timeline.slider.press('Alt+ArrowLeft');
    await expect(app.log.stepCell(app.log.currentRow())).toHaveText(
      String(last === head - 1 ? touchingEmail[touchingEmail.length - 2] : last),
    );
  });
});
