import { describe, expect, it } from 'vitest';
import { addConsumer } from './consumers';
import { dispatch } from './dispatch';
import { enqueue } from './enqueue';
import type { Message } from './message';
import { type QueueConfig, createQueue } from './queue';

const config = (extra: Partial<QueueConfig> = {}): QueueConfig => ({ overflow: 'drop-head', ...extra });
const msg = (id: string, extra: Partial<Message> = {}): Message => ({
  id,
  exchange: 'ex',
  routingKey: 'rk',
  headers: {},
  body: id,
  ...extra,
});
const ids = (list: readonly { readonly id: string }[]) => list.map((m) => m.id);

describe('enqueue: a plain queue', () => {
  it('keeps messages in FIFO order', () => {
    const q = createQueue();
    for (const id of ['a', 'b', 'c']) expect(enqueue(q, msg(id), 0, config()).outcome).toBe('queued');
    expect(ids(q.ready)).toEqual(['a', 'b', 'c']);
    expect(q.ready.map((m) => m.seq)).toEqual([0, 1, 2]);
  });

  it('records when the message arrived, not yet redelivered', () => {
    const q = createQueue();
    enqueue(q, msg('a'), 1500, config());
    expect(q.ready[0]).toMatchObject({ id: 'a', enqueuedAt: 1500, redelivered: false });
    expect(q.ready[0]).not.toHaveProperty('expiresAt');
  });

  it('hands a message straight to an idle consumer when nothing is waiting', () => {
    const q = createQueue();
    addConsumer(q, { tag: 'c1', prefetch: 1 });
    const result = enqueue(q, msg('a'), 0, config());
    expect(result).toMatchObject({
      outcome: 'delivered',
      delivery: { consumerTag: 'c1', deliveryTag: 1, redelivered: false },
    });
    expect(q.ready).toEqual([]);
    expect(q.unacked['c1']?.map((d) => d.message.id)).toEqual(['a']);
  });

  it('queues behind waiting messages even when a consumer has room, keeping FIFO', () => {
    const q = createQueue();
    enqueue(q, msg('a'), 0, config());
    addConsumer(q, { tag: 'c1', prefetch: 0 });
    expect(enqueue(q, msg('b'), 0, config()).outcome).toBe('queued');
    expect(ids(dispatch(q, 0, config()).deliveries.map((d) => d.message))).toEqual(['a', 'b']);
  });
});

describe('enqueue: TTL', () => {
  it('expires at enqueue time + x-message-ttl', () => {
    const q = createQueue();
    enqueue(q, msg('a'), 100, config({ messageTtl: 5000 }));
    expect(q.ready[0]?.expiresAt).toBe(5100);
  });

  it('uses a message expiration on its own', () => {
    const q = createQueue();
    enqueue(q, msg('a', { expiration: 300 }), 100, config());
    expect(q.ready[0]?.expiresAt).toBe(400);
  });

  it('uses the lower of x-message-ttl and the message expiration', () => {
    const q = createQueue();
    enqueue(q, msg('short', { expiration: 1000 }), 0, config({ messageTtl: 5000 }));
    enqueue(q, msg('long', { expiration: 9000 }), 0, config({ messageTtl: 5000 }));
    expect(q.ready.map((m) => m.expiresAt)).toEqual([1000, 5000]);
  });

  it('TTL 0: delivered if a consumer can take it at once', () => {
    const q = createQueue();
    addConsumer(q, { tag: 'c1', prefetch: 1 });
    expect(enqueue(q, msg('a'), 0, config({ messageTtl: 0 })).outcome).toBe('delivered');
  });

  it('TTL 0: expires on arrival when no consumer can take it, dead-lettered when there is a DLX', () => {
    const q = createQueue();
    const result = enqueue(q, msg('a'), 0, config({ messageTtl: 0, deadLetterExchange: 'dlx' }));
    expect(result).toMatchObject({
      outcome: 'queued',
      removed: [{ reason: 'expired', deadLetter: true, message: { id: 'a' } }],
    });
    expect(q.ready).toEqual([]);
    const noDlx = enqueue(createQueue(), msg('b', { expiration: 0 }), 0, config());
    expect(noDlx).toMatchObject({ outcome: 'queued', removed: [{ reason: 'expired', deadLetter: false }] });
  });
});

describe('enqueue: x-max-length with drop-head (the default)', () => {
  it('drops the oldest ready message to make room', () => {
    const q = createQueue();
    const cfg = config({ maxLength: 2 });
    enqueue(q, msg('a'), 0, cfg);
    enqueue(q, msg('b'), 0, cfg);
    const result = enqueue(q, msg('c'), 0, cfg);
    expect(result).toMatchObject({
      outcome: 'queued',
      removed: [{ reason: 'maxlen', deadLetter: false, message: { id: 'a' } }],
    });
    expect(ids(q.ready)).toEqual(['b', 'c']);
  });

  it('dead-letters the dropped head as maxlen when the queue has a DLX', () => {
    const q = createQueue();
    const cfg = config({ maxLength: 1, deadLetterExchange: '' });
    enqueue(q, msg('a'), 0, cfg);
    expect(enqueue(q, msg('b'), 0, cfg).removed).toMatchObject([
      { reason: 'maxlen', deadLetter: true, message: { id: 'a' } },
    ]);
  });

  it('counts ready messages only: unacked deliveries do not take room', () => {
    const q = createQueue();
    const cfg = config({ maxLength: 1 });
    addConsumer(q, { tag: 'c1', prefetch: 2 });
    enqueue(q, msg('a'), 0, cfg);
    enqueue(q, msg('b'), 0, cfg);
    expect(enqueue(q, msg('c'), 0, cfg)).toMatchObject({ outcome: 'queued', removed: [] });
    expect(ids(q.ready)).toEqual(['c']);
  });

  it('with x-max-length 0, still hands a message straight to an idle consumer', () => {
    const q = createQueue();
    addConsumer(q, { tag: 'c1', prefetch: 1 });
    const cfg = config({ maxLength: 0 });
    expect(enqueue(q, msg('a'), 0, cfg).outcome).toBe('delivered');
    expect(enqueue(q, msg('b'), 0, cfg)).toMatchObject({
      outcome: 'queued',
      removed: [{ reason: 'maxlen', message: { id: 'b' } }],
    });
  });
});

describe('enqueue: x-max-length with reject-publish', () => {
  it('refuses the new message and keeps the queue as it was', () => {
    const q = createQueue();
    const cfg = config({ maxLength: 2, overflow: 'reject-publish', deadLetterExchange: 'dlx' });
    enqueue(q, msg('a'), 0, cfg);
    enqueue(q, msg('b'), 0, cfg);
    expect(enqueue(q, msg('c'), 0, cfg)).toEqual({ outcome: 'rejected', removed: [] });
    expect(ids(q.ready)).toEqual(['a', 'b']);
  });

  it('refuses even when a consumer is idle, because it checks the length first', () => {
    const q = createQueue();
    addConsumer(q, { tag: 'c1', prefetch: 1 });
    expect(enqueue(q, msg('a'), 0, config({ maxLength: 0, overflow: 'reject-publish' })).outcome).toBe('rejected');
  });

  it('accepts again once a message has left', () => {
    const q = createQueue();
    const cfg = config({ maxLength: 1, overflow: 'reject-publish' });
    enqueue(q, msg('a'), 0, cfg);
    expect(enqueue(q, msg('b'), 0, cfg).outcome).toBe('rejected');
    addConsumer(q, { tag: 'c1', prefetch: 1 });
    dispatch(q, 0, cfg);
    expect(enqueue(q, msg('c'), 0, cfg).outcome).toBe('queued');
  });
});

describe('enqueue: x-max-length with reject-publish-dlx', () => {
  it('refuses the new message and dead-letters it as maxlen', () => {
    const q = createQueue();
    const cfg = config({ maxLength: 1, overflow: 'reject-publish-dlx', deadLetterExchange: 'dlx' });
    enqueue(q, msg('a'), 0, cfg);
    expect(enqueue(q, msg('b'), 0, cfg)).toMatchObject({
      outcome: 'rejected',
      removed: [{ reason: 'maxlen', deadLetter: true, message: { id: 'b' } }],
    });
    expect(ids(q.ready)).toEqual(['a']);
  });

  it('without a DLX, the refused message is simply dropped', () => {
    const q = createQueue();
    const cfg = config({ maxLength: 0, overflow: 'reject-publish-dlx' });
    expect(enqueue(q, msg('a'), 0, cfg)).toMatchObject({
      outcome: 'rejected',
      removed: [{ reason: 'maxlen', deadLetter: false }],
    });
  });
});
