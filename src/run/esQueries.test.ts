import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFlow } from '../flow';
import { queryLog, queryReadModel } from '../engine';
import { Runtime } from './runtime';

function shop(): Runtime {
  const parsed = parseFlow(readFileSync(new URL('../../public/examples/online-shop.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('the example does not parse');
  const runtime = Runtime.start(parsed.flow);
  for (let t = runtime.nextTime(); t !== undefined && t <= 20_000; t = runtime.nextTime()) runtime.step();
  return runtime;
}

describe('questions about the event store at the cursor', () => {
  const runtime = shop();
  const store = runtime.state.es.store;
  const shipped = store.log.find((e) => e.type === 'OrderShipped')!;

  it('an aggregate state at a version, at a time, and at its latest', () => {
    const latest = queryLog(runtime, { kind: 'state', streamId: shipped.streamId });
    expect(latest).toMatchObject({
      kind: 'state',
      aggregate: 'order',
      version: 4,
      latest: 4,
      state: { status: 'shipped', paid: true, reserved: true },
    });
    if (latest.kind === 'state') expect(latest.events.map((e) => e.version)).toEqual([1, 2, 3, 4]);
    expect(queryLog(runtime, { kind: 'state', streamId: shipped.streamId, version: 1 })).toMatchObject({
      version: 1,
      state: { status: 'placed', paid: false },
    });
    const placedAt = store.log.find((e) => e.streamId === shipped.streamId)!.metadata.time;
    expect(queryLog(runtime, { kind: 'state', streamId: shipped.streamId, time: placedAt - 1 })).toMatchObject({
      version: 0,
      state: { status: 'none' },
    });
    expect(() => queryLog(runtime, { kind: 'state', streamId: 'Order-nope' })).toThrow(
      'no stream "Order-nope" at this step',
    );
  });

  it('counts events of a type in [from, to), and lists one conversation in log order', () => {
    const placed = store.log.filter((e) => e.type === 'OrderPlaced');
    expect(queryLog(runtime, { kind: 'count', eventType: 'OrderPlaced', from: 0, to: 1e9 })).toEqual({
      kind: 'count',
      count: placed.length,
    });
    expect(
      queryLog(runtime, { kind: 'count', eventType: 'OrderPlaced', from: 0, to: placed[2]!.metadata.time }),
    ).toEqual({ kind: 'count', count: 2 });
    const conversation = queryLog(runtime, { kind: 'correlation', id: shipped.metadata.correlationId });
    expect(conversation.kind === 'correlation' && conversation.events.map((e) => e.type)).toEqual([
      'OrderPlaced',
      expect.any(String),
      expect.any(String),
      'OrderShipped',
    ]);
  });

  it('runs a query function on a copy of a read model', () => {
    const before = structuredClone(runtime.nodeState('orders-view').data);
    const shippedCount = Object.values(before).filter((o) => (o as { status: string }).status === 'shipped').length;
    expect(
      queryReadModel(
        runtime,
        'orders-view',
        "function query(rm) { const n = Object.values(rm).filter((o) => o.status === 'shipped').length; rm.x = 1; return n; }",
      ),
    ).toBe(shippedCount);
    expect(runtime.nodeState('orders-view').data).toEqual(before);
    expect(() => queryReadModel(runtime, 'orders-view', 'function nope() {}')).toThrow(
      'the code must define function query(readModel)',
    );
  });
});
