import { describe, expect, it } from 'vitest';
import { addConsumer } from './consumers';
import { enqueue } from './enqueue';
import { type QueueConfig, createQueue, unackedCount } from './queue';

const cfg: QueueConfig = { overflow: 'drop-head', messageTtl: 1000 };

describe('queue state', () => {
  it('starts empty, with delivery tags from 1', () => {
    expect(createQueue()).toEqual({
      ready: [],
      unacked: {},
      consumers: [],
      roundRobin: [],
      blocked: [],
      nextSeq: 0,
      nextDeliveryTag: 1,
    });
  });

  it('counts unacked deliveries per consumer and in total', () => {
    const q = createQueue();
    addConsumer(q, { tag: 'c1', prefetch: 0 });
    addConsumer(q, { tag: 'c2', prefetch: 0 });
    for (const id of ['a', 'b', 'c']) enqueue(q, { id, exchange: '', routingKey: 'q', headers: {}, body: id }, 0, cfg);
    expect([unackedCount(q, 'c1'), unackedCount(q, 'c2'), unackedCount(q, 'nobody'), unackedCount(q)]).toEqual([
      2, 1, 0, 3,
    ]);
  });

  it('is plain data that a snapshot (structuredClone) copies exactly', () => {
    const q = createQueue();
    addConsumer(q, { tag: 'c1', prefetch: 1 });
    for (const id of ['a', 'b'])
      enqueue(q, { id, exchange: 'x', routingKey: 'k', headers: { h: [1, { n: null }] }, body: { id } }, 5, cfg);
    expect(structuredClone(q)).toEqual(q);
    expect(JSON.parse(JSON.stringify(q))).toEqual(q);
  });
});
