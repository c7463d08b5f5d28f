import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

// Node ids are data: a flow whose nodes and edges are named like members of Object.prototype
// (constructor, __proto__, toString, hasOwnProperty, valueOf) runs and shows like any other.

/** What the cards and edges show: each node is named by its id here. */
async function readCards(app: AppPage): Promise<Record<string, number | number[]>> {
  const producer = app.canvas.nodeCard('producer', 'constructor');
  const topic = app.canvas.nodeCard('topic', '__proto__');
  const projection = app.canvas.nodeCard('projection', 'toString');
  return {
    'constructor published': await app.canvas.counter(producer, 'published'),
    '__proto__ published': await app.canvas.counter(topic, 'published'),
    '__proto__ delivered': await app.canvas.counter(topic, 'delivered'),
    'toString delivered': await app.canvas.counter(projection, 'delivered'),
    'toString handled': await app.canvas.counter(projection, 'handled'),
    'toString failed': await app.canvas.counter(projection, 'failed'),
    edges: await app.canvas.edgeCounts(),
  };
}

test.describe('ids named like Object.prototype members', () => {
  test('a linked flow with nodes constructor, __proto__ and toString counts what its log shows, and a reload keeps it', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.gotoTrustedFixture('prototype-ids.json');
    await expect(app.toolbar.flowName).toHaveText('Prototype ids');
    await expect(app.canvas.nodeCards).toHaveCount(3);
    await expect(app.canvas.edge('constructor', '__proto__')).toBeAttached();
    await expect(app.canvas.edge('__proto__', 'toString')).toBeAttached();

    await app.toolbar.setSpeed('100×');
    await app.toolbar.play();
    await app.toolbar.waitForHead(60);
    const paused = await app.toolbar.pauseAndSettle();

    const log = await app.log.read();
    expect(log).toHaveLength(paused.head);
    const published = log.filter(
      (line) => line.node === 'constructor' && /ButtonClicked .* → __proto__/.test(line.what),
    ).length;
    const handled = log.filter((line) => line.node === 'toString' && /ButtonClicked .* handled/.test(line.what)).length;
    expect(published).toBeGreaterThan(20);
    expect(handled).toBeGreaterThan(20);
    expect(published + handled).toBe(paused.head);

    const shown = await readCards(app);
    expect(shown).toEqual({
      'constructor published': published,
      '__proto__ published': published,
      '__proto__ delivered': handled,
      'toString delivered': handled,
      'toString handled': handled,
      'toString failed': 0,
      edges: [published, handled],
    });
    await app.canvas.selectNode('projection', 'toString');
    const readModel = JSON.parse((await app.inspector.stateView('Read model').textContent()) ?? '{}') as Record<
      string,
      number
    >;
    expect(Object.keys(readModel).sort()).toEqual(['buy', 'save']);
    expect((readModel.buy ?? 0) + (readModel.save ?? 0)).toBe(handled);

    await app.reload();
    await expect(app.toolbar.flowName).toHaveText('Prototype ids');
    await expect(app.toolbar.statusText).toHaveText(paused.text);
    expect(await readCards(app)).toEqual(shown);
  });
});
