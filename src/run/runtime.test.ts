import { describe, expect, it } from 'vitest';
import orders from '../../public/examples/orders.json';
import { validateFlow, type FlowDocument, type ProducerNode } from '../flow';
import { Runtime } from './runtime';
import { StepKind, type DeliverStep, type PublishStep, type StepRecord, virtualIso } from '../engine';

function exampleFlow(): FlowDocument {
  const result = validateFlow(orders);
  if (!result.ok) throw new Error(`the example flow does not validate: ${JSON.stringify(result.problems)}`);
  return result.flow;
}

const withCode = (flow: FlowDocument, nodeId: string, source: string): FlowDocument => ({
  ...flow,
  code: { ...flow.code, [nodeId]: source },
});

const withRate = (flow: FlowDocument, rate: number): FlowDocument => ({
  ...flow,
  nodes: flow.nodes.map((n) => (n.kind === 'producer' ? { ...n, rate } : n)),
});

function steps(runtime: Runtime, count: number): StepRecord[] {
  const out: StepRecord[] = [];
  for (let i = 0; i < count; i++) {
    const record = runtime.step();
    if (!record) break;
    out.push(record);
  }
  return out;
}

const publishes = (records: readonly StepRecord[]): PublishStep[] =>
  records.filter((r): r is PublishStep => r.kind === StepKind.Publish);
const deliveries = (records: readonly StepRecord[]): DeliverStep[] =>
  records.filter((r): r is DeliverStep => r.kind === StepKind.Deliver);
const SUBSCRIBERS = ['email', 'analytics', 'by-customer'] as const;

describe('Runtime on the example flow', () => {
  it('first publishes at t = 500 ms (2 events/s), then delivers to the three subscribers in latency order', () => {
    const records = steps(Runtime.start(exampleFlow()), 5);
    const [publish, ...rest] = records;
    expect(publish).toMatchObject({ kind: 'publish', step: 0, time: 500, node: 'orders', topics: ['order-events'] });
    expect(rest.slice(0, 3).map((r) => [r.kind, r.node, r.time, r.step])).toEqual([
      ['deliver', 'email', 520, 1],
      ['deliver', 'analytics', 550, 2],
      ['deliver', 'by-customer', 600, 3],
    ]);
    expect(rest[3]).toMatchObject({ kind: 'publish', time: 1000 });
  });

  it('publishes a CloudEvent whose payload follows the template and whose deliveries refer to it', () => {
    const [publish, email] = steps(Runtime.start(exampleFlow()), 2) as [PublishStep, DeliverStep];
    const { event } = publish;
    expect(event).toMatchObject({
      specversion: '1.0',
      source: '/producers/orders',
      type: 'OrderPlaced',
      time: virtualIso(500),
      datacontenttype: 'application/json',
      correlationid: event.id,
      sequence: 1,
    });
    const data = event.data as {
      orderId: string;
      customerId: string;
      items: { price: number; quantity: number }[];
      total: number;
    };
    expect(data.orderId).toMatch(/^ord-[0-9a-z]{6}$/);
    expect(['cust-ada', 'cust-alan', 'cust-grace', 'cust-linus']).toContain(data.customerId);
    expect(data.items.length).toBeGreaterThanOrEqual(1);
    expect(data.items.length).toBeLessThanOrEqual(3);
    expect(data.total).toBe(Math.round(data.items.reduce((t, i) => t + i.price * i.quantity, 0) * 100) / 100);
    expect(email).toMatchObject({
      topic: 'order-events',
      offset: 0,
      eventId: event.id,
      eventType: 'OrderPlaced',
      outcome: 'handled',
    });
    expect(email.logs).toEqual([`email to ${data.customerId}: order ${data.orderId} confirmed, total ${data.total}`]);
  });

  it('numbers steps from 0 without gaps and never goes back in virtual time', () => {
    const records = steps(Runtime.start(exampleFlow()), 2000);
    expect(records.map((r) => r.step)).toEqual(records.map((_, i) => i));
    for (let i = 1; i < records.length; i++) expect(records[i]!.time).toBeGreaterThanOrEqual(records[i - 1]!.time);
  });

  it('keeps counters consistent with each other and with the log after N steps', () => {
    const runtime = Runtime.start(exampleFlow());
    const records = steps(runtime, 1001);
    const { nodes } = runtime.state;
    const producer = nodes['orders']!.counters;
    const topic = nodes['order-events']!.counters;
    expect(producer.published).toBe(publishes(records).length);
    expect(topic.published).toBe(producer.published);
    expect(nodes['order-events']!.sequence).toBe(producer.published);
    let delivered = 0;
    for (const id of SUBSCRIBERS) {
      const c = nodes[id]!.counters;
      expect(c.delivered).toBe(c.handled + c.failed);
      expect(c.delivered).toBe(deliveries(records).filter((d) => d.node === id).length);
      delivered += c.delivered;
    }
    expect(topic.delivered).toBe(delivered);
    // what is published but not yet delivered is exactly what each subscriber's group has yet to read
    const { topics, groups } = runtime.state.kafka;
    const end = topics['order-events']!.partitions[0]!.logEndOffset;
    const waiting = SUBSCRIBERS.reduce((n, id) => n + end - (groups[id]!.positions['order-events:0'] ?? 0), 0);
    expect(topic.published * SUBSCRIBERS.length - topic.delivered).toBe(waiting);
    expect(runtime.state.step).toBe(1001);
    expect(nodes['email']!.data).toEqual({ sent: nodes['email']!.counters.handled });
    expect(nodes['analytics']!.data['orders']).toBe(nodes['analytics']!.counters.handled);
  });

  it('delivers each offset of the topic to each subscriber exactly once, in offset order', () => {
    const records = deliveries(steps(Runtime.start(exampleFlow()), 1200));
    for (const id of SUBSCRIBERS) {
      const offsets = records.filter((d) => d.node === id).map((d) => d.offset);
      expect(offsets).toEqual(offsets.map((_, i) => i));
    }
  });
});

describe('Runtime: failing handlers', () => {
  const failing = (flow: FlowDocument) =>
    withCode(
      flow,
      'analytics',
      'function handle(event, ctx) {\n  if (event.data.total > 60) throw new Error(`too big: ${event.data.total}`);\n  ctx.state.ok = (ctx.state.ok ?? 0) + 1;\n}\n',
    );

  it('counts a throwing handler as a failed delivery with the message in the record, and the run continues', () => {
    const runtime = Runtime.start(failing(exampleFlow()));
    const records = steps(runtime, 800);
    expect(records).toHaveLength(800);
    const totals = new Map(publishes(records).map((p) => [p.event.id, (p.event.data as { total: number }).total]));
    const analytics = deliveries(records).filter((d) => d.node === 'analytics');
    const failed = analytics.filter((d) => d.outcome === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(analytics.length);
    for (const d of analytics) {
      const total = totals.get(d.eventId)!;
      if (total > 60) expect(d).toMatchObject({ outcome: 'failed', error: `too big: ${total}` });
      else {
        expect(d.outcome).toBe('handled');
        expect(d).not.toHaveProperty('error');
      }
    }
    const c = runtime.state.nodes['analytics']!.counters;
    expect(c.failed).toBe(failed.length);
    expect(c.handled).toBe(analytics.length - failed.length);
    expect(runtime.state.nodes['analytics']!.data).toEqual({ ok: c.handled });
    // the other subscribers are not affected
    expect(runtime.state.nodes['email']!.counters.failed).toBe(0);
  });

  it('fails every delivery to a handler that does not compile, saying so', () => {
    const runtime = Runtime.start(withCode(exampleFlow(), 'email', 'function handle(event, ctx) {'));
    const email = deliveries(steps(runtime, 40)).filter((d) => d.node === 'email');
    expect(email.length).toBeGreaterThan(0);
    for (const d of email) expect(d.error).toMatch(/^handler does not compile: /);
    expect(runtime.state.nodes['by-customer']!.counters.failed).toBe(0);
  });

  it('keeps what ctx.log wrote before a handler threw', () => {
    const runtime = Runtime.start(
      withCode(
        exampleFlow(),
        'email',
        'function handle(event, ctx) { ctx.log("about to fail", 1); throw "plain string"; }',
      ),
    );
    const [d] = deliveries(steps(runtime, 2));
    expect(d).toMatchObject({ outcome: 'failed', error: 'thrown: plain string', logs: ['about to fail 1'] });
  });

  it('gives each subscriber the event as published, whatever an earlier subscriber did to it', () => {
    // email (latency 20) runs first and scribbles on the event; analytics (50) must still see the real total
    const flow = withCode(
      exampleFlow(),
      'email',
      'function handle(event, ctx) { event.data.total = -1; event.data.items = []; }',
    );
    const runtime = Runtime.start(flow);
    const published: number[] = [];
    for (let i = 0; i < 400; i++) {
      const record = runtime.step()!;
      if (record.kind === StepKind.Publish)
        published.push((JSON.parse(JSON.stringify(record.event.data)) as { total: number }).total);
    }
    const delivered = runtime.state.nodes['analytics']!.counters.handled;
    const expected = Math.round(published.slice(0, delivered).reduce((t, v) => t + v, 0) * 100) / 100;
    expect(runtime.state.nodes['analytics']!.data['revenue']).toBeCloseTo(expected, 2);
  });
});

describe('Runtime: inputs from outside the run', () => {
  it('runs a manual publish as the next step, marked manual, with the given data', () => {
    const runtime = Runtime.start(exampleFlow());
    steps(runtime, 2); // publish at 500, email at 520
    const data = { orderId: 'manual-1', customerId: 'cust-ada', items: [], total: 0 };
    const record = runtime.apply({ type: 'publish', producer: 'orders', data });
    expect(record).toMatchObject({
      kind: 'publish',
      step: 2,
      time: 520,
      node: 'orders',
      manual: true,
      topics: ['order-events'],
    });
    const event = (record as PublishStep).event;
    expect(event.data).toEqual(data);
    expect(event.sequence).toBe(2);
    expect(runtime.state.nodes['orders']!.counters.published).toBe(2);
    // its deliveries follow the latencies from 520; automatic publishing keeps its beat (next at 1000)
    const next = steps(runtime, 8).filter(
      (r) => r.kind === StepKind.Publish || (r.kind === StepKind.Deliver && r.eventId === event.id),
    );
    expect(next.map((r) => [r.kind, r.node, r.time])).toEqual([
      ['deliver', 'email', 540],
      ['deliver', 'analytics', 570],
      ['deliver', 'by-customer', 620],
      ['publish', 'orders', 1000],
    ]);
    expect(next[3]).not.toHaveProperty('manual');
  });

  it('turns a manual publish to an unknown producer into a fault step, not an exception', () => {
    const runtime = Runtime.start(exampleFlow());
    expect(runtime.apply({ type: 'publish', producer: 'ghost', data: {} })).toMatchObject({
      kind: 'fault',
      step: 0,
      node: 'ghost',
      error: 'no such producer',
    });
    expect(runtime.state.step).toBe(1);
  });

  it('drops the pending deliveries of a consumer removed by a flow change', () => {
    const runtime = Runtime.start(exampleFlow());
    steps(runtime, 1); // publish at 500: deliveries to all three are pending
    const before = runtime.flow;
    const after: FlowDocument = {
      ...before,
      nodes: before.nodes.filter((n) => n.id !== 'analytics'),
      edges: before.edges.filter((e) => e.target !== 'analytics'),
      code: Object.fromEntries(Object.entries(before.code).filter(([id]) => id !== 'analytics')),
    };
    const change = runtime.apply({ type: 'flow', flow: after, summary: 'removed Analytics counter' });
    expect(change).toEqual({ kind: 'flow-change', step: 1, time: 500, node: '', summary: 'removed Analytics counter' });
    expect(runtime.state.queue.some((a) => a.node === 'analytics')).toBe(false);
    expect(runtime.state.nodes['analytics']).toBeUndefined();
    const records = steps(runtime, 300);
    expect(records.some((r) => r.node === 'analytics')).toBe(false);
    // its group rebalances as it leaves (and is left empty); the others go on as before
    expect(records[0]).toMatchObject({ kind: 'rebalance', group: 'analytics', time: 500, after: {} });
    expect(records.slice(1, 4).map((r) => [r.node, r.time])).toEqual([
      ['email', 520],
      ['by-customer', 600],
      ['orders', 1000],
    ]);
    expect(runtime.flow).toBe(after);
  });

  it('reschedules a producer whose rate changes, from the time of the change', () => {
    const runtime = Runtime.start(exampleFlow());
    steps(runtime, 1); // t = 500, next publish was due at 1000
    runtime.apply({ type: 'flow', flow: withRate(runtime.flow, 10), summary: 'changed Orders' });
    const times = publishes(steps(runtime, 40))
      .slice(0, 4)
      .map((p) => p.time);
    expect(times).toEqual([600, 700, 800, 900]);
  });

  it('stops a producer whose rate becomes 0 and starts it again when the rate comes back', () => {
    const runtime = Runtime.start(exampleFlow());
    steps(runtime, 1);
    runtime.apply({ type: 'flow', flow: withRate(runtime.flow, 0), summary: 'paused Orders' });
    const drained = steps(runtime, 50);
    expect(drained.map((r) => r.kind)).toEqual(['deliver', 'deliver', 'deliver']);
    expect(runtime.step()).toBeUndefined();
    expect(runtime.nextTime()).toBeUndefined();
    runtime.apply({ type: 'flow', flow: withRate(runtime.flow, 4), summary: 'resumed Orders' });
    expect(runtime.nextTime()).toBe(600 + 250);
  });

  it('keeps the producer beat when a flow change leaves its rate alone', () => {
    const runtime = Runtime.start(exampleFlow());
    steps(runtime, 1);
    const renamed: FlowDocument = {
      ...runtime.flow,
      nodes: runtime.flow.nodes.map((n) => (n.id === 'email' ? { ...n, name: 'Mailer' } : n)),
    };
    runtime.apply({ type: 'flow', flow: renamed, summary: 'changed Mailer' });
    expect(publishes(steps(runtime, 10)).map((p) => p.time)).toEqual([1000, 1500]);
    const producer = runtime.flow.nodes.find((n): n is ProducerNode => n.kind === 'producer')!;
    expect(producer.rate).toBe(2);
  });
});

describe('Runtime snapshots', () => {
  it('a restored snapshot continues exactly like the original', () => {
    const runtime = Runtime.start(exampleFlow());
    steps(runtime, 333);
    const copy = Runtime.restore(runtime.snapshot());
    expect(JSON.stringify(steps(copy, 500))).toBe(JSON.stringify(steps(runtime, 500)));
    expect(JSON.stringify(copy.state)).toBe(JSON.stringify(runtime.state));
  });

  it('a restored snapshot continues like the original even when a handler tries to change its event', () => {
    // email (latency 20) scribbles on the event; the snapshot is taken while its delivery is pending
    const flow = withCode(exampleFlow(), 'email', 'function handle(event, ctx) { event.data.total = -1; }');
    const runtime = Runtime.start(flow);
    steps(runtime, 1);
    const copy = Runtime.restore(runtime.snapshot());
    expect(JSON.stringify(steps(copy, 3))).toBe(JSON.stringify(steps(runtime, 3)));
    expect(JSON.stringify(copy.state)).toBe(JSON.stringify(runtime.state));
  });

  it('is unaffected by the run going on after it was taken', () => {
    const runtime = Runtime.start(exampleFlow());
    steps(runtime, 100);
    const snapshot = runtime.snapshot();
    const frozen = JSON.stringify(snapshot.state);
    steps(runtime, 100);
    expect(JSON.stringify(snapshot.state)).toBe(frozen);
  });
});
