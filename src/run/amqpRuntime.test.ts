import { describe, expect, it } from 'vitest';
import { type FlowDocument, type FlowEdge, type FlowNode, validateFlow } from '../flow';
import { BranchRun } from './branchRun';
import { CodeSandbox, StepKind } from '../engine';
import { Runtime } from './runtime';
import { of, until } from './steps.testkit';

const COUNT = 'function handle(event, ctx) { ctx.state.seen = (ctx.state.seen ?? 0) + 1; }';

function flow(nodes: FlowNode[], edges: FlowEdge[], code: Record<string, string> = {}): FlowDocument {
  const doc = {
    format: 'tidemark-flow',
    version: 1,
    name: 'AMQP',
    seed: 3,
    nodes,
    edges,
    schemas: {},
    code,
    layout: {},
  };
  const checked = validateFlow(doc);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.flow;
}

const consumer = (id: string, extra: Partial<Extract<FlowNode, { kind: 'consumer' }>> = {}): FlowNode => ({
  id,
  kind: 'consumer',
  name: id,
  latencyMs: 10,
  ...extra,
});

/** Orders with a region → a topic exchange → queues bound by pattern. */
function routingFlow(): FlowDocument {
  return flow(
    [
      {
        id: 'orders',
        kind: 'producer',
        name: 'Orders',
        eventType: 'OrderPlaced',
        rate: 10,
        payload: { region: "{{ pick('eu','us','apac') }}" },
        routingKey: 'order.{{ data.region }}.placed',
      },
      { id: 'x', kind: 'exchange', name: 'orders', exchangeType: 'topic' },
      { id: 'eu', kind: 'queue', name: 'EU orders' },
      { id: 'all', kind: 'queue', name: 'All orders' },
      consumer('eu-worker'),
      consumer('auditor'),
    ],
    [
      { id: 'p', source: 'orders', target: 'x' },
      { id: 'b1', source: 'x', target: 'eu', bindingKey: 'order.eu.*' },
      { id: 'b2', source: 'x', target: 'all', bindingKey: 'order.#' },
      { id: 'c1', source: 'eu', target: 'eu-worker' },
      { id: 'c2', source: 'all', target: 'auditor' },
    ],
    { 'eu-worker': COUNT, auditor: COUNT },
  );
}

describe('AMQP exchanges in a run', () => {
  it('routes each message by its routing key to the queues whose binding pattern matches', () => {
    const records = until(Runtime.start(routingFlow()), 3000);
    const publishes = of(records, StepKind.Publish);
    expect(publishes.length).toBe(30);
    for (const p of publishes) {
      const route = p.amqp![0]!;
      const region = (p.event.data as { region: string }).region;
      expect(route.routingKey).toBe(`order.${region}.placed`);
      expect(route.queues).toEqual(region === 'eu' ? ['eu', 'all'] : ['all']);
    }
    const handled = of(records, StepKind.QueueDeliver);
    const euPublished = publishes
      .filter((p) => (p.event.data as { region: string }).region === 'eu')
      .map((p) => p.event.id);
    expect(handled.filter((h) => h.node === 'eu-worker').map((h) => h.eventId)).toEqual(
      euPublished.slice(0, handled.filter((h) => h.node === 'eu-worker').length),
    );
    expect(handled.every((h) => h.settle === 'ack' && !h.redelivered)).toBe(true);
  });

  it('counts an unroutable message as dropped, or returns it when mandatory, or hands it to the alternate exchange', () => {
    const base = (
      extra: Partial<Extract<FlowNode, { kind: 'producer' }>>,
      nodes: FlowNode[] = [],
      edges: FlowEdge[] = [],
    ) =>
      flow(
        [
          {
            id: 'p',
            kind: 'producer',
            name: 'P',
            eventType: 'Ping',
            rate: 1,
            payload: {},
            routingKey: 'nowhere',
            ...extra,
          },
          {
            id: 'x',
            kind: 'exchange',
            name: 'x',
            exchangeType: 'direct',
            ...(nodes.length ? { alternateExchange: 'ae' } : {}),
          },
          ...nodes,
        ],
        [{ id: 'e', source: 'p', target: 'x' }, ...edges],
      );
    const first = (doc: FlowDocument) => of(until(Runtime.start(doc), 1000), StepKind.Publish)[0]!.amqp![0]!;
    expect(first(base({}))).toMatchObject({ outcome: 'dropped', queues: [] });
    expect(first(base({ mandatory: true }))).toMatchObject({ outcome: 'returned', queues: [] });
    const viaAe = first(
      base(
        {},
        [
          { id: 'ae', kind: 'exchange', name: 'ae', exchangeType: 'fanout' },
          { id: 'lost', kind: 'queue', name: 'Unrouted' },
        ],
        [{ id: 'b', source: 'ae', target: 'lost' }],
      ),
    );
    expect(viaAe).toMatchObject({ outcome: 'routed', queues: ['lost'], viaAlternate: true });
  });

  it('routes through exchange-to-exchange bindings and by headers with x-match', () => {
    const doc = flow(
      [
        {
          id: 'p',
          kind: 'producer',
          name: 'P',
          eventType: 'Doc',
          rate: 1,
          payload: {},
          headers: { format: 'pdf', type: 'report' },
        },
        { id: 'front', kind: 'exchange', name: 'front', exchangeType: 'fanout' },
        { id: 'h', kind: 'exchange', name: 'h', exchangeType: 'headers' },
        { id: 'any', kind: 'queue', name: 'any' },
        { id: 'allq', kind: 'queue', name: 'all' },
      ],
      [
        { id: 'e', source: 'p', target: 'front' },
        { id: 'x2x', source: 'front', target: 'h' },
        { id: 'b1', source: 'h', target: 'any', bindingArgs: { 'x-match': 'any', format: 'pdf', type: 'log' } },
        { id: 'b2', source: 'h', target: 'allq', bindingArgs: { 'x-match': 'all', format: 'pdf', type: 'log' } },
      ],
    );
    const route = of(until(Runtime.start(doc), 1000), StepKind.Publish)[0]!.amqp![0]!;
    expect(route.queues).toEqual(['any']);
  });

  it('publishes through the default exchange when a producer is wired straight to a queue', () => {
    const doc = flow(
      [
        { id: 'p', kind: 'producer', name: 'P', eventType: 'Job', rate: 1, payload: {} },
        { id: 'jobs', kind: 'queue', name: 'jobs' },
      ],
      [{ id: 'e', source: 'p', target: 'jobs' }],
    );
    const runtime = Runtime.start(doc);
    const route = of(until(runtime, 3000), StepKind.Publish)[0]!.amqp![0]!;
    expect(route).toMatchObject({ exchange: '', routingKey: 'jobs', outcome: 'routed', queues: ['jobs'] });
    expect(runtime.state.amqp.queues.jobs!.ready).toHaveLength(3);
  });
});

/** A producer straight to a work queue read by two consumers of different speeds. */
function workQueue(prefetch: number): FlowDocument {
  return flow(
    [
      { id: 'p', kind: 'producer', name: 'P', eventType: 'Job', rate: 20, payload: {} },
      { id: 'jobs', kind: 'queue', name: 'jobs' },
      consumer('fast', { latencyMs: 10, prefetch }),
      consumer('slow', { latencyMs: 200, prefetch }),
    ],
    [
      { id: 'e', source: 'p', target: 'jobs' },
      { id: 'c1', source: 'jobs', target: 'fast' },
      { id: 'c2', source: 'jobs', target: 'slow' },
    ],
    { fast: COUNT, slow: COUNT },
  );
}

describe('AMQP queues and consumers in a run', () => {
  it('without prefetch deals messages round-robin; prefetch 1 sends more to the faster consumer (fair dispatch)', () => {
    const handledBy = (prefetch: number) => {
      const records = of(until(Runtime.start(workQueue(prefetch)), 10_000), StepKind.QueueDeliver);
      return {
        fast: records.filter((r) => r.node === 'fast').length,
        slow: records.filter((r) => r.node === 'slow').length,
      };
    };
    const unlimited = handledBy(0);
    const fair = handledBy(1);
    // 200 jobs in 10 s; the slow consumer handles 5 a second. Round-robin deals it half of them,
    // so a backlog waits behind it; with prefetch 1 the fast one takes whatever the slow one cannot.
    expect(unlimited.fast).toBeLessThanOrEqual(101);
    expect(unlimited.fast + unlimited.slow).toBeLessThan(150);
    expect(fair.slow).toBeLessThanOrEqual(50);
    expect(fair.fast + fair.slow).toBeGreaterThanOrEqual(195);
  });

  it('keeps at most prefetch messages unacked per consumer', () => {
    const runtime = Runtime.start(workQueue(3));
    for (let i = 0; i < 400; i++) {
      runtime.step();
      const q = runtime.state.amqp.queues.jobs!;
      expect(q.unacked.fast?.length ?? 0).toBeLessThanOrEqual(3);
      expect(q.unacked.slow?.length ?? 0).toBeLessThanOrEqual(3);
    }
  });

  it('a crash returns the unacked messages to the queue, redelivered, to the other consumer', () => {
    const runtime = Runtime.start(workQueue(5));
    until(runtime, 1000);
    const held = runtime.state.amqp.queues.jobs!.unacked.slow!.map((d) => d.message.id);
    expect(held.length).toBeGreaterThan(0);
    const crash = runtime.apply({ type: 'consumer', node: 'slow', action: 'crash' });
    expect(crash).toMatchObject({ kind: StepKind.Consumer, action: 'crash', requeued: held.length });
    const after = of(until(runtime, 3000), StepKind.QueueDeliver);
    expect(after.some((r) => r.node === 'slow')).toBe(false);
    const redelivered = after.filter((r) => held.includes(r.eventId));
    expect(redelivered.map((r) => r.eventId).sort()).toEqual([...held].sort());
    expect(redelivered.every((r) => r.redelivered && r.node === 'fast')).toBe(true);
    runtime.apply({ type: 'consumer', node: 'slow', action: 'restart' });
    expect(of(until(runtime, 5000), StepKind.QueueDeliver).some((r) => r.node === 'slow')).toBe(true);
  });

  it('an auto-ack consumer loses what it held when it crashes (at-most-once)', () => {
    const doc = workQueue(0);
    const autoAck = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'slow' ? { ...n, ack: 'auto' as const } : n)) };
    const runtime = Runtime.start(autoAck);
    until(runtime, 1000);
    const inbox = runtime.state.amqp.connections.slow!.inbox.jobs!.map((i) => i.message.id);
    expect(inbox.length).toBeGreaterThan(0);
    expect(runtime.state.amqp.queues.jobs!.unacked.slow).toBeUndefined();
    const crash = runtime.apply({ type: 'consumer', node: 'slow', action: 'crash' });
    expect(crash).toMatchObject({ lost: inbox.length });
    expect(crash).not.toHaveProperty('requeued');
    const later = of(until(runtime, 5000), StepKind.QueueDeliver).map((r) => r.eventId);
    for (const id of inbox) expect(later).not.toContain(id);
  });
});

/** Payments: every third one is poison; the handler throws; rejected messages go to a dead letter queue. */
function poisonFlow(onError: 'requeue' | 'dead-letter'): FlowDocument {
  return flow(
    [
      {
        id: 'p',
        kind: 'producer',
        name: 'Payments',
        eventType: 'PaymentRequested',
        rate: 10,
        payload: { n: '{{ seq }}', poison: '{{ seq % 3 === 0 }}' },
      },
      { id: 'work', kind: 'queue', name: 'payments', deadLetterExchange: 'dlx' },
      { id: 'dlx', kind: 'exchange', name: 'dlx', exchangeType: 'fanout' },
      { id: 'dlq', kind: 'queue', name: 'payments.dlq' },
      consumer('worker', { onError }),
    ],
    [
      { id: 'e', source: 'p', target: 'work' },
      { id: 'c', source: 'work', target: 'worker' },
      { id: 'd', source: 'dlx', target: 'dlq' },
    ],
    {
      worker:
        "function handle(event, ctx) { if (event.data.poison) throw new Error('cannot parse payment ' + event.data.n); }",
    },
  );
}

describe('dead lettering in a run', () => {
  it('a handler that throws rejects the message; the DLX routes it to the dead letter queue with x-death', () => {
    const runtime = Runtime.start(poisonFlow('dead-letter'));
    const handled = of(until(runtime, 3050), StepKind.QueueDeliver);
    const failed = handled.filter((r) => r.outcome === 'failed');
    expect(failed.length).toBe(10);
    for (const r of failed) {
      expect(r.settle).toBe('dead-letter');
      expect(r.deaths).toEqual([
        {
          queue: 'work',
          messageId: r.eventId,
          eventType: 'PaymentRequested',
          reason: 'rejected',
          exchange: 'dlx',
          deadLetteredTo: ['dlq'],
        },
      ]);
    }
    const dlq = runtime.state.amqp.queues.dlq!.ready;
    expect(dlq.map((m) => m.id)).toEqual(failed.map((r) => r.eventId));
    const xDeath = dlq[0]!.headers['x-death'] as { queue: string; reason: string; count: number; exchange: string }[];
    expect(xDeath[0]).toMatchObject({ queue: 'work', reason: 'rejected', count: 1, exchange: '' });
    expect(dlq[0]!.headers['x-first-death-reason']).toBe('rejected');
    expect(runtime.nodeState('work').counters.failed).toBe(10);
  });

  it('with requeue the poison message comes back, redelivered, again and again', () => {
    const handled = of(until(Runtime.start(poisonFlow('requeue')), 1000), StepKind.QueueDeliver);
    const poison = handled.filter((r) => r.outcome === 'failed');
    expect(poison.length).toBeGreaterThan(5);
    expect(poison.every((r) => r.settle === 'requeue')).toBe(true);
    const seen = new Set<string>();
    for (const r of poison) {
      expect(r.redelivered).toBe(seen.has(r.eventId));
      seen.add(r.eventId);
    }
    expect(new Set(poison.map((r) => r.eventId)).size).toBeLessThan(poison.length);
  });

  it('ctx.nack() settles negatively without throwing', () => {
    const doc = poisonFlow('requeue');
    const nacking = { ...doc, code: { worker: 'function handle(event, ctx) { if (event.data.poison) ctx.nack(); }' } };
    const handled = of(until(Runtime.start(nacking), 1000), StepKind.QueueDeliver);
    const nacked = handled.filter((r) => r.settle !== 'ack');
    expect(nacked.length).toBe(3);
    expect(nacked.every((r) => r.outcome === 'handled' && r.settle === 'dead-letter')).toBe(true);
  });

  it('messages past their TTL expire at the head and are dead-lettered with reason expired', () => {
    const doc = flow(
      [
        { id: 'p', kind: 'producer', name: 'P', eventType: 'Quote', rate: 10, payload: {} },
        { id: 'q', kind: 'queue', name: 'quotes', messageTtlMs: 250, deadLetterExchange: 'dlx' },
        { id: 'dlx', kind: 'exchange', name: 'dlx', exchangeType: 'fanout' },
        { id: 'dlq', kind: 'queue', name: 'expired' },
      ],
      [
        { id: 'e', source: 'p', target: 'q' },
        { id: 'd', source: 'dlx', target: 'dlq' },
      ],
    );
    const runtime = Runtime.start(doc);
    const records = until(runtime, 1000);
    const expired = of(records, StepKind.Expire);
    expect(expired.length).toBeGreaterThan(0);
    expect(
      expired.flatMap((e) => e.deaths).every((d) => d.reason === 'expired' && d.deadLetteredTo?.[0] === 'dlq'),
    ).toBe(true);
    // Published at 100, 200, …, 1000 ms; those at or before 750 ms have expired by 1000 ms.
    expect(runtime.state.amqp.queues.q!.ready.length).toBe(3);
    expect(runtime.state.amqp.queues.dlq!.ready.length).toBe(7);
  });

  it('x-max-length with drop-head dead-letters the oldest; reject-publish refuses the newest', () => {
    const doc = (overflow: 'drop-head' | 'reject-publish') =>
      flow(
        [
          { id: 'p', kind: 'producer', name: 'P', eventType: 'Tick', rate: 10, payload: {} },
          { id: 'q', kind: 'queue', name: 'ticks', maxLength: 2, overflow, deadLetterExchange: 'dlx' },
          { id: 'dlx', kind: 'exchange', name: 'dlx', exchangeType: 'fanout' },
          { id: 'dlq', kind: 'queue', name: 'dropped' },
        ],
        [
          { id: 'e', source: 'p', target: 'q' },
          { id: 'd', source: 'dlx', target: 'dlq' },
        ],
      );
    const dropHead = Runtime.start(doc('drop-head'));
    const publishes = of(until(dropHead, 500), StepKind.Publish);
    expect(dropHead.state.amqp.queues.q!.ready.map((m) => m.id)).toEqual(publishes.slice(-2).map((p) => p.event.id));
    expect(publishes[2]!.deaths).toEqual([
      expect.objectContaining({ reason: 'maxlen', messageId: publishes[0]!.event.id }),
    ]);
    const reject = Runtime.start(doc('reject-publish'));
    const refused = of(until(reject, 500), StepKind.Publish);
    expect(reject.state.amqp.queues.q!.ready.map((m) => m.id)).toEqual(refused.slice(0, 2).map((p) => p.event.id));
    expect(refused[2]!.amqp![0]!.rejectedBy).toEqual(['q']);
    expect(reject.state.amqp.queues.dlq!.ready).toHaveLength(0);
  });
});

describe('request-reply in a run', () => {
  it('a responder answers to reply_to with the correlation id, and the requester matches the reply', () => {
    const doc = flow(
      [
        {
          id: 'client',
          kind: 'producer',
          name: 'Client',
          eventType: 'QuoteRequested',
          rate: 5,
          payload: { item: 'x' },
          replyTo: 'replies',
        },
        { id: 'rpc', kind: 'queue', name: 'rpc' },
        { id: 'replies', kind: 'queue', name: 'replies' },
        consumer('server', { latencyMs: 30 }),
        consumer('client-inbox', { latencyMs: 5 }),
      ],
      [
        { id: 'e1', source: 'client', target: 'rpc' },
        { id: 'e2', source: 'rpc', target: 'server' },
        { id: 'e3', source: 'replies', target: 'client-inbox' },
      ],
      {
        server: "function handle(event, ctx) { ctx.reply({ price: 42 }, 'QuoteGiven'); }",
        'client-inbox': 'function handle(event, ctx) { ctx.state.last = [event.type, ctx.message.correlationId]; }',
      },
    );
    const runtime = Runtime.start(doc);
    const records = until(runtime, 1000);
    const requests = of(records, StepKind.Publish);
    const served = of(records, StepKind.QueueDeliver).filter((r) => r.node === 'server');
    expect(served[0]!.reply).toMatchObject({
      exchange: '',
      routingKey: 'replies',
      outcome: 'routed',
      queues: ['replies'],
    });
    const replies = of(records, StepKind.QueueDeliver).filter((r) => r.node === 'client-inbox');
    expect(replies.length).toBeGreaterThan(2);
    expect(replies[0]).toMatchObject({
      eventType: 'QuoteGiven',
      replyOf: { producer: 'client', matched: true, roundTripMs: 35 },
    });
    expect(runtime.nodeState('client-inbox').data.last).toEqual(['QuoteGiven', requests[replies.length - 1]!.event.id]);
  });
});

describe('pub/sub in a run', () => {
  function chat(): FlowDocument {
    return flow(
      [
        {
          id: 'p',
          kind: 'producer',
          name: 'P',
          eventType: 'Said',
          rate: 10,
          payload: { room: "{{ pick('orders.eu','orders.us','billing') }}" },
          channel: '{{ data.room }}',
        },
        { id: 'ps', kind: 'pubsub', name: 'Redis' },
        consumer('all-orders'),
        consumer('eu-only'),
      ],
      [
        { id: 'e', source: 'p', target: 'ps' },
        { id: 's1', source: 'ps', target: 'all-orders', channel: 'orders.*' },
        { id: 's2', source: 'ps', target: 'eu-only', channel: 'orders.eu' },
      ],
      { 'all-orders': COUNT, 'eu-only': COUNT },
    );
  }

  it('delivers to exact and pattern subscribers connected at publish time; with none the message is gone', () => {
    const runtime = Runtime.start(chat());
    const records = until(runtime, 3000);
    for (const p of of(records, StepKind.Publish)) {
      const room = (p.event.data as { room: string }).room;
      const expected = room === 'orders.eu' ? ['eu-only', 'all-orders'] : room === 'orders.us' ? ['all-orders'] : [];
      expect(p.channels).toEqual([{ pubsub: 'ps', channel: room, receivers: expected }]);
    }
    const billing = of(records, StepKind.Publish).filter(
      (p) => (p.event.data as { room: string }).room === 'billing',
    ).length;
    expect(runtime.state.amqp.pubsub.ps!.dropped).toBe(billing);
    const received = of(records, StepKind.ChannelDeliver);
    expect(received.filter((r) => r.node === 'all-orders').every((r) => r.pattern === 'orders.*')).toBe(true);
    expect(
      received.filter((r) => r.node === 'eu-only').every((r) => r.pattern === undefined && r.channel === 'orders.eu'),
    ).toBe(true);
  });

  it('a crashed subscriber misses what is published while it is down, and what it had not handled yet', () => {
    const runtime = Runtime.start(chat());
    until(runtime, 1000);
    runtime.apply({ type: 'consumer', node: 'all-orders', action: 'crash' });
    const down = until(runtime, 2000);
    expect(of(down, StepKind.ChannelDeliver).some((r) => r.node === 'all-orders')).toBe(false);
    expect(of(down, StepKind.Publish).every((p) => !p.channels![0]!.receivers.includes('all-orders'))).toBe(true);
    runtime.apply({ type: 'consumer', node: 'all-orders', action: 'restart' });
    expect(of(until(runtime, 3000), StepKind.ChannelDeliver).some((r) => r.node === 'all-orders')).toBe(true);
  });
});

describe('AMQP state and time travel', () => {
  it('a seek reproduces queues, unacked deliveries and the dead letter queue exactly', () => {
    const doc = poisonFlow('dead-letter');
    const branch = new BranchRun({
      code: new CodeSandbox(),
      baseFlow: doc,
      inputs: [
        { step: 40, input: { type: 'consumer', node: 'worker', action: 'crash' } },
        { step: 90, input: { type: 'consumer', node: 'worker', action: 'restart' } },
      ],
      head: 0,
      snapshotEvery: 25,
    });
    const straight: string[] = [];
    for (let i = 0; i < 160; i++) {
      branch.advance();
      straight.push(JSON.stringify(branch.state.amqp));
    }
    for (const at of [1, 39, 41, 77, 91, 150]) {
      branch.seek(at);
      expect(JSON.stringify(branch.state.amqp)).toBe(straight[at - 1]);
    }
  });

  it('an edit that removes a consumer requeues what it held to the one that stays', () => {
    const runtime = Runtime.start(workQueue(5));
    until(runtime, 1000);
    const held = runtime.state.amqp.queues.jobs!.unacked.slow!.length;
    expect(held).toBeGreaterThan(0);
    const doc = workQueue(5);
    runtime.apply({
      type: 'flow',
      flow: {
        ...doc,
        nodes: doc.nodes.filter((n) => n.id !== 'slow'),
        edges: doc.edges.filter((e) => e.target !== 'slow'),
      },
      summary: 'removed slow',
    });
    expect(runtime.state.amqp.queues.jobs!.consumers.map((c) => c.tag)).toEqual(['fast']);
    const after = of(until(runtime, 3000), StepKind.QueueDeliver);
    expect(after.filter((r) => r.redelivered).length).toBe(held);
  });
});
