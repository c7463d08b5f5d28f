import { describe, expect, it } from 'vitest';
import { addConsumer } from './consumers';
import { dispatch } from './dispatch';
import { enqueue } from './enqueue';
import { expire, nextExpiry } from './expire';
import type { Message } from './message';
import { type QueueConfig, createQueue } from './queue';
import { nack } from './settle';

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

describe('expire: per-queue TTL (x-message-ttl)', () => {
  it('removes messages from the head once their time has come, in order', () => {
    const q = createQueue();
    const cfg = config({ messageTtl: 1000 });
    enqueue(q, msg('a'), 0, cfg);
    enqueue(q, msg('b'), 400, cfg);
    enqueue(q, msg('c'), 800, cfg);
    expect(expire(q, 999, cfg)).toEqual([]);
    expect(ids(expire(q, 1000, cfg).map((r) => r.message))).toEqual(['a']);
    expect(ids(expire(q, 1500, cfg).map((r) => r.message))).toEqual(['b']);
    expect(ids(q.ready)).toEqual(['c']);
  });

  it('names the reason expired and dead-letters only when the queue has a DLX', () => {
    const q = createQueue();
    enqueue(q, msg('a'), 0, config({ messageTtl: 10 }));
    expect(expire(q, 10, config({ messageTtl: 10, deadLetterExchange: 'dlx' }))).toMatchObject([
      { reason: 'expired', deadLetter: true },
    ]);
  });

  it('tells the caller when the head will expire', () => {
    const q = createQueue();
    expect(nextExpiry(q)).toBeUndefined();
    enqueue(q, msg('a'), 200, config({ messageTtl: 1000 }));
    expect(nextExpiry(q)).toBe(1200);
  });
});

describe('expire: per-message expiration is only noticed at the head', () => {
  it('an expired message behind a longer-lived head stays until it reaches the head', () => {
    const q = createQueue();
    const cfg = config();
    enqueue(q, msg('long', { expiration: 10_000 }), 0, cfg);
    enqueue(q, msg('short', { expiration: 100 }), 0, cfg);
    expect(expire(q, 5000, cfg)).toEqual([]);
    expect(ids(q.ready)).toEqual(['long', 'short']);
    expect(nextExpiry(q)).toBe(10_000);
  });

  it('a message without expiration at the head holds back expired ones behind it', () => {
    const q = createQueue();
    enqueue(q, msg('forever'), 0, config());
    enqueue(q, msg('short', { expiration: 10 }), 0, config());
    expect(expire(q, 1000, config())).toEqual([]);
    expect(nextExpiry(q)).toBeUndefined();
  });

  it('once the head leaves, the expired message behind it is dropped instead of delivered', () => {
    const q = createQueue();
    const cfg = config({ deadLetterExchange: 'dlx' });
    enqueue(q, msg('forever'), 0, cfg);
    enqueue(q, msg('short', { expiration: 10 }), 0, cfg);
    enqueue(q, msg('fresh'), 0, cfg);
    addConsumer(q, { tag: 'c1', prefetch: 0 });
    const { deliveries, removed } = dispatch(q, 1000, cfg);
    expect(ids(deliveries.map((d) => d.message))).toEqual(['forever', 'fresh']);
    expect(removed).toMatchObject([{ reason: 'expired', deadLetter: true, message: { id: 'short' } }]);
  });

  it('a requeued message keeps its expiry and is dropped if it has passed', () => {
    const q = createQueue();
    const cfg = config({ messageTtl: 100 });
    addConsumer(q, { tag: 'c1', prefetch: 1 });
    enqueue(q, msg('a'), 0, cfg);
    const result = nack(q, 'c1', 1, { requeue: true }, 500, cfg);
    expect(result).toMatchObject({
      ok: true,
      removed: [{ reason: 'expired', message: { id: 'a', redelivered: true } }],
    });
    expect(q.ready).toEqual([]);
  });
});
