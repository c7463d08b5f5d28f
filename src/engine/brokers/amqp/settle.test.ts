import { describe, expect, it } from 'vitest';
import { addConsumer } from './consumers';
import { dispatch } from './dispatch';
import { enqueue } from './enqueue';
import type { Message } from './message';
import { type QueueConfig, type QueueState, createQueue, unackedCount } from './queue';
import { ack, nack, reject } from './settle';

const cfg: QueueConfig = { overflow: 'drop-head' };
const msg = (id: string): Message => ({ id, exchange: 'ex', routingKey: 'rk', headers: {}, body: id });
const ids = (list: readonly { readonly id: string }[]) => list.map((m) => m.id);

/** A queue whose consumer c1 holds the first `held` messages (delivery tags 1..held) and the rest wait. */
function setup(messages: string[], held: number, config: QueueConfig = cfg): QueueState {
  const q = createQueue();
  for (const id of messages) enqueue(q, msg(id), 0, config);
  addConsumer(q, { tag: 'c1', prefetch: held });
  dispatch(q, 0, config);
  return q;
}

describe('ack', () => {
  it('settles one delivery', () => {
    const q = setup(['a', 'b'], 2);
    expect(ack(q, 'c1', 2)).toEqual({
      ok: true,
      settled: [expect.objectContaining({ id: 'b' })],
      requeued: [],
      removed: [],
    });
    expect(q.unacked['c1']?.map((d) => d.deliveryTag)).toEqual([1]);
  });

  it('with multiple, settles that delivery and every older one', () => {
    const q = setup(['a', 'b', 'c'], 3);
    const result = ack(q, 'c1', 2, true);
    expect(result.ok && ids(result.settled)).toEqual(['a', 'b']);
    expect(q.unacked['c1']?.map((d) => d.deliveryTag)).toEqual([3]);
  });

  it('with multiple and delivery tag 0, settles everything outstanding', () => {
    const q = setup(['a', 'b', 'c'], 3);
    const result = ack(q, 'c1', 0, true);
    expect(result.ok && ids(result.settled)).toEqual(['a', 'b', 'c']);
    expect(unackedCount(q)).toBe(0);
  });

  it('refuses an unknown delivery tag with 406 PRECONDITION_FAILED and changes nothing', () => {
    const q = setup(['a'], 1);
    expect(ack(q, 'c1', 7)).toEqual({
      ok: false,
      error: { code: 406, text: 'PRECONDITION_FAILED - unknown delivery tag 7' },
    });
    expect(unackedCount(q, 'c1')).toBe(1);
  });

  it('refuses a double ack', () => {
    const q = setup(['a'], 1);
    expect(ack(q, 'c1', 1).ok).toBe(true);
    expect(ack(q, 'c1', 1)).toMatchObject({ ok: false, error: { code: 406 } });
  });

  it('with multiple, still needs the named tag to be outstanding', () => {
    const q = setup(['a', 'b', 'c'], 3);
    ack(q, 'c1', 3);
    expect(ack(q, 'c1', 3, true)).toMatchObject({ ok: false, error: { code: 406 } });
    expect(unackedCount(q, 'c1')).toBe(2);
  });

  it('cannot settle a delivery made to another consumer', () => {
    const q = setup(['a'], 1);
    addConsumer(q, { tag: 'c2', prefetch: 0 });
    expect(ack(q, 'c2', 1)).toMatchObject({ ok: false });
  });
});

describe('nack / reject with requeue', () => {
  it('puts the message back at its original position, marked redelivered', () => {
    const q = setup(['a', 'b', 'c'], 1);
    expect(ids(q.ready)).toEqual(['b', 'c']);
    const result = reject(q, 'c1', 1, true, 0, cfg);
    expect(result).toMatchObject({ ok: true, requeued: [{ id: 'a', redelivered: true }], removed: [] });
    expect(ids(q.ready)).toEqual(['a', 'b', 'c']);
    expect(q.ready[0]?.redelivered).toBe(true);
  });

  it('redelivers with the redelivered flag set', () => {
    const q = setup(['a'], 1);
    nack(q, 'c1', 1, { requeue: true }, 0, cfg);
    expect(dispatch(q, 0, cfg).deliveries).toMatchObject([{ deliveryTag: 2, redelivered: true, message: { id: 'a' } }]);
  });

  it('requeues several messages each back in place', () => {
    const q = setup(['a', 'b', 'c', 'd'], 3);
    nack(q, 'c1', 3, { multiple: true, requeue: true }, 0, cfg);
    expect(ids(q.ready)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('puts a message back ahead of everything enqueued after it, even when older ones are gone', () => {
    const q = setup(['a', 'b', 'c', 'd'], 2);
    ack(q, 'c1', 1);
    dispatch(q, 0, cfg); // c takes a's place at c1
    nack(q, 'c1', 2, { requeue: true }, 0, cfg);
    expect(ids(q.ready)).toEqual(['b', 'd']);
  });

  it('trims a drop-head queue that the requeue pushed over x-max-length', () => {
    const config: QueueConfig = { overflow: 'drop-head', maxLength: 2 };
    const q = createQueue();
    addConsumer(q, { tag: 'c1', prefetch: 1 });
    for (const id of ['a', 'b', 'c']) enqueue(q, msg(id), 0, config);
    expect(ids(q.ready)).toEqual(['b', 'c']);
    const result = nack(q, 'c1', 1, { requeue: true }, 0, config);
    expect(result).toMatchObject({
      ok: true,
      removed: [{ reason: 'maxlen', message: { id: 'a', redelivered: true } }],
    });
    expect(ids(q.ready)).toEqual(['b', 'c']);
  });

  it('frees room under prefetch, so the consumer gets the message again', () => {
    const q = setup(['a'], 1);
    reject(q, 'c1', 1, true, 0, cfg);
    expect(dispatch(q, 0, cfg).deliveries.map((d) => d.consumerTag)).toEqual(['c1']);
  });
});

describe('nack / reject without requeue', () => {
  it('dead-letters the message as rejected when the queue has a DLX', () => {
    const config: QueueConfig = { overflow: 'drop-head', deadLetterExchange: 'dlx' };
    const q = setup(['a', 'b'], 2, config);
    const result = reject(q, 'c1', 1, false, 0, config);
    expect(result).toMatchObject({
      ok: true,
      requeued: [],
      removed: [{ reason: 'rejected', deadLetter: true, message: { id: 'a' } }],
    });
    expect(ids(q.ready)).toEqual([]);
    expect(unackedCount(q)).toBe(1);
  });

  it('drops the message when the queue has no DLX', () => {
    const q = setup(['a'], 1);
    expect(nack(q, 'c1', 1, { requeue: false }, 0, cfg)).toMatchObject({
      ok: true,
      removed: [{ reason: 'rejected', deadLetter: false }],
    });
    expect(q.ready).toEqual([]);
  });

  it('nacks several at once with multiple, oldest first', () => {
    const q = setup(['a', 'b', 'c'], 3);
    const result = nack(q, 'c1', 2, { multiple: true, requeue: false }, 0, cfg);
    expect(result.ok && ids(result.removed.map((r) => r.message))).toEqual(['a', 'b']);
  });

  it('refuses an unknown delivery tag like ack does', () => {
    expect(reject(setup(['a'], 1), 'c1', 9, false, 0, cfg)).toMatchObject({ ok: false, error: { code: 406 } });
  });
});
