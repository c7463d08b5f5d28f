import { describe, expect, it } from 'vitest';
import { type DeathEvent, deadLetterMessage, detectCycles, isDeathCycle, routeDeadLetter } from './deadLetter';
import type { Message, QueuedMessage } from './message';
import type { QueueConfig, Removal } from './queue';
import type { Topology } from './topology';

const original: Message = {
  id: 'm1',
  exchange: 'orders',
  routingKey: 'order.created',
  headers: { tenant: 'acme' },
  body: { total: 3 },
  expiration: 60_000,
  correlationId: 'c-1',
};
const event = (extra: Partial<DeathEvent> = {}): DeathEvent => ({
  queue: 'work',
  reason: 'rejected',
  now: 1000,
  deadLetterExchange: 'dlx',
  ...extra,
});

describe('deadLetterMessage: the republished message', () => {
  it('goes to the dead letter exchange, keeping its routing key when no dead-letter routing key is set', () => {
    const dead = deadLetterMessage(original, event());
    expect(dead).toMatchObject({
      id: 'm1',
      exchange: 'dlx',
      routingKey: 'order.created',
      body: { total: 3 },
      correlationId: 'c-1',
    });
  });

  it("uses the queue's dead-letter routing key when one is set", () => {
    expect(deadLetterMessage(original, event({ deadLetterRoutingKey: 'failed' })).routingKey).toBe('failed');
  });

  it('loses its expiration so it cannot expire again, recorded as original-expiration', () => {
    const dead = deadLetterMessage(original, event({ reason: 'expired' }));
    expect(dead).not.toHaveProperty('expiration');
    expect(dead.headers['x-death']).toMatchObject([{ 'original-expiration': '60000' }]);
  });

  it("keeps the publisher's headers", () => {
    expect(deadLetterMessage(original, event()).headers['tenant']).toBe('acme');
  });

  it('drops queue bookkeeping such as seq and redelivered', () => {
    const queued: QueuedMessage = { ...original, seq: 4, redelivered: true, enqueuedAt: 10, expiresAt: 60_010 };
    const dead = deadLetterMessage(queued, event());
    expect(Object.keys(dead).sort()).toEqual([
      'body',
      'correlationId',
      'deaths',
      'exchange',
      'headers',
      'id',
      'routingKey',
    ]);
  });
});

describe('deadLetterMessage: the x-death header', () => {
  it('records queue, reason, count, time, the exchange and routing keys it was published with', () => {
    const { expiration: _none, ...noTtl } = original;
    const dead = deadLetterMessage(noTtl, event({ now: 1234 }));
    expect(dead.headers['x-death']).toEqual([
      {
        count: 1,
        reason: 'rejected',
        queue: 'work',
        time: 1234,
        exchange: 'orders',
        'routing-keys': ['order.created'],
      },
    ]);
  });

  it('counts a repeat death in the same queue for the same reason, keeping the first time, exchange and keys', () => {
    const once = deadLetterMessage(original, event({ now: 1000 }));
    // back from the DLX into 'work' and rejected again
    const twice = deadLetterMessage(once, event({ now: 5000 }));
    expect(twice.headers['x-death']).toEqual([
      {
        count: 2,
        reason: 'rejected',
        queue: 'work',
        time: 1000,
        exchange: 'orders',
        'routing-keys': ['order.created'],
        'original-expiration': '60000',
      },
    ]);
    expect(twice.deaths?.[0]).toMatchObject({ count: 2, time: 1000, lastTime: 5000 });
  });

  it('adds a new entry for a new (queue, reason), most recent first, and moves a repeated one to the front', () => {
    const a = deadLetterMessage(original, event({ queue: 'work', reason: 'rejected', now: 1 }));
    const b = deadLetterMessage(a, event({ queue: 'retry', reason: 'expired', now: 2 }));
    expect(b.deaths?.map((d) => `${d.queue}/${d.reason}`)).toEqual(['retry/expired', 'work/rejected']);
    const c = deadLetterMessage(b, event({ queue: 'work', reason: 'rejected', now: 3 }));
    expect(c.deaths?.map((d) => `${d.queue}/${d.reason}x${d.count}`)).toEqual(['work/rejectedx2', 'retry/expiredx1']);
    const d = deadLetterMessage(c, event({ queue: 'work', reason: 'expired', now: 4 }));
    expect(d.deaths?.map((x) => `${x.queue}/${x.reason}`)).toEqual(['work/expired', 'work/rejected', 'retry/expired']);
  });

  it('records the exchange the message was in when it died: the DLX on a second death', () => {
    const a = deadLetterMessage(original, event({ queue: 'work', deadLetterExchange: 'dlx' }));
    const b = deadLetterMessage(a, event({ queue: 'parking', reason: 'expired', deadLetterExchange: 'retry' }));
    expect(b.deaths?.[0]).toMatchObject({ queue: 'parking', exchange: 'dlx' });
  });

  it('sets x-first-death-* once and x-last-death-* every time', () => {
    const a = deadLetterMessage(original, event({ queue: 'work', reason: 'rejected' }));
    const b = deadLetterMessage(a, event({ queue: 'retry', reason: 'expired', deadLetterExchange: 'back' }));
    expect(b.headers).toMatchObject({
      'x-first-death-queue': 'work',
      'x-first-death-reason': 'rejected',
      'x-first-death-exchange': 'orders',
      'x-last-death-queue': 'retry',
      'x-last-death-reason': 'expired',
      'x-last-death-exchange': 'dlx',
    });
  });

  it('ignores an x-death header written by the publisher: the broker keeps its own history', () => {
    const forged: Message = { ...original, headers: { 'x-death': [{ queue: 'work', reason: 'expired', count: 9 }] } };
    const dead = deadLetterMessage(forged, event({ reason: 'expired' }));
    expect(dead.headers['x-death']).toMatchObject([{ queue: 'work', reason: 'expired', count: 1 }]);
    expect(dead.headers['x-first-death-queue']).toBe('work');
  });
});

describe('dead-letter cycles', () => {
  it('a message expiring in a queue that dead-letters back to itself is dropped (default exchange, no routing key)', () => {
    const dead = deadLetterMessage(
      { ...original, exchange: '', routingKey: 'work' },
      event({ queue: 'work', reason: 'expired', deadLetterExchange: '' }),
    );
    expect(isDeathCycle('work', dead)).toBe(true);
    expect(detectCycles('expired', dead, ['work', 'audit'])).toEqual({ deliverTo: ['audit'], cycles: ['work'] });
  });

  it('a rejection never makes a cycle', () => {
    const dead = deadLetterMessage(original, event({ queue: 'work', reason: 'rejected' }));
    expect(detectCycles('rejected', dead, ['work'])).toEqual({ deliverTo: ['work'], cycles: [] });
  });

  it('two queues expiring into each other: the message is dropped when it would return to the first', () => {
    const inA = deadLetterMessage(original, event({ queue: 'a', reason: 'expired', deadLetterExchange: 'to-b' }));
    expect(detectCycles('expired', inA, ['b']).deliverTo).toEqual(['b']);
    const inB = deadLetterMessage(inA, event({ queue: 'b', reason: 'expired', deadLetterExchange: 'to-a' }));
    expect(detectCycles('expired', inB, ['a'])).toEqual({ deliverTo: [], cycles: ['a'] });
  });

  it('a retry loop with a rejection in it keeps going (reject -> wait queue expires -> back)', () => {
    const rejected = deadLetterMessage(
      original,
      event({ queue: 'work', reason: 'rejected', deadLetterExchange: 'wait' }),
    );
    const waited = deadLetterMessage(
      rejected,
      event({ queue: 'wait', reason: 'expired', deadLetterExchange: 'retry' }),
    );
    expect(detectCycles('expired', waited, ['work'])).toEqual({ deliverTo: ['work'], cycles: [] });
  });

  it("a rejection older than the target queue's death does not break the cycle", () => {
    // rejected in q1, then expired in q2, expired in q3, and routed back to q2
    let m = deadLetterMessage(original, event({ queue: 'q1', reason: 'rejected' }));
    m = deadLetterMessage(m, event({ queue: 'q2', reason: 'expired' }));
    m = deadLetterMessage(m, event({ queue: 'q3', reason: 'expired' }));
    expect(isDeathCycle('q2', m)).toBe(true);
    expect(isDeathCycle('q1', m)).toBe(false);
  });

  it('a queue the message never died in is no cycle', () => {
    expect(isDeathCycle('elsewhere', deadLetterMessage(original, event({ reason: 'expired' })))).toBe(false);
    expect(isDeathCycle('work', original)).toBe(false);
  });
});

describe('routeDeadLetter', () => {
  const topology: Topology = {
    exchanges: [{ name: 'dlx', type: 'direct' }],
    queues: ['work', 'parking'],
    bindings: [
      { source: 'dlx', destination: 'parking', destinationType: 'queue', routingKey: 'failed', arguments: {} },
    ],
  };
  const removed: Removal = {
    message: { ...original, seq: 0, redelivered: false, enqueuedAt: 0 },
    reason: 'rejected',
    deadLetter: true,
  };

  it('is undefined when the queue has no dead letter exchange: the message is dropped', () => {
    expect(
      routeDeadLetter(topology, 'work', { ...removed, deadLetter: false }, { overflow: 'drop-head' }, 0),
    ).toBeUndefined();
  });

  it('routes the dead-lettered copy from the DLX with the dead-letter routing key', () => {
    const config: QueueConfig = { overflow: 'drop-head', deadLetterExchange: 'dlx', deadLetterRoutingKey: 'failed' };
    const result = routeDeadLetter(topology, 'work', removed, config, 50);
    expect(result?.deliverTo).toEqual(['parking']);
    expect(result?.message).toMatchObject({
      exchange: 'dlx',
      routingKey: 'failed',
      headers: { 'x-first-death-queue': 'work' },
    });
  });

  it('routes nowhere (the message is lost) when the DLX matches nothing or does not exist', () => {
    expect(
      routeDeadLetter(topology, 'work', removed, { overflow: 'drop-head', deadLetterExchange: 'dlx' }, 0)?.deliverTo,
    ).toEqual([]);
    expect(
      routeDeadLetter(topology, 'work', removed, { overflow: 'drop-head', deadLetterExchange: 'ghost' }, 0)?.route
        .unroutable,
    ).toBe(true);
  });

  it('through the default exchange with a routing key naming a queue', () => {
    const config: QueueConfig = { overflow: 'drop-head', deadLetterExchange: '', deadLetterRoutingKey: 'parking' };
    expect(routeDeadLetter(topology, 'work', removed, config, 0)?.deliverTo).toEqual(['parking']);
  });

  it('leaves out a queue that would close an automatic cycle', () => {
    const config: QueueConfig = { overflow: 'drop-head', deadLetterExchange: '' };
    const expired: Removal = {
      ...removed,
      reason: 'expired',
      message: { ...removed.message, exchange: '', routingKey: 'work' },
    };
    expect(routeDeadLetter(topology, 'work', expired, config, 0)).toMatchObject({ deliverTo: [], cycles: ['work'] });
  });
});
