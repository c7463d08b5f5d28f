import { describe, expect, it } from 'vitest';
import type { Message } from './message';
import { publish } from './publish';
import type { Topology } from './topology';

const topology: Topology = {
  exchanges: [
    { name: 'orders', type: 'direct' },
    { name: 'guarded', type: 'direct', alternateExchange: 'spill' },
    { name: 'spill', type: 'fanout', internal: true },
  ],
  queues: ['paid', 'spillway'],
  bindings: [
    { source: 'orders', destination: 'paid', destinationType: 'queue', routingKey: 'paid', arguments: {} },
    { source: 'spill', destination: 'spillway', destinationType: 'queue', routingKey: '', arguments: {} },
  ],
};
const message = (exchange: string, routingKey: string, extra: Partial<Message> = {}): Message => ({
  id: 'm1',
  exchange,
  routingKey,
  headers: {},
  body: { n: 1 },
  ...extra,
});

describe('publish: the mandatory flag', () => {
  it('routes a message that some queue takes, mandatory or not', () => {
    const outcome = publish(topology, message('orders', 'paid'), { mandatory: true });
    expect(outcome).toMatchObject({ kind: 'routed', route: { queues: ['paid'] } });
  });

  it('returns an unroutable mandatory message to its publisher with 312 NO_ROUTE (basic.return)', () => {
    const outcome = publish(topology, message('orders', 'refunded'), { mandatory: true });
    expect(outcome).toMatchObject({
      kind: 'returned',
      replyCode: 312,
      replyText: 'NO_ROUTE',
      route: { path: ['orders'] },
    });
  });

  it('drops an unroutable message silently when it is not mandatory', () => {
    expect(publish(topology, message('orders', 'refunded')).kind).toBe('dropped');
    expect(publish(topology, message('orders', 'refunded'), { mandatory: false }).kind).toBe('dropped');
  });

  it('does not return a mandatory message that an alternate exchange routed', () => {
    const outcome = publish(topology, message('guarded', 'anything'), { mandatory: true });
    expect(outcome).toMatchObject({ kind: 'routed', route: { queues: ['spillway'], viaAlternate: true } });
  });

  it('returns a mandatory message sent to the default exchange with a key that names no queue', () => {
    expect(publish(topology, message('', 'nope'), { mandatory: true }).kind).toBe('returned');
    expect(publish(topology, message('', 'paid'), { mandatory: true })).toMatchObject({
      kind: 'routed',
      route: { queues: ['paid'] },
    });
  });
});

describe('publish: refusals that close the channel', () => {
  it('refuses a missing exchange with 404', () => {
    expect(publish(topology, message('ghost', 'x'))).toEqual({
      kind: 'refused',
      error: { code: 404, text: "NOT_FOUND - no exchange 'ghost' in vhost '/'" },
    });
  });

  it('refuses to publish to an internal exchange with 403', () => {
    expect(publish(topology, message('spill', 'x'))).toEqual({
      kind: 'refused',
      error: { code: 403, text: "ACCESS_REFUSED - cannot publish to internal exchange 'spill' in vhost '/'" },
    });
  });

  it('refuses a negative or fractional expiration with 406', () => {
    expect(publish(topology, message('orders', 'paid', { expiration: -1 }))).toMatchObject({
      kind: 'refused',
      error: { code: 406 },
    });
    expect(publish(topology, message('orders', 'paid', { expiration: 1.5 }))).toMatchObject({
      kind: 'refused',
      error: { code: 406 },
    });
    expect(publish(topology, message('orders', 'paid', { expiration: 0 })).kind).toBe('routed');
  });
});
