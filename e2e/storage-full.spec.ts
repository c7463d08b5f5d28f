import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

/** The Orders example, renamed, with a payload of ~6 MB that does not compress. */
function bigFlow(): string {
  const flow = JSON.parse(readFileSync(new URL('../public/examples/orders.json', import.meta.url), 'utf8')) as {
    name: string;
    nodes: { kind: string; payload?: Record<string, unknown> }[];
  };
  flow.name = 'Big orders';
  const producer = flow.nodes.find((n) => n.kind === 'producer')!;
  producer.payload = {
    ...producer.payload,
    padding: Array.from({ length: 6_000 }, () => randomBytes(750).toString('base64')),
  };
  return JSON.stringify(flow);
}

const count = (text: string): number => Number(text.replaceAll(',', ''));

test.describe('a full browser storage', () => {
  test('a run at max speed pauses at the last stored step, names the steps it could not save, and a reload shows the same run', async ({
    page,
    baseURL,
  }) => {
    const app = new AppPage(page);
    await app.storage.limitStorage(baseURL!, 3_000_000);
    await app.gotoExample('orders', 'Orders');
    await app.toolbar.setSpeed('max');
    await app.toolbar.play();

    const alert = app.alerts.filter({ hasText: /^Browser storage is full: / });
    await expect(alert).toBeVisible({ timeout: 40_000 });
    await expect(app.toolbar.playButton).toBeVisible();
    const said =
      /steps ([\d,]+)–([\d,]+) could not be saved and were discarded; the run is paused at step ([\d,]+), the last one stored\. Free some space \(delete a branch, or Reset run\), then press Play to continue\./.exec(
        (await alert.textContent()) ?? '',
      );
    expect(said, 'the alert names the steps that were not saved').not.toBeNull();
    const [from, to, stored] = [count(said![1]!), count(said![2]!), count(said![3]!)];
    expect(from).toBe(stored + 1);
    expect(to).toBeGreaterThanOrEqual(from);
    await expect(app.toolbar.statusText).toHaveText(new RegExp(`^Step ${stored} of ${stored} · `));
    const shown = (await app.toolbar.status()).text;
    await expect.poll(async () => (await app.log.readTail()).at(-1)?.step).toBe(stored - 1);
    const tail = await app.log.readTail();

    await app.reload();
    await expect(app.toolbar.statusText).toHaveText(shown);
    await expect.poll(() => app.log.readTail()).toEqual(tail);
  });

  test('opening a flow too big for the storage left is refused, and the stored flow and its run stay as they were', async ({
    page,
    baseURL,
  }) => {
    const app = new AppPage(page);
    await app.storage.limitStorage(baseURL!, 5_000_000);
    await app.gotoExample('orders', 'Orders');
    await app.toolbar.setSpeed('100×');
    await app.toolbar.play();
    await app.toolbar.waitForHead(150);
    const before = await app.toolbar.pauseAndSettle();
    await expect.poll(async () => (await app.log.readTail()).at(-1)?.step).toBe(before.head - 1);
    const tail = await app.log.readTail();

    await app.toolbar.openFlowFile('big-orders.tidemark.json', bigFlow());
    // The stored run is the person's work: asked first, they choose to replace it, and storage refuses.
    await app.trust.answerReplace('Replace it');

    await expect(
      app.alerts.filter({
        hasText:
          'Open flow file "big-orders.tidemark.json": Not opened: browser storage is full. Your flow "Orders" and its run are unchanged.',
      }),
    ).toBeVisible({ timeout: 20_000 });
    await expect(app.toolbar.flowName).toHaveText('Orders');
    await expect(app.toolbar.statusText).toHaveText(before.text);

    await app.reload();
    await expect(app.toolbar.flowName).toHaveText('Orders');
    await expect(app.toolbar.statusText).toHaveText(before.text);
    await expect.poll(() => app.log.readTail()).toEqual(tail);
  });
});
