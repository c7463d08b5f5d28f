import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

test.describe('RabbitMQ-style exchanges and queues', () => {
  test('a topic exchange routes each order by its routing key to the queues whose pattern matches', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.gotoExample('topic-exchange', 'Topic exchange routing');
    // The bindings are drawn on the edges.
    for (const [queue, pattern] of [
      ['EU orders', 'order.eu.*'],
      ['Cancellations', 'order.*.cancelled'],
      ['Audit', 'order.#'],
    ] as const) {
      await expect(app.canvas.root.getByRole('note', { name: `orders to ${queue} binds ${pattern}` })).toHaveText(
        pattern,
      );
    }
    await app.toolbar.setSpeed('100×');
    await app.toolbar.play();
    await app.toolbar.waitForHead(150);
    await app.toolbar.pauseAndSettle();

    const exchange = app.canvas.nodeCard('exchange', 'orders');
    const received = await app.canvas.counter(exchange, 'received');
    expect(received).toBeGreaterThan(20);
    // order.# matches every key, so nothing is unroutable and the Audit queue got every order.
    expect(await app.canvas.counter(exchange, 'routed')).toBe(received);
    expect(await app.canvas.counter(exchange, 'unroutable')).toBe(0);
    // Orders come at 4 a second; the card shows the rate over the last virtual seconds.
    expect(Number(await app.canvas.cardValue(exchange, 'in/s'))).toBeCloseTo(4, 0);
    expect(await app.canvas.counter(app.canvas.nodeCard('queue', 'Audit'), 'enqueued')).toBe(received);

    // What each consumer saw, by routing key: EU fulfilment only order.eu.*, Refunds only cancellations.
    await app.canvas.selectNode('consumer', 'EU fulfilment');
    const eu = JSON.parse((await app.inspector.stateView('State').textContent()) ?? '{}') as Record<string, number>;
    expect(Object.keys(eu).length).toBeGreaterThan(0);
    for (const key of Object.keys(eu)) expect(key).toMatch(/^order\.eu\.(placed|cancelled)$/);
    await app.canvas.selectNode('projection', 'Audit log');
    const audit = JSON.parse((await app.inspector.stateView('Read model').textContent()) ?? '{}') as Record<
      string,
      number
    >;
    expect(Object.keys(audit).some((k) => k.startsWith('order.us.'))).toBe(true);
    const cancelled = Object.entries(audit)
      .filter(([k]) => k.endsWith('.cancelled'))
      .reduce((sum, [, n]) => sum + n, 0);
    const euSeen = Object.values(eu).reduce((sum, n) => sum + n, 0);
    const euInAudit = Object.entries(audit)
      .filter(([k]) => k.startsWith('order.eu.'))
      .reduce((sum, [, n]) => sum + n, 0);
    // Each queue holds its own copy; consumers have latency, so allow what is still in flight.
    expect(Math.abs(euSeen - euInAudit)).toBeLessThanOrEqual(3);
    const refunds = await app.canvas.counter(app.canvas.nodeCard('consumer', 'Refunds'), 'handled');
    expect(Math.abs(refunds - cancelled)).toBeLessThanOrEqual(3);

    // The log names the exchange, the routing key and the queues a publish reached.
    const lines = await app.log.read();
    const routed = lines.find((l) => /orders "order\.eu\.placed" → EU orders, Audit/.test(l.what));
    expect(routed, 'a publish row routed to EU orders and Audit').toBeDefined();
  });

  test('a dead-letter queue fills with poison messages; requeue instead brings them back, redelivered', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.gotoExample('dead-letter', 'Dead-letter queue');
    await app.toolbar.setSpeed('100×');
    await app.toolbar.play();
    await app.toolbar.waitForHead(120);
    await app.toolbar.pauseAndSettle();

    const worker = app.canvas.nodeCard('consumer', 'Payment worker');
    const failed = await app.canvas.counter(worker, 'failed');
    expect(failed).toBeGreaterThan(3);
    expect(await app.canvas.counter(worker, 'handled')).toBeGreaterThan(failed);
    const dlq = app.canvas.nodeCard('queue', 'payments.dlq');
    // Nobody consumes the DLQ: every rejected payment is still there.
    expect(await app.canvas.counter(dlq, 'ready')).toBe(failed);
    expect(await app.canvas.counter(app.canvas.nodeCard('queue', 'payments'), 'dead')).toBe(failed);

    // The DLQ's messages carry their death: rejected in payments, once.
    await app.canvas.selectNode('queue', 'payments.dlq');
    const rows = await app.inspector.tableRows(app.inspector.table('Messages in payments.dlq'));
    expect(rows.length).toBe(Math.min(failed, 20));
    for (const row of rows) expect(row[2]).toContain('x-death 1× (rejected in payments)');
    const lines = await app.log.read();
    expect(
      lines.some((l) => /from payments #\d+ failed: cannot parse card .* · rejected, dead-lettered/.test(l.what)),
    ).toBe(true);

    // Requeue a poison message instead: it comes straight back, marked redelivered, again and again.
    await app.canvas.selectNode('consumer', 'Payment worker');
    await app.inspector.field('When the handler throws').selectOption({ label: 'nack with requeue' });
    const before = await app.canvas.counter(worker, 'failed');
    await app.toolbar.setSpeed('10×');
    await app.toolbar.play();
    await expect.poll(() => app.canvas.counter(worker, 'failed'), { timeout: 20_000 }).toBeGreaterThan(before + 20);
    await app.toolbar.pauseAndSettle();
    const tail = await app.log.readTail();
    expect(
      tail.filter((l) => /\(redelivered\) failed: cannot parse card .* · nacked, requeued/.test(l.what)).length,
    ).toBeGreaterThan(2);
    // Nothing more reaches the DLQ: requeued messages never die.
    expect(await app.canvas.counter(dlq, 'ready')).toBe(failed);
  });

  test('a person builds exchange → queue by hand, sets the binding key, and it survives a reload', async ({ page }) => {
    const app = new AppPage(page);
    await app.gotoExample('orders', 'Orders');
    await app.palette.addButton('exchange').click();
    await app.palette.addButton('queue').click();
    await app.canvas.selectNode('exchange', 'Exchange 1');
    await expect(app.inspector.field('Exchange type')).toHaveValue('topic');
    await app.inspector.field('Connect to').selectOption({ label: 'Queue 1' });
    await app.inspector.root.getByRole('button', { name: 'Connect', exact: true }).click();
    const key = app.inspector.field('Binding key to Queue 1');
    await key.fill('order.*.placed');
    await key.press('Enter');
    await expect(
      app.canvas.root.getByRole('note', { name: 'Exchange 1 to Queue 1 binds order.*.placed' }),
    ).toBeVisible();

    // The producer wired to the exchange gets a routing key field; to a topic only, it has none.
    await app.canvas.selectNode('producer', 'Orders');
    await expect(app.inspector.field('Routing key')).toHaveCount(0);
    await app.inspector.field('Connect to').selectOption({ label: 'Exchange 1' });
    await app.inspector.root.getByRole('button', { name: 'Connect', exact: true }).click();
    const routingKey = app.inspector.field('Routing key');
    await routingKey.fill('order.{{ data.customerId }}.placed');
    await routingKey.press('Enter');

    await app.reload();
    await expect(
      app.canvas.root.getByRole('note', { name: 'Exchange 1 to Queue 1 binds order.*.placed' }),
    ).toBeVisible();
    await app.toolbar.setSpeed('100×');
    await app.toolbar.play();
    await expect
      .poll(() => app.canvas.counter(app.canvas.nodeCard('queue', 'Queue 1'), 'ready'), { timeout: 20_000 })
      .toBeGreaterThan(3);
    await app.toolbar.pause();
    await app.canvas.selectNode('queue', 'Queue 1');
    const rows = await app.inspector.tableRows(app.inspector.table('Messages in Queue 1'));
    expect(rows[0]![1]).toMatch(/^order\.cust-\w+\.placed$/);
  });

  test('request-reply: the responder answers on the reply queue and the requester matches each reply by correlation id', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.gotoExample('request-reply', 'Request-reply');
    await app.toolbar.setSpeed('100×');
    await app.toolbar.play();
    await app.toolbar.waitForHead(40);
    await app.toolbar.pauseAndSettle();
    const lines = await app.log.read();
    expect(
      lines.some((l) =>
        /QuoteRequested .* from price\.rpc #\d+ handled · acked · replied default exchange "replies" → checkout\.replies/.test(
          l.what,
        ),
      ),
    ).toBe(true);
    expect(
      lines.some((l) =>
        /QuoteGiven .* from checkout\.replies #\d+ handled · acked · reply to Checkout's request \(round trip 85 ms\)/.test(
          l.what,
        ),
      ),
    ).toBe(true);
  });
});

test.describe('ephemeral pub/sub', () => {
  test('only subscribers connected at publish time receive; a channel nobody listens to drops; a crashed subscriber misses messages', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.gotoExample('pubsub', 'Pub/sub channels');
    await app.toolbar.setSpeed('100×');
    await app.toolbar.play();
    await app.toolbar.waitForHead(60);
    await app.toolbar.pauseAndSettle();
    const redis = app.canvas.nodeCard('pubsub', 'Redis pub/sub');
    // Nobody subscribes to "alerts": every alert is gone.
    const alerts = await app.canvas.counter(app.canvas.nodeCard('producer', 'Alerts'), 'published');
    expect(alerts).toBeGreaterThan(0);
    expect(await app.canvas.counter(redis, 'dropped')).toBe(alerts);

    await app.canvas.selectNode('pubsub', 'Redis pub/sub');
    expect(await app.inspector.tableRows(app.inspector.table('Subscriptions of Redis pub/sub'))).toEqual([
      ['Dashboard', 'PSUBSCRIBE', 'prices.*'],
      ['EU desk', 'SUBSCRIBE', 'prices.eu'],
    ]);

    await app.inspector.controlConsumer('EU desk', 'Crash');
    await expect(app.canvas.nodeCard('consumer', 'EU desk')).toContainText('crashed');
    const desk = await app.canvas.counter(app.canvas.nodeCard('consumer', 'EU desk'), 'handled');
    const dashboard = await app.canvas.counter(app.canvas.nodeCard('projection', 'Dashboard'), 'handled');
    await app.toolbar.play();
    await expect
      .poll(() => app.canvas.counter(app.canvas.nodeCard('projection', 'Dashboard'), 'handled'), { timeout: 20_000 })
      .toBeGreaterThan(dashboard + 10);
    await app.toolbar.pause();
    expect(await app.canvas.counter(app.canvas.nodeCard('consumer', 'EU desk'), 'handled')).toBe(desk);
    await app.canvas.selectNode('pubsub', 'Redis pub/sub');
    expect(await app.inspector.tableRows(app.inspector.table('Subscriptions of Redis pub/sub'))).toEqual([
      ['Dashboard', 'PSUBSCRIBE', 'prices.*'],
    ]);
  });
});
