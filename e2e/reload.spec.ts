import { expect, test } from '@playwright/test';
import { AppPage, type CounterName, type NodeKindName } from './pages/AppPage';

const NODES: readonly (readonly [NodeKindName, string, readonly CounterName[]])[] = [
  ['producer', 'Orders', ['published']],
  ['topic', 'order-events', ['published', 'delivered']],
  ['consumer', 'Email notifier', ['delivered', 'handled', 'failed']],
  ['consumer', 'Analytics counter', ['delivered', 'handled', 'failed']],
  ['projection', 'Orders by customer', ['delivered', 'handled', 'failed']],
];

/** Everything a person can read about the run: status, every counter, the read model and the last log row. */
async function readRun(app: AppPage): Promise<Record<string, string | number | null>> {
  const seen: Record<string, string | number | null> = { status: (await app.status()).text };
  for (const [kind, name, counters] of NODES) {
    for (const counter of counters) seen[`${name} ${counter}`] = await app.counter(app.nodeCard(kind, name), counter);
  }
  await app.selectNode('projection', 'Orders by customer');
  seen.readModel = await app.stateView('Read model').textContent();
  const { head } = await app.status();
  await expect(app.logRow(head - 1)).toContainText(/OrderPlaced/);
  seen.lastRow = await app.logRow(head - 1).textContent();
  return seen;
}

test.describe('reload', () => {
  test('a paused run comes back exactly as it was', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.setSpeed('100×');
    await app.play();
    await app.waitForHead(60);
    await app.pauseAndSettle();
    const before = await readRun(app);

    await app.reload();
    await expect(app.nodeCards).toHaveCount(5);
    await expect(app.statusText).toHaveText(String(before.status));
    expect(await readRun(app)).toEqual(before);
  });

  test('a reload while playing keeps the flow and the run, and Play goes on from there', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.setSpeed('100×');
    await app.play();
    await app.waitForHead(60);

    await app.reload();
    await expect(app.nodeCards).toHaveCount(5);
    await expect(app.edge('order-events', 'Orders by customer')).toBeAttached();
    const producer = app.nodeCard('producer', 'Orders');
    const topic = app.nodeCard('topic', 'order-events');
    await expect.poll(async () => (await app.status()).head).toBeGreaterThan(0);
    // It waits for the person: Play, not Pause, and the step stays where it was restored.
    await expect(app.playButton).toBeVisible();
    const restored = await app.status();
    expect(restored.cursor).toBe(restored.head);
    const published = await app.counter(producer, 'published');
    expect(published).toBeGreaterThan(0);
    expect(await app.counter(topic, 'published')).toBe(published);
    await expect(app.logRow(restored.head - 1)).not.toContainText('Loading');

    await app.play();
    await expect.poll(async () => (await app.status()).head).toBeGreaterThan(restored.head);
    await expect.poll(() => app.counter(producer, 'published')).toBeGreaterThan(published);
    await app.pauseAndSettle();
    // The history before the reload is still the start of the run.
    await app.seek(1);
    await expect(app.logRow(0)).toContainText('OrderPlaced');
    await expect(app.statusText).toHaveText(/^Step 1 of \d+ · t = 0\.500 s$/);
  });
});
