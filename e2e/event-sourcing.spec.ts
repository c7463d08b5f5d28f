import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/AppPage';

type Orders = Record<string, { status: string; total?: number; customerId?: string }>;

async function readModelOf(app: AppPage, kind: 'projection' | 'consumer', name: string): Promise<Orders> {
  await app.canvas.selectNode(kind, name);
  return JSON.parse(
    (await app.inspector.stateView(kind === 'projection' ? 'Read model' : 'State').textContent()) ?? '{}',
  ) as Orders;
}

const answer = (page: Page) =>
  page.getByRole('complementary', { name: 'Inspector' }).getByRole('region', { name: /^Answer of the query/ });

test.describe('event sourcing and CQRS', () => {
  test('online shop: commands become events, policies ship paid and reserved orders, and a shipped order cannot be cancelled', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const app = new AppPage(page);
    await app.gotoExample('online-shop', 'Online shop');
    await app.toolbar.setSpeed('100×');
    await app.toolbar.play();
    await expect
      .poll(
        async () =>
          Object.values(await readModelOf(app, 'projection', 'Orders')).filter((o) => o.status === 'shipped').length,
        { timeout: 20_000 },
      )
      .toBeGreaterThan(2);
    await app.toolbar.pauseAndSettle();

    // RegisterUser → UserRegistered → a welcome email.
    const welcome = (await readModelOf(app, 'consumer', 'Welcome email')) as unknown as { sent: number };
    expect(welcome.sent).toBeGreaterThan(0);

    const orders = await readModelOf(app, 'projection', 'Orders');
    const shipped = Object.keys(orders).find((id) => orders[id]!.status === 'shipped')!;
    const order = app.canvas.nodeCard('aggregate', 'Order');
    const refusedBefore = await app.canvas.counter(order, 'refused');

    // Customer service tries to cancel a shipped order: the aggregate refuses, with its reason.
    await app.canvas.selectNode('command', 'Customer service');
    await app.inspector
      .field('Command data (JSON)')
      .fill(JSON.stringify({ orderId: shipped, reason: 'changed my mind' }));
    await app.inspector.root.getByRole('button', { name: 'Send CancelOrder' }).click();
    await expect(app.inspector.root.getByRole('status').filter({ hasText: /^Sent as step \d+$/ })).toBeVisible();
    await expect.poll(() => app.canvas.counter(order, 'refused')).toBe(refusedBefore + 1);
    const tail = await app.log.readTail();
    expect(
      tail.some(
        (l) =>
          l.what ===
          `CancelOrder (by hand) → Order-${shipped} v4 (snapshot v3 + 1): rejected — cannot cancel a shipped order`,
      ),
    ).toBe(true);
    await app.canvas.selectNode('aggregate', 'Order');
    await expect(
      app.inspector.root.getByText(/^Last failure at step \d+: CancelOrder rejected: cannot cancel a shipped order$/),
    ).toBeVisible();

    // The stream's events, and the aggregate's state at any version.
    const stream = `Order-${shipped}`;
    await app.inspector.root.getByRole('textbox', { name: 'Stream id to open' }).fill(stream);
    await app.inspector.root.getByRole('button', { name: 'Open stream' }).click();
    expect((await app.inspector.tableRows(app.inspector.table(`Events of ${stream}`))).map((r) => r[1])).toEqual([
      'OrderPlaced',
      expect.stringMatching(/^(PaymentConfirmed|StockReserved)$/),
      expect.stringMatching(/^(PaymentConfirmed|StockReserved)$/),
      'OrderShipped',
    ]);
    await expect(app.inspector.root.getByRole('region', { name: `State of ${stream} at version 4` })).toContainText(
      '"status": "shipped"',
    );
    await app.inspector.root.getByRole('slider', { name: `Version of ${stream}` }).fill('1');
    await expect(app.inspector.root.getByRole('region', { name: `State of ${stream} at version 1` })).toContainText(
      '"status": "placed"',
    );
  });

  test('CQRS: two read models over the same events, one trailing the other; a query; a rebuild with corrected code', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const app = new AppPage(page);
    await app.gotoExample('cqrs-read-models', 'CQRS: two read models');
    await app.toolbar.setSpeed('10×');
    await app.toolbar.play();
    await app.toolbar.waitForHead(120);
    await app.toolbar.pauseAndSettle();

    // Eventual consistency made visible: the details model (1.5 s latency) trails the summary (30 ms).
    const summaryBehind = Number(
      await app.canvas.cardValue(app.canvas.nodeCard('projection', 'Order summary'), 'behind'),
    );
    const detailsBehind = Number(
      await app.canvas.cardValue(app.canvas.nodeCard('projection', 'Order details'), 'behind'),
    );
    expect(detailsBehind).toBeGreaterThan(summaryBehind);
    // ConfirmPayment and ReserveStock race on the same stream: conflicts, retried.
    expect(Number(await app.canvas.cardValue(app.canvas.nodeCard('aggregate', 'Order'), 'conflicts'))).toBeGreaterThan(
      0,
    );

    const summary = await readModelOf(app, 'projection', 'Order summary');
    const shipped = Object.values(summary).filter((o) => o.status === 'shipped').length;
    await app.inspector
      .field('Query on Order summary')
      .fill(
        "function query(readModel) {\n  return Object.values(readModel).filter((o) => o.status === 'shipped').length;\n}",
      );
    await app.inspector.root.getByRole('button', { name: 'Run query' }).click();
    await expect(answer(page)).toHaveText(String(shipped));

    // Rebuild the details model with new code: every order, old ones too, gets the new shape.
    await app.codeEditor.openHandlerCode('projection', 'Order details');
    // One line: Monaco would close a typed "{" on its own.
    await app.codeEditor.replaceHandlerCode(
      'function handle(event, ctx) { ctx.state[event.data.orderId] = { last: event.type }; }',
    );
    await app.canvas.selectNode('projection', 'Order details');
    await app.inspector.root.getByRole('button', { name: 'Rebuild read model' }).click();
    await app.toolbar.play();
    await expect(
      app.inspector.root.getByRole('status').filter({ hasText: /^Rebuilt from the \d+ events stored at step \d+$/ }),
    ).toBeVisible({ timeout: 20_000 });
    await app.toolbar.pauseAndSettle();
    const rebuilt = await readModelOf(app, 'projection', 'Order details');
    expect(Object.keys(rebuilt).length).toBeGreaterThanOrEqual(Object.keys(summary).length);
    for (const value of Object.values(rebuilt)) expect(Object.keys(value)).toEqual(['last']);
  });

  test('the query console answers temporal questions about the event store', async ({ page }) => {
    const app = new AppPage(page);
    await app.gotoExample('online-shop', 'Online shop');
    await app.toolbar.setSpeed('100×');
    await app.toolbar.play();
    await app.toolbar.waitForHead(200);
    await app.toolbar.pauseAndSettle();
    const placed = await app.canvas.counter(app.canvas.nodeCard('command', 'Checkout'), 'sent');

    // Nothing selected: the inspector offers the console.
    await app.canvas.root.click({ position: { x: 30, y: 30 } });
    const console = page.getByRole('region', { name: 'Query the event store' });
    await console.getByRole('radio', { name: 'Count events' }).check();
    await console.getByLabel('Event type').fill('OrderPlaced');
    await console.getByLabel('From (s)').fill('0');
    await console.getByLabel('To (s, excluded)').fill('100000');
    await console.getByRole('button', { name: 'Ask' }).click();
    const count = Number(((await console.getByRole('status', { name: 'Answer' }).textContent()) ?? '').split(' ')[0]);
    // Every PlaceOrder decided is appended one decision time later: at most one is still in flight.
    expect(count).toBeGreaterThanOrEqual(placed - 1);
    expect(count).toBeLessThanOrEqual(placed);

    await console.getByRole('radio', { name: 'State of a stream' }).check();
    await console.getByLabel('Stream id').fill('Order-nope');
    await console.getByRole('button', { name: 'Ask' }).click();
    await expect(console.getByRole('alert')).toHaveText('no stream "Order-nope" at this step');
  });

  test('a saga compensates a declined payment: the stock reserved for the order is released and the order cancelled', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.gotoExample('saga-compensation', 'Saga with compensation');
    await app.toolbar.setSpeed('10×');
    await app.toolbar.play();
    type Outcome = { status: string; stock?: string; payment?: string; total: number };
    const outcomes = async () =>
      Object.values((await readModelOf(app, 'projection', 'Orders')) as unknown as Record<string, Outcome>);
    await expect
      .poll(async () => (await outcomes()).filter((o) => o.status === 'cancelled').length, { timeout: 20_000 })
      .toBeGreaterThan(0);
    await app.toolbar.pauseAndSettle();
    const orders = await outcomes();
    for (const o of orders.filter((x) => x.status === 'cancelled'))
      expect(o).toMatchObject({ payment: 'declined', stock: 'released' });
    for (const o of orders.filter((x) => x.status === 'shipped'))
      expect(o).toMatchObject({ payment: 'charged', stock: 'reserved' });

    // The trace of a release shows the compensation: the declined payment it answered.
    // Go to the step that released stock: the log shows it as the current row.
    const released = (await app.log.read()).find((l) => /appended StockReleased/.test(l.what))!;
    await app.timeline.goTo(String(released.step + 1));
    const row = app.log.currentRow();
    await expect(row).toContainText('appended StockReleased');
    await row.hover();
    await row.getByRole('button', { name: /^Trace StockReleased / }).click();
    const steps = page
      .getByRole('region', { name: 'Causation trace' })
      .getByRole('list', { name: 'Steps of the conversation' })
      .getByRole('button');
    await expect(steps.first()).toBeVisible();
    const said = (await steps.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''))).map(
      (n) => n.replace(/^Go to step \d+: /, ''),
    );
    for (const expected of [
      'Payment appended PaymentDeclined',
      'Order saga handled PaymentDeclined',
      'Inventory decided ReleaseStock',
      'Inventory appended StockReleased',
      'Order appended OrderCancelled',
    ]) {
      expect(said).toContain(expected);
    }
  });
});
