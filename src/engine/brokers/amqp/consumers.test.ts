import { describe, expect, it } from 'vitest';
import { addConsumer, cancelConsumer, crashConsumer } from './consumers';
import { dispatch } from './dispatch';
import { enqueue } from './enqueue';
import type { Message } from './message';
import { type QueueConfig, createQueue, unackedCount } from './queue';
import { ack } from './settle';

const cfg: QueueConfig = { overflow: 'drop-head' };
const msg = (id: string): Message => ({ id, exchange: 'ex', routingKey: 'rk', headers: {}, body: id });
const ids = (list: readonly { readonly id: string }[]) => list.map((m) => m.id);

describe('addConsumer', () => {
  it('refuses a tag already in use on the queue (530 NOT_ALLOWED)', () => {
    const q = createQueue();
    expect(addConsumer(q, { tag: 'c1', prefetch: 1 })).toBeUndefined();
    expect(addConsumer(q, { tag: 'c1', prefetch: 5 })).toEqual({
      code: 530,
      text: "NOT_ALLOWED - attempt to reuse consumer tag 'c1'",
    });
    expect(q.consumers).toEqual([{ tag: 'c1', prefetch: 1 }]);
  });
});

describe('cancelConsumer (basic.cancel)', () => {
  it('stops deliveries to the consumer', () => {
    const q = createQueue();
    addConsumer(q, { tag: 'c1', prefetch: 0 });
    addConsumer(q, { tag: 'c2', prefetch: 0 });
    expect(cancelConsumer(q, 'c1')).toBe(true);
    for (const id of ['a', 'b']) enqueue(q, msg(id), 0, cfg);
    expect(q.unacked['c2']?.map((d) => d.message.id)).toEqual(['a', 'b']);
    expect(q.unacked['c1']).toBeUndefined();
  });

  it('leaves messages already delivered unacked, and they can still be acked', () => {
    const q = createQueue();
    addConsumer(q, { tag: 'c1', prefetch: 2 });
    for (const id of ['a', 'b', 'c']) enqueue(q, msg(id), 0, cfg);
    cancelConsumer(q, 'c1');
    expect(unackedCount(q, 'c1')).toBe(2);
    expect(ids(q.ready)).toEqual(['c']);
    expect(ack(q, 'c1', 1).ok).toBe(true);
    expect(unackedCount(q, 'c1')).toBe(1);
  });

  it('answers false for a tag that is not consuming', () => {
    expect(cancelConsumer(createQueue(), 'nobody')).toBe(false);
  });
});

describe('crashConsumer (channel closed, connection lost)', () => {
  it('requeues every unacked message in its original place, marked redelivered', () => {
    const q = createQueue();
    addConsumer(q, { tag: 'c1', prefetch: 2 });
    for (const id of ['a', 'b', 'c']) enqueue(q, msg(id), 0, cfg);
    const result = crashConsumer(q, 'c1', 0, cfg);
    expect(ids(result.requeued)).toEqual(['a', 'b']);
    expect(q.ready.map((m) => [m.id, m.redelivered])).toEqual([
      ['a', true],
      ['b', true],
      ['c', false],
    ]);
    expect(q.consumers).toEqual([]);
    expect(unackedCount(q)).toBe(0);
  });

  it('hands the requeued messages to another consumer on the next dispatch', () => {
    const q = createQueue();
    addConsumer(q, { tag: 'c1', prefetch: 1 });
    enqueue(q, msg('a'), 0, cfg);
    addConsumer(q, { tag: 'c2', prefetch: 1 });
    crashConsumer(q, 'c1', 0, cfg);
    expect(dispatch(q, 0, cfg).deliveries).toMatchObject([
      { consumerTag: 'c2', redelivered: true, message: { id: 'a' } },
    ]);
  });

  it('also returns what a cancelled consumer still held', () => {
    const q = createQueue();
    addConsumer(q, { tag: 'c1', prefetch: 1 });
    enqueue(q, msg('a'), 0, cfg);
    cancelConsumer(q, 'c1');
    expect(ids(crashConsumer(q, 'c1', 0, cfg).requeued)).toEqual(['a']);
  });

  it('does nothing for a tag it does not know', () => {
    const q = createQueue();
    enqueue(q, msg('a'), 0, cfg);
    expect(crashConsumer(q, 'ghost', 0, cfg)).toEqual({ requeued: [], removed: [] });
    expect(ids(q.ready)).toEqual(['a']);
  });
});
