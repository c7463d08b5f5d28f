import { describe, expect, it } from 'vitest';
import { type FlowDocument, type FlowEdge, type FlowNode, type SubscriberNode, validateFlow } from '../flow';
import { BranchRun } from './branchRun';
import { CodeSandbox, storeLag, StepKind, type CommandStep } from '../engine';
import { Runtime } from './runtime';
import { of, until } from './steps.testkit';

function flow(
  nodes: FlowNode[],
  edges: FlowEdge[],
  code: Record<string, string>,
  schemas: FlowDocument['schemas'] = {},
): FlowDocument {
  const doc = { format: 'tidemark-flow', version: 1, name: 'ES', seed: 5, nodes, edges, schemas, code, layout: {} };
  const checked = validateFlow(doc);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.flow;
}

const ORDER = `
const initialState = { status: 'none', items: 0 };
function decide(command, state) {
  switch (command.type) {
    case 'PlaceOrder':
      if (state.status !== 'none') return { rejected: 'order already placed' };
      return [{ type: 'OrderPlaced', data: { orderId: command.data.orderId, total: command.data.total } }];
    case 'ShipOrder':
      if (state.status !== 'placed') return { rejected: 'only a placed order can ship' };
      return [{ type: 'OrderShipped', data: { orderId: command.data.orderId } }];
    case 'CancelOrder':
      if (state.status === 'shipped') return { rejected: 'cannot cancel a shipped order' };
      return [{ type: 'OrderCancelled', data: { orderId: command.data.orderId } }];
    case 'AddItem':
      return [{ type: 'ItemAdded', data: { orderId: command.data.orderId } }];
  }
  return { rejected: 'unknown command ' + command.type };
}
function evolve(state, event) {
  switch (event.type) {
    case 'OrderPlaced': return { ...state, status: 'placed', total: event.data.total };
    case 'OrderShipped': return { ...state, status: 'shipped' };
    case 'OrderCancelled': return { ...state, status: 'cancelled' };
    case 'ItemAdded': return { ...state, items: state.items + 1 };
  }
  return state;
}`;

const SUMMARY = `function handle(event, ctx) {
  const id = event.data.orderId;
  ctx.state[id] = { ...(ctx.state[id] ?? {}), status: event.type.replace('Order', '').toLowerCase(), stream: ctx.stream.id };
}`;

/** PlaceOrder at 2/s → Order; a shipping policy ships each placed order; a summary projection. */
function shop(
  extraNodes: FlowNode[] = [],
  extraEdges: FlowEdge[] = [],
  code: Record<string, string> = {},
  schemas: FlowDocument['schemas'] = {},
): FlowDocument {
  return flow(
    [
      {
        id: 'place',
        kind: 'command',
        name: 'Checkout',
        commandType: 'PlaceOrder',
        rate: 2,
        payload: { orderId: "{{ id('ord') }}", total: '{{ money(5, 50) }}' },
        aggregateId: 'Order-{{ data.orderId }}',
      },
      { id: 'order', kind: 'aggregate', name: 'Order', latencyMs: 10 },
      { id: 'shipping', kind: 'consumer', name: 'Shipping policy', latencyMs: 100, eventTypes: ['OrderPlaced'] },
      { id: 'summary', kind: 'projection', name: 'Order summary', latencyMs: 50 },
      ...extraNodes,
    ],
    [
      { id: 'e1', source: 'place', target: 'order' },
      { id: 'e2', source: 'order', target: 'shipping' },
      { id: 'e3', source: 'shipping', target: 'order' },
      { id: 'e4', source: 'order', target: 'summary' },
      ...extraEdges,
    ],
    {
      order: ORDER,
      shipping:
        "function handle(event, ctx) { ctx.send({ type: 'ShipOrder', aggregateId: ctx.stream.id, data: { orderId: event.data.orderId } }); }",
      summary: SUMMARY,
      ...code,
    },
    schemas,
  );
}

/** AddItem to one order at 10/s; the Order aggregate snapshots every 5 events. */
function addItems(): FlowDocument {
  return flow(
    [
      {
        id: 'a',
        kind: 'command',
        name: 'App',
        commandType: 'AddItem',
        rate: 10,
        payload: { orderId: 'o1' },
        aggregateId: 'Order-o1',
      },
      { id: 'order', kind: 'aggregate', name: 'Order', latencyMs: 0, snapshotEvery: 5 },
    ],
    [{ id: 'e1', source: 'a', target: 'order' }],
    { order: ORDER },
  );
}

describe('aggregates as deciders in a run', () => {
  it('a command is decided, appended after the aggregate latency, and read by subscribers and policies', () => {
    const runtime = Runtime.start(shop());
    const records = until(runtime, 5000);
    const commands = of(records, StepKind.Command);
    const placed = commands.filter((c) => c.commandType === 'PlaceOrder');
    expect(placed.length).toBe(10);
    expect(placed[0]).toMatchObject({ outcome: 'decided', events: ['OrderPlaced'], version: 0, source: 'place' });
    const appends = of(records, StepKind.Append);
    const first = appends.find((a) => a.commandId === placed[0]!.commandId)!;
    expect(first).toMatchObject({
      outcome: 'appended',
      expectedVersion: 0,
      events: [{ type: 'OrderPlaced', version: 1, position: 0 }],
    });
    expect(first.time - placed[0]!.time).toBe(10);
    // The policy ships each placed order: the ShipOrder command is caused by the event, in its conversation.
    const ships = commands.filter((c) => c.commandType === 'ShipOrder');
    expect(ships.length).toBeGreaterThan(5);
    expect(ships.every((s) => s.source === 'shipping' && s.outcome === 'decided')).toBe(true);
    const store = runtime.state.es.store;
    const shipped = store.log.find((e) => e.type === 'OrderShipped')!;
    const placedEvent = store.log.find((e) => e.streamId === shipped.streamId && e.type === 'OrderPlaced')!;
    expect(shipped.metadata.correlationId).toBe(placedEvent.metadata.correlationId);
    // The read model shows the latest status of each order it has read.
    const summary = runtime.nodeState('summary').data as Record<string, { status: string; stream: string }>;
    expect(Object.values(summary).some((o) => o.status === 'shipped')).toBe(true);
    expect(Object.values(summary).every((o) => o.stream.startsWith('Order-ord-'))).toBe(true);
  });

  it('rejects a command its decide refuses, with the reason, and appends nothing', () => {
    const doc = shop(
      [
        {
          id: 'cancel',
          kind: 'command',
          name: 'Cancel',
          commandType: 'CancelOrder',
          rate: 0,
          payload: {},
          aggregateId: '{{ data.stream }}',
        },
      ],
      [{ id: 'e5', source: 'cancel', target: 'order' }],
    );
    const runtime = Runtime.start(doc);
    const records = until(runtime, 2000);
    const shippedAppend = of(records, StepKind.Append).find(
      (a) => a.commandType === 'ShipOrder' && a.outcome === 'appended',
    )!;
    const before = runtime.state.es.store.log.length;
    const step = runtime.apply({
      type: 'command',
      node: 'cancel',
      data: { stream: shippedAppend.streamId, orderId: 'x' },
    }) as CommandStep;
    expect(step).toMatchObject({
      kind: 'command',
      outcome: 'rejected',
      reason: 'cannot cancel a shipped order',
      source: 'manual',
      version: 2,
    });
    expect(runtime.state.es.store.log.length).toBe(before);
    const later = of(until(runtime, 4000), StepKind.Append);
    expect(later.some((a) => a.commandId === step.commandId)).toBe(false);
  });

  it('a decide that returns neither events nor a rejection, or an evolve that throws, fails the command and appends nothing', () => {
    const broken = (code: string) =>
      flow(
        [
          { id: 'send', kind: 'command', name: 'Send', commandType: 'Go', rate: 0, payload: {}, aggregateId: 'S-1' },
          { id: 'agg', kind: 'aggregate', name: 'Agg', latencyMs: 10 },
        ],
        [{ id: 'e1', source: 'send', target: 'agg' }],
        { agg: code },
      );
    const badDecide = Runtime.start(broken('function decide() { return 42; }\nfunction evolve(s) { return s; }'));
    const decided = badDecide.apply({ type: 'command', node: 'send', data: {} }) as CommandStep;
    expect(decided).toMatchObject({
      outcome: 'failed',
      reason: 'decide must return events (an array, or one event) or { rejected: "a reason" }',
    });
    expect(of(until(badDecide, 1000), StepKind.Append)).toEqual([]);

    const badEvolve = Runtime.start(
      broken(
        "function decide() { return [{ type: 'Went', data: {} }]; }\nfunction evolve() { throw new Error('evolve bug'); }",
      ),
    );
    expect(badEvolve.apply({ type: 'command', node: 'send', data: {} })).toMatchObject({ outcome: 'decided' });
    const [append] = of(until(badEvolve, 1000), StepKind.Append);
    expect(append).toMatchObject({ outcome: 'failed', reason: 'evolve failed: evolve bug' });
    expect(badEvolve.state.es.store.log).toEqual([]);
  });

  it('two commands loaded at the same version conflict; the second retries on the fresh state (or fails, per setting)', () => {
    const racing = (onConflict: 'retry' | 'fail') =>
      flow(
        [
          {
            id: 'a',
            kind: 'command',
            name: 'App',
            commandType: 'AddItem',
            rate: 10,
            payload: { orderId: 'o1' },
            aggregateId: 'Order-o1',
          },
          {
            id: 'b',
            kind: 'command',
            name: 'Back office',
            commandType: 'AddItem',
            rate: 10,
            payload: { orderId: 'o1' },
            aggregateId: 'Order-o1',
          },
          { id: 'order', kind: 'aggregate', name: 'Order', latencyMs: 30, onConflict },
        ],
        [
          { id: 'e1', source: 'a', target: 'order' },
          { id: 'e2', source: 'b', target: 'order' },
        ],
        { order: ORDER },
      );
    const retried = Runtime.start(racing('retry'));
    const records = until(retried, 1000);
    const conflicts = of(records, StepKind.Append).filter((a) => a.outcome === 'conflict');
    expect(conflicts.length).toBeGreaterThan(0);
    expect(conflicts[0]).toMatchObject({
      then: 'retry',
      attempt: 1,
      expectedVersion: conflicts[0]!.actualVersion! - 1,
    });
    const retry = of(records, StepKind.Append).find((a) => a.commandId === conflicts[0]!.commandId && a.attempt === 2)!;
    expect(retry.outcome).toBe('appended');
    expect(retried.state.es.conflicts.order).toBe(conflicts.length);
    // Every AddItem eventually landed once: the stream's version is the number of accepted commands.
    const appended = of(records, StepKind.Append).filter((a) => a.outcome === 'appended').length;
    expect(retried.state.es.store.streams['Order-o1']!.length).toBe(appended);

    const failing = Runtime.start(racing('fail'));
    const failed = of(until(failing, 1000), StepKind.Append).filter((a) => a.outcome === 'conflict');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((a) => a.then === 'failed')).toBe(true);
  });

  it('snapshots every N events; loading is snapshot + tail and gives the same state as a full fold', () => {
    const doc = addItems();
    const runtime = Runtime.start(doc);
    const records = until(runtime, 2500);
    const appends = of(records, StepKind.Append);
    expect(appends.filter((a) => a.snapshots).map((a) => a.snapshots![0])).toEqual([5, 10, 15, 20, 25]);
    const loads = of(records, StepKind.Command).filter((c) => c.version >= 5);
    for (const load of loads) {
      expect(load.snapshotVersion).toBe(Math.floor(load.version / 5) * 5);
      expect(load.replayed).toBe(load.version % 5);
    }
    expect(runtime.state.es.store.snapshots['Order-o1']!.at(-1)!.state).toEqual({ status: 'none', items: 25 });
  });

  it('new decider code drops the snapshots folded by the old: loads fold every event with the new evolve', () => {
    const doc = addItems();
    const runtime = Runtime.start(doc);
    until(runtime, 2500);
    const doubled = { ...doc, code: { order: ORDER.replace('items: state.items + 1', 'items: state.items + 2') } };
    runtime.apply({ type: 'flow', flow: doubled, summary: 'evolve counts twice' });
    expect(runtime.state.es.store.snapshots['Order-o1']).toEqual([]);
    const loads = of(until(runtime, 3000), StepKind.Command);
    // Folded from the first event: no snapshot to start from.
    expect(loads[0]).toMatchObject({ version: 25, replayed: 25 });
    expect(loads[0]!.snapshotVersion).toBeUndefined();
    // A stale snapshot (items 25) plus five doubled events would give 35.
    expect(runtime.state.es.store.snapshots['Order-o1']!.at(-1)).toMatchObject({ version: 30, state: { items: 60 } });
  });

  it('an edit that leaves the decider code as it was keeps its snapshots', () => {
    const doc = shop([], [], {});
    const runtime = Runtime.start({
      ...doc,
      nodes: doc.nodes.map((n) => (n.id === 'order' ? { ...n, snapshotEvery: 1 } : n)),
    });
    until(runtime, 3000);
    const before = structuredClone(runtime.state.es.store.snapshots);
    expect(Object.keys(before).length).toBeGreaterThan(0);
    runtime.apply({ type: 'flow', flow: { ...runtime.flow, name: 'Renamed' }, summary: 'rename' });
    expect(runtime.state.es.store.snapshots).toEqual(before);
  });
});

describe('read models over the event store', () => {
  it('each subscriber has its checkpoint; a slower one lags, and event types filter what it reads', () => {
    const runtime = Runtime.start(
      shop(
        [{ id: 'slow', kind: 'projection', name: 'Slow', latencyMs: 2000 }],
        [{ id: 'e6', source: 'order', target: 'slow' }],
        { slow: SUMMARY },
      ),
    );
    const records = until(runtime, 3000);
    const reads = of(records, StepKind.Deliver);
    expect(reads.filter((r) => r.node === 'shipping').every((r) => r.eventType === 'OrderPlaced')).toBe(true);
    const subs = runtime.state.es.subscriptions;
    expect(subs.summary!.checkpoint).toBeGreaterThan(subs.slow!.checkpoint);
  });

  it('asking how far a read model lags changes nothing in the run', () => {
    const doc = shop(
      [{ id: 'later', kind: 'projection', name: 'Later', latencyMs: 0 }],
      [{ id: 'e7', source: 'order', target: 'later' }],
      { later: SUMMARY },
    );
    const runtime = Runtime.start(doc);
    for (let t = runtime.nextTime(); t !== undefined && t < 400; t = runtime.nextTime()) runtime.step();
    const node = runtime.node('later') as SubscriberNode;
    const before = JSON.stringify(runtime.state.es.subscriptions);
    const lag = storeLag(runtime, node);
    expect(lag).toBe(runtime.state.es.store.log.length - (runtime.state.es.subscriptions.later?.checkpoint ?? 0));
    expect(JSON.stringify(runtime.state.es.subscriptions)).toBe(before);
  });

  it('a rebuild resets the read model and reads the store again to the same result; with corrected code, to the corrected one', () => {
    const runtime = Runtime.start(shop());
    until(runtime, 4000);
    const before = structuredClone(runtime.nodeState('summary').data);
    const step = runtime.apply({ type: 'rebuild', node: 'summary' });
    expect(step).toMatchObject({ kind: 'rebuild', events: runtime.state.es.store.log.length });
    expect(runtime.nodeState('summary').data).toEqual({});
    const doc = shop();
    // Drain without new commands: only the rebuild's reads and the in-flight work remain.
    runtime.apply({
      type: 'flow',
      flow: { ...doc, nodes: doc.nodes.map((n) => (n.id === 'place' ? { ...n, rate: 0 } : n)) },
      summary: 'stop',
    });
    until(runtime, 60_000);
    const rebuilt = runtime.nodeState('summary').data;
    for (const [id, value] of Object.entries(before)) expect(rebuilt[id]).toEqual(value);

    const corrected = 'function handle(event, ctx) { ctx.state.count = (ctx.state.count ?? 0) + 1; }';
    runtime.apply({
      type: 'flow',
      flow: { ...runtime.flow, code: { ...runtime.flow.code, summary: corrected } },
      summary: 'fix',
    });
    runtime.apply({ type: 'rebuild', node: 'summary' });
    until(runtime, 120_000);
    expect(runtime.nodeState('summary').data).toEqual({ count: runtime.state.es.store.log.length });
  });
});

describe('event schemas in a run', () => {
  const placedV1 = {
    type: 'object',
    properties: { orderId: { type: 'string' }, total: { type: 'number' } },
    required: ['orderId', 'total'],
  };

  it('a decided event that breaks its schema fails the command with the path and the reason; nothing is appended', () => {
    const strict = {
      OrderPlaced: {
        versions: [
          { version: 1, schema: { ...placedV1, properties: { ...placedV1.properties, total: { type: 'integer' } } } },
        ],
      },
    };
    const runtime = Runtime.start(shop([], [], {}, strict));
    const records = until(runtime, 600);
    const failed = of(records, StepKind.Command).find((c) => c.outcome === 'failed')!;
    expect(failed.reason).toMatch(/^event refused: OrderPlaced data at \/total: must be an integer/);
    expect(runtime.state.es.store.log.length).toBe(0);
  });

  it('events written as v1 are read as v2 through the upcaster, by evolve and by handlers', () => {
    const v2 = {
      ...placedV1,
      properties: { ...placedV1.properties, currency: { type: 'string' } },
      required: ['orderId', 'total', 'currency'],
    };
    const runtime = Runtime.start(shop([], [], {}, { OrderPlaced: { versions: [{ version: 1, schema: placedV1 }] } }));
    until(runtime, 1000);
    expect(runtime.state.es.store.log.every((e) => e.schemaVersion === 1)).toBe(true);
    const withV2: FlowDocument = {
      ...runtime.flow,
      schemas: {
        OrderPlaced: {
          versions: [
            { version: 1, schema: placedV1 },
            { version: 2, schema: v2, upcaster: "function upcast(data) { return { ...data, currency: 'EUR' }; }" },
          ],
        },
      },
      code: {
        ...runtime.flow.code,
        summary:
          "function handle(event, ctx) { if (event.type === 'OrderPlaced') ctx.state[event.data.orderId] = event.data.currency; }",
      },
    };
    expect(validateFlow(withV2).ok).toBe(true);
    runtime.apply({ type: 'flow', flow: withV2, summary: 'v2' });
    runtime.apply({ type: 'rebuild', node: 'summary' });
    until(runtime, 3000);
    const currencies = Object.values(runtime.nodeState('summary').data);
    expect(currencies.length).toBeGreaterThan(0);
    expect(new Set(currencies)).toEqual(new Set(['EUR']));
  });

  it('a new version that old data cannot be read as, without an upcaster, is refused naming the field', () => {
    const v2 = {
      ...placedV1,
      properties: { ...placedV1.properties, currency: { type: 'string' } },
      required: ['orderId', 'total', 'currency'],
    };
    const result = validateFlow({
      ...shop(),
      schemas: {
        OrderPlaced: {
          versions: [
            { version: 1, schema: placedV1 },
            { version: 2, schema: v2 },
          ],
        },
      },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]!.path).toBe('schemas.OrderPlaced.versions[1]');
      expect(result.problems[0]!.reason).toMatch(/currency/);
    }
  });
});

describe('event sourcing and time travel', () => {
  it('a seek reproduces the store, subscriptions and read models exactly', () => {
    const branch = new BranchRun({
      code: new CodeSandbox(),
      baseFlow: shop(),
      inputs: [{ step: 60, input: { type: 'rebuild', node: 'summary' } }],
      head: 0,
      snapshotEvery: 25,
    });
    const straight: string[] = [];
    for (let i = 0; i < 150; i++) {
      branch.advance();
      straight.push(JSON.stringify([branch.state.es, branch.state.nodes]));
    }
    for (const at of [1, 24, 26, 59, 61, 100, 149]) {
      branch.seek(at);
      expect(JSON.stringify([branch.state.es, branch.state.nodes])).toBe(straight[at - 1]);
    }
  });
});
