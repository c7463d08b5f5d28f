import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../../engine';
import { describeStep } from './describeStep';

const names = (id: string) =>
  ({
    orders: 'Orders',
    'order-events': 'order-events',
    'topic-1': 'orders',
    b1: 'Billing 1',
    b2: 'Billing 2',
    b3: 'Billing 3',
  })[id] ?? id;

describe('describeStep', () => {
  it('describes a manual publish with its topics and business id', () => {
    const record: StepRecord = {
      kind: 'publish',
      step: 0,
      time: 0,
      node: 'orders',
      topics: ['order-events'],
      manual: true,
      event: {
        specversion: '1.0',
        id: 'e1',
        source: 'orders',
        type: 'OrderPlaced',
        time: '',
        datacontenttype: 'application/json',
        data: { orderId: 'ord-manual-1' },
        correlationid: 'e1',
        sequence: 1,
      },
    };
    expect(describeStep(record, names)).toEqual({
      what: 'OrderPlaced e1 → order-events (by hand)',
      logs: ['orderId ord-manual-1'],
      failed: false,
    });
  });

  it('says where a published event landed', () => {
    const record: StepRecord = {
      kind: 'publish',
      step: 3,
      time: 0,
      node: 'orders',
      topics: ['topic-1'],
      placed: [{ topic: 'topic-1', partition: 3, offset: 12 }],
      event: {
        specversion: '1.0',
        id: 'e3',
        source: 'orders',
        type: 'OrderPlaced',
        time: '',
        datacontenttype: 'application/json',
        data: {},
        correlationid: 'e3',
        sequence: 3,
      },
    };
    expect(describeStep(record, names).what).toBe('OrderPlaced e3 → orders[3]@12');
  });

  it('marks failed deliveries and keeps handler log lines', () => {
    const record: StepRecord = {
      kind: 'deliver',
      step: 2,
      time: 20,
      node: 'email',
      topic: 'order-events',
      offset: 0,
      eventId: 'e1',
      eventType: 'OrderPlaced',
      outcome: 'failed',
      error: 'boom',
      logs: ['hello'],
    };
    expect(describeStep(record, names)).toEqual({
      what: 'OrderPlaced e1 order-events@0 failed: boom',
      logs: ['hello'],
      failed: true,
    });
  });

  it('names the partition and offset of a delivery and the offsets it committed', () => {
    const base = {
      kind: 'deliver',
      step: 9,
      time: 90,
      node: 'b1',
      topic: 'topic-1',
      partition: 2,
      offset: 15,
      eventId: 'e9',
      eventType: 'OrderPlaced',
      outcome: 'handled',
    } as const;
    expect(describeStep({ ...base, committed: { 'topic-1:2': 16, 'topic-1:0': 3 } }, names).what).toBe(
      'OrderPlaced e9 orders[2]@15 handled · committed orders[0] → 3, orders[2] → 16',
    );
    expect(describeStep({ ...base, fetchedOnly: true, committed: { 'topic-1:2': 16 } }, names).what).toBe(
      'OrderPlaced e9 orders[2]@15 fetched (handled in a later step) · committed orders[2] → 16',
    );
  });

  it('writes a rebalance as each member’s partitions before and after, by name', () => {
    const record: StepRecord = {
      kind: 'rebalance',
      step: 40,
      time: 12_000,
      node: 'topic-1',
      group: 'billing',
      generation: 2,
      reason: 'session-expired',
      before: { b1: ['topic-1:0', 'topic-1:1'], b2: ['topic-1:2', 'topic-1:3'], b3: ['topic-1:4', 'topic-1:5'] },
      after: { b1: ['topic-1:0', 'topic-1:1', 'topic-1:2'], b3: ['topic-1:3', 'topic-1:4', 'topic-1:5'], b4: [] },
    };
    expect(describeStep(record, names)).toEqual({
      what:
        'rebalance billing → generation 2 (session-expired): Billing 1 orders[0,1] → orders[0,1,2]; Billing 2 orders[2,3] → (removed); ' +
        'Billing 3 orders[4,5] → orders[3,4,5]; b4 (joined) → none',
      logs: [],
      failed: false,
    });
  });

  it('describes commits, crashes, restarts and log cleanup', () => {
    const base = { step: 1, time: 0, node: 'b2' };
    expect(describeStep({ ...base, kind: 'commit', group: 'billing', offsets: { 'topic-1:2': 16 } }, names).what).toBe(
      'commit billing orders[2] → 16',
    );
    expect(
      describeStep({ ...base, kind: 'consumer', action: 'crash', group: 'billing', sessionExpiresAt: 12_000 }, names)
        .what,
    ).toBe('crashed (group billing notices at t = 12.000 s)');
    expect(describeStep({ ...base, kind: 'consumer', action: 'restart', group: 'billing' }, names).what).toBe(
      'restarted (rejoins group billing)',
    );
    expect(
      describeStep(
        {
          ...base,
          node: 'topic-1',
          kind: 'cleanup',
          partition: 0,
          removed: 100,
          logStartOffset: 300,
          reason: 'retention',
        },
        names,
      ).what,
    ).toBe('retention removed 100 records from partition 0; log starts at 300');
  });
});

describe('describeStep for queues and pub/sub', () => {
  const event = {
    specversion: '1.0',
    id: 'm1',
    source: 'p',
    type: 'Paid',
    time: '',
    datacontenttype: 'application/json',
    data: {},
    correlationid: 'm1',
    sequence: 1,
  } as const;
  const qnames = (id: string) =>
    ({ x: 'payments', q: 'Payments', dlq: 'Payments DLQ', w: 'Worker', c: 'Checkout', ps: 'Redis' })[id] ?? id;

  it('writes where a publish was routed, and what was unroutable or died on the way', () => {
    const record: StepRecord = {
      kind: 'publish',
      step: 1,
      time: 0,
      node: 'p',
      topics: [],
      event,
      amqp: [
        { exchange: 'x', routingKey: 'pay.eu', outcome: 'routed', queues: ['q', 'dlq'] },
        { exchange: '', routingKey: 'nowhere', outcome: 'dropped', queues: [] },
      ],
      channels: [{ pubsub: 'ps', channel: 'pay', receivers: [] }],
      deaths: [
        { queue: 'q', messageId: 'm0', eventType: 'Paid', reason: 'maxlen', exchange: 'x', deadLetteredTo: ['dlq'] },
      ],
    };
    expect(describeStep(record, qnames)).toEqual({
      what: 'Paid m1 → payments "pay.eu" → Payments, Payments DLQ, default exchange "nowhere" unroutable, dropped, Redis channel pay → no subscriber, gone',
      logs: ['Paid m0 dead-lettered from Payments (maxlen) → Payments DLQ'],
      failed: true,
    });
  });

  it('writes a queue delivery with its tag, redelivery, settlement and reply', () => {
    const record: StepRecord = {
      kind: 'queue-deliver',
      step: 2,
      time: 0,
      node: 'w',
      queue: 'q',
      deliveryTag: 7,
      eventId: 'm1',
      eventType: 'Paid',
      routingKey: 'pay.eu',
      redelivered: true,
      outcome: 'failed',
      error: 'boom',
      settle: 'dead-letter',
      deaths: [
        { queue: 'q', messageId: 'm1', eventType: 'Paid', reason: 'rejected', exchange: 'x', deadLetteredTo: ['dlq'] },
      ],
    };
    expect(describeStep(record, qnames)).toEqual({
      what: 'Paid m1 from Payments #7 (redelivered) failed: boom · rejected, dead-lettered',
      logs: ['Paid m1 dead-lettered from Payments (rejected) → Payments DLQ'],
      failed: true,
    });
    const reply: StepRecord = {
      ...record,
      redelivered: false,
      outcome: 'handled',
      settle: 'ack',
      deaths: [],
      replyOf: { producer: 'c', matched: true, roundTripMs: 35 },
    };
    expect(describeStep(reply, qnames)).toMatchObject({
      what: "Paid m1 from Payments #7 handled · acked · reply to Checkout's request (round trip 35 ms)",
      failed: false,
    });
  });

  it('writes expiries, pub/sub deliveries and a crash that requeued and lost messages', () => {
    expect(
      describeStep(
        {
          kind: 'expire',
          step: 3,
          time: 0,
          node: 'q',
          deaths: [{ queue: 'q', messageId: 'm2', eventType: 'Paid', reason: 'expired' }],
        },
        qnames,
      ),
    ).toEqual({
      what: '1 expired in Payments',
      logs: ['Paid m2 from Payments (expired) dropped'],
      failed: true,
    });
    expect(
      describeStep(
        {
          kind: 'pubsub-deliver',
          step: 4,
          time: 0,
          node: 'w',
          pubsub: 'ps',
          channel: 'pay.eu',
          pattern: 'pay.*',
          eventId: 'm1',
          eventType: 'Paid',
          outcome: 'handled',
        },
        qnames,
      ).what,
    ).toBe('Paid m1 on Redis channel pay.eu (pattern pay.*) handled');
    expect(
      describeStep({ kind: 'consumer', step: 5, time: 0, node: 'w', action: 'crash', requeued: 3, lost: 1 }, qnames)
        .what,
    ).toBe('crashed; 3 unacked requeued, 1 taken but not handled lost');
  });
});
