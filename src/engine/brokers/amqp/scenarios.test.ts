import { describe, expect, it } from 'vitest';
import { addConsumer } from './consumers';
import { routeDeadLetter } from './deadLetter';
import { dispatch } from './dispatch';
import { enqueue } from './enqueue';
import { expire } from './expire';
import type { Message } from './message';
import { publish } from './publish';
import { type Delivery, type QueueConfig, type QueueState, type Removal, createQueue } from './queue';
import { reject } from './settle';
import type { Topology } from './topology';

/** The smallest broker loop a runtime would write around these functions, for end-to-end checks. */
function broker(topology: Topology, configs: Record<string, QueueConfig>) {
  const queues: Record<string, QueueState> = Object.fromEntries(
    Object.keys(configs).map((name) => [name, createQueue()]),
  );
  const deliveries: Delivery[] = [];
  const dropped: string[] = [];
  const q = (name: string) => queues[name] as QueueState;
  const c = (name: string) => configs[name] as QueueConfig;
  const settle = (name: string, removed: readonly Removal[], now: number) => {
    for (const r of removed) {
      const dead = routeDeadLetter(topology, name, r, c(name), now);
      if (!dead || dead.deliverTo.length === 0) dropped.push(`${r.message.id}:${r.reason}@${name}`);
      for (const target of dead?.deliverTo ?? []) put(target, dead?.message as Message, now);
    }
  };
  const put = (name: string, message: Message, now: number) => {
    const result = enqueue(q(name), message, now, c(name));
    if (result.outcome === 'delivered') deliveries.push(result.delivery);
    settle(name, result.removed, now);
  };
  return {
    queues,
    deliveries,
    dropped,
    publish(message: Message, now: number) {
      const outcome = publish(topology, message);
      if (outcome.kind === 'routed') for (const name of outcome.route.queues) put(name, message, now);
      return outcome;
    },
    tick(now: number) {
      for (const name of Object.keys(queues)) {
        settle(name, expire(q(name), now, c(name)), now);
        const { deliveries: sent, removed } = dispatch(q(name), now, c(name));
        deliveries.push(...sent);
        settle(name, removed, now);
      }
    },
    reject(name: string, tag: string, deliveryTag: number, now: number) {
      const result = reject(q(name), tag, deliveryTag, false, now, c(name));
      if (result.ok) settle(name, result.removed, now);
    },
  };
}

const order = (id: string): Message => ({
  id,
  exchange: 'orders',
  routingKey: 'order.created',
  headers: {},
  body: { id },
});

describe('scenario: delayed retry through a wait queue', () => {
  // work --reject--> retry.wait (TTL 1s) --expired--> back to work, as many retry set-ups do
  const topology: Topology = {
    exchanges: [
      { name: 'orders', type: 'topic' },
      { name: 'retry', type: 'fanout' },
    ],
    queues: ['work', 'retry.wait'],
    bindings: [
      { source: 'orders', destination: 'work', destinationType: 'queue', routingKey: 'order.*', arguments: {} },
      { source: 'retry', destination: 'retry.wait', destinationType: 'queue', routingKey: '', arguments: {} },
    ],
  };
  const configs: Record<string, QueueConfig> = {
    work: { overflow: 'drop-head', deadLetterExchange: 'retry' },
    'retry.wait': { overflow: 'drop-head', messageTtl: 1000, deadLetterExchange: '', deadLetterRoutingKey: 'work' },
  };

  it('brings a rejected message back after the delay, its x-death counting the attempts', () => {
    const b = broker(topology, configs);
    addConsumer(b.queues['work'] as QueueState, { tag: 'worker', prefetch: 1 });
    b.publish(order('o1'), 0);
    expect(b.deliveries.map((d) => d.message.id)).toEqual(['o1']);

    b.reject('work', 'worker', 1, 10);
    expect(b.queues['retry.wait']?.ready.map((m) => m.id)).toEqual(['o1']);
    b.tick(500);
    expect(b.deliveries).toHaveLength(1);
    b.tick(1010);
    expect(b.deliveries).toHaveLength(2);
    const second = b.deliveries[1] as Delivery;
    expect(second.message).toMatchObject({
      exchange: '',
      routingKey: 'work',
      headers: { 'x-first-death-reason': 'rejected' },
    });
    expect(second.message.headers['x-death']).toMatchObject([
      { queue: 'retry.wait', reason: 'expired', count: 1 },
      { queue: 'work', reason: 'rejected', count: 1 },
    ]);

    b.reject('work', 'worker', 2, 1020);
    b.tick(2020);
    expect((b.deliveries[2] as Delivery).message.headers['x-death']).toMatchObject([
      { queue: 'retry.wait', reason: 'expired', count: 2, time: 1010 },
      { queue: 'work', reason: 'rejected', count: 2, time: 10 },
    ]);
    expect(b.dropped).toEqual([]);
  });
});

describe('scenario: a TTL loop without rejection', () => {
  it("is cut by RabbitMQ's cycle detection instead of spinning forever", () => {
    const topology: Topology = { exchanges: [], queues: ['a', 'b'], bindings: [] };
    const b = broker(topology, {
      a: { overflow: 'drop-head', messageTtl: 100, deadLetterExchange: '', deadLetterRoutingKey: 'b' },
      b: { overflow: 'drop-head', messageTtl: 100, deadLetterExchange: '', deadLetterRoutingKey: 'a' },
    });
    b.publish({ id: 'm', exchange: '', routingKey: 'a', headers: {}, body: null }, 0);
    b.tick(100);
    expect(b.queues['b']?.ready.map((m) => m.id)).toEqual(['m']);
    b.tick(200);
    expect(b.queues['a']?.ready).toEqual([]);
    expect(b.dropped).toEqual(['m:expired@b']);
  });
});

describe('scenario: a bounded queue overflowing into a dead letter queue', () => {
  it('keeps the newest messages and parks the oldest with reason maxlen', () => {
    const topology: Topology = {
      exchanges: [{ name: 'dlx', type: 'fanout' }],
      queues: ['recent', 'parked'],
      bindings: [{ source: 'dlx', destination: 'parked', destinationType: 'queue', routingKey: '', arguments: {} }],
    };
    const b = broker(topology, {
      recent: { overflow: 'drop-head', maxLength: 2, deadLetterExchange: 'dlx' },
      parked: { overflow: 'drop-head' },
    });
    for (const id of ['1', '2', '3', '4'])
      b.publish({ id, exchange: '', routingKey: 'recent', headers: {}, body: id }, 0);
    expect(b.queues['recent']?.ready.map((m) => m.id)).toEqual(['3', '4']);
    expect(b.queues['parked']?.ready.map((m) => [m.id, m.headers['x-first-death-reason']])).toEqual([
      ['1', 'maxlen'],
      ['2', 'maxlen'],
    ]);
  });
});
