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
  const seen: Record<string, string | number | null> = { status: (await app.toolbar.status()).text };
  for (const [kind, name, counters] of NODES) {
    for (const counter of counters)
      seen[`${name} ${counter}`] = await app.canvas.counter(app.canvas.nodeCard(kind, name), counter);
  }
  await app.canvas.selectNode('projection', 'Orders by customer');
  seen.readModel = await app.inspector.stateView('Read model').textContent();
  const { head } = await app.toolbar.status();
  await expect(app.log.row(head - 1)).toContainText(/OrderPlaced/);
  seen.lastRow = await app.log.row(head - 1).textContent();
  return seen;
}

test.describe('reload', () => {
  test('a paused run comes back exactly as it was', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.toolbar.setSpeed('100×');
    await app.toolbar.play();
    await app.toolbar.waitForHead(60);
    await app.toolbar.pauseAndSettle();
    const before = await readRun(app);

    await app.reload();
    await expect(app.canvas.nodeCards).toHaveCount(5);
    await expect(app.toolbar.statusText).toHaveText(String(before.status));
    expect(await readRun(app)).toEqual(before);
  });

  test('a reload while playing keeps the flow and the run, and Play goes on from there', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.toolbar.setSpeed('100×');
    await app.toolbar.play();
    await app.toolbar.waitForHead(60);

    await app.reload();
    await expect(app.canvas.nodeCards).toHaveCount(5);
    await expect(app.canvas.edge('order-events', 'Orders by customer')).toBeAttached();
    const producer = app.canvas.nodeCard('producer', 'Orders');
    const topic = app.canvas.nodeCard('topic', 'order-events');
    await expect.poll(async () => (await app.toolbar.status()).head).toBeGreaterThan(0);
    // It waits for the person: Play, not Pause, and the step stays where it was restored.
    await expect(app.toolbar.playButton).toBeVisible();
    const restored = await app.toolbar.status();
    expect(restored.cursor).toBe(restored.head);
    const published = await app.canvas.counter(producer, 'published');
    expect(published).toBeGreaterThan(0);
    expect(await app.canvas.counter(topic, 'published')).toBe(published);
    await expect(app.log.row(restored.head - 1)).not.toContainText('Loading');

    await app.toolbar.play();
    await expect.poll(async () => (await app.toolbar.status()).head).toBeGreaterThan(restored.head);
    await expect.poll(() => app.canvas.counter(producer, 'published')).toBeGreaterThan(published);
    await app.toolbar.pauseAndSettle();
    // The history before the reload is still the start of the run.
    await app.timeline.seek(1);
    await expect(app.log.row(0)).toContainText('OrderPlaced');
    await expect(app.toolbar.statusText).toHaveText(/^Step 1 of \d+ · t = 0\.500 s$/);
  });
});
