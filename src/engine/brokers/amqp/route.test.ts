import { describe, expect, it } from 'vitest';
import type { Headers } from './message';
import { route } from './route';
import type { Binding, Exchange, Topology } from './topology';

const toQueue = (source: string, destination: string, routingKey = '', args: Headers = {}): Binding => ({
  source,
  destination,
  destinationType: 'queue',
  routingKey,
  arguments: args,
});
const toExchange = (source: string, destination: string, routingKey = ''): Binding => ({
  source,
  destination,
  destinationType: 'exchange',
  routingKey,
  arguments: {},
});
const topology = (exchanges: Exchange[], queues: string[], bindings: Binding[]): Topology => ({
  exchanges,
  queues,
  bindings,
});
const msg = (routingKey: string, headers: Headers = {}) => ({ routingKey, headers });

describe('route: direct exchange', () => {
  const t = topology(
    [{ name: 'logs', type: 'direct' }],
    ['errors', 'all', 'audit'],
    [
      toQueue('logs', 'errors', 'error'),
      toQueue('logs', 'all', 'error'),
      toQueue('logs', 'all', 'info'),
      toQueue('logs', 'all', 'error'),
    ],
  );

  it('delivers to every queue bound with exactly the routing key', () => {
    expect(route(t, 'logs', msg('error')).queues).toEqual(['errors', 'all']);
    expect(route(t, 'logs', msg('info')).queues).toEqual(['all']);
  });

  it('gives a queue bound several ways one copy', () => {
    expect(route(t, 'logs', msg('error')).queues.filter((q) => q === 'all')).toHaveLength(1);
  });

  it('does not match patterns or prefixes', () => {
    expect(route(t, 'logs', msg('error.disk')).unroutable).toBe(true);
    expect(route(t, 'logs', msg('#')).unroutable).toBe(true);
  });
});

describe('route: fanout, topic and headers exchanges', () => {
  it('fanout copies to every bound queue, whatever the routing key', () => {
    const t = topology(
      [{ name: 'news', type: 'fanout' }],
      ['a', 'b'],
      [toQueue('news', 'a', 'ignored'), toQueue('news', 'b')],
    );
    expect(route(t, 'news', msg('anything')).queues).toEqual(['a', 'b']);
  });

  it('topic matches binding patterns', () => {
    const t = topology(
      [{ name: 'orders', type: 'topic' }],
      ['eu', 'created', 'everything'],
      [
        toQueue('orders', 'eu', '*.eu.#'),
        toQueue('orders', 'created', '#.created'),
        toQueue('orders', 'everything', '#'),
      ],
    );
    expect(route(t, 'orders', msg('order.eu.created')).queues).toEqual(['eu', 'created', 'everything']);
    expect(route(t, 'orders', msg('order.us.created')).queues).toEqual(['created', 'everything']);
    expect(route(t, 'orders', msg('')).queues).toEqual(['everything']);
  });

  it('headers matches on the message headers and ignores the routing key', () => {
    const t = topology(
      [{ name: 'docs', type: 'headers' }],
      ['pdf-reports', 'any-pdf-or-report'],
      [
        toQueue('docs', 'pdf-reports', 'ignored', { 'x-match': 'all', format: 'pdf', type: 'report' }),
        toQueue('docs', 'any-pdf-or-report', '', { 'x-match': 'any', format: 'pdf', type: 'report' }),
      ],
    );
    expect(route(t, 'docs', msg('', { format: 'pdf', type: 'report' })).queues).toEqual([
      'pdf-reports',
      'any-pdf-or-report',
    ]);
    expect(route(t, 'docs', msg('whatever', { format: 'pdf', type: 'log' })).queues).toEqual(['any-pdf-or-report']);
    expect(route(t, 'docs', msg('', { format: 'zip' })).unroutable).toBe(true);
  });
});

describe('route: the default exchange', () => {
  const t = topology([], ['tasks'], [toQueue('', 'other', 'tasks')]);

  it('routes to the queue whose name is the routing key', () => {
    expect(route(t, '', msg('tasks'))).toEqual({
      queues: ['tasks'],
      path: [''],
      viaAlternate: false,
      unroutable: false,
    });
  });

  it('finds nothing for a routing key that names no queue', () => {
    expect(route(t, '', msg('missing')).unroutable).toBe(true);
  });

  it('ignores bindings from it, since it cannot be bound', () => {
    expect(route(topology([], ['tasks', 'other'], [toQueue('', 'other', 'tasks')]), '', msg('tasks')).queues).toEqual([
      'tasks',
    ]);
  });
});

describe('route: exchange-to-exchange bindings', () => {
  it('follows bindings from exchange to exchange and lists the exchanges visited', () => {
    const t = topology(
      [
        { name: 'front', type: 'topic' },
        { name: 'eu', type: 'fanout' },
        { name: 'audit', type: 'fanout' },
      ],
      ['eu-billing', 'eu-shipping', 'audit-log'],
      [
        toExchange('front', 'eu', '*.eu'),
        toExchange('front', 'audit', '#'),
        toQueue('eu', 'eu-billing'),
        toQueue('eu', 'eu-shipping'),
        toQueue('audit', 'audit-log'),
      ],
    );
    expect(route(t, 'front', msg('order.eu'))).toEqual({
      queues: ['eu-billing', 'eu-shipping', 'audit-log'],
      path: ['front', 'eu', 'audit'],
      viaAlternate: false,
      unroutable: false,
    });
    expect(route(t, 'front', msg('order.us')).path).toEqual(['front', 'audit']);
  });

  it('survives a cycle of exchanges, visiting each once', () => {
    const t = topology(
      [
        { name: 'a', type: 'fanout' },
        { name: 'b', type: 'fanout' },
      ],
      ['q'],
      [toExchange('a', 'b'), toExchange('b', 'a'), toExchange('a', 'a'), toQueue('b', 'q')],
    );
    expect(route(t, 'a', msg('x'))).toEqual({
      queues: ['q'],
      path: ['a', 'b'],
      viaAlternate: false,
      unroutable: false,
    });
  });

  it('gives one copy to a queue reached along two paths', () => {
    const t = topology(
      [
        { name: 'a', type: 'fanout' },
        { name: 'b', type: 'fanout' },
        { name: 'c', type: 'fanout' },
      ],
      ['q'],
      [toExchange('a', 'b'), toExchange('a', 'c'), toQueue('b', 'q'), toQueue('c', 'q'), toQueue('a', 'q')],
    );
    expect(route(t, 'a', msg('x')).queues).toEqual(['q']);
  });

  it('ignores bindings to queues or exchanges that no longer exist', () => {
    const t = topology(
      [
        { name: 'a', type: 'fanout', alternateExchange: 'ae' },
        { name: 'ae', type: 'fanout' },
      ],
      ['spare'],
      [toQueue('a', 'gone'), toExchange('a', 'vanished'), toQueue('ae', 'spare')],
    );
    expect(route(t, 'a', msg('x'))).toEqual({
      queues: ['spare'],
      path: ['a', 'ae'],
      viaAlternate: true,
      unroutable: false,
    });
  });
});

describe('route: alternate exchanges', () => {
  const exchanges: Exchange[] = [
    { name: 'orders', type: 'direct', alternateExchange: 'unrouted' },
    { name: 'unrouted', type: 'fanout' },
  ];
  const t = topology(
    exchanges,
    ['paid', 'leftovers'],
    [toQueue('orders', 'paid', 'paid'), toQueue('unrouted', 'leftovers')],
  );

  it('is not used when the exchange matched something', () => {
    expect(route(t, 'orders', msg('paid'))).toEqual({
      queues: ['paid'],
      path: ['orders'],
      viaAlternate: false,
      unroutable: false,
    });
  });

  it('takes the message when the exchange matched nothing', () => {
    expect(route(t, 'orders', msg('refunded'))).toEqual({
      queues: ['leftovers'],
      path: ['orders', 'unrouted'],
      viaAlternate: true,
      unroutable: false,
    });
  });

  it("is consulted per exchange: a match to an exchange that routes nowhere does not trigger the first exchange's alternate", () => {
    const chained = topology(
      [
        { name: 'front', type: 'fanout', alternateExchange: 'ae' },
        { name: 'back', type: 'direct' },
        { name: 'ae', type: 'fanout' },
      ],
      ['leftovers'],
      [toExchange('front', 'back'), toQueue('ae', 'leftovers')],
    );
    expect(route(chained, 'front', msg('x'))).toEqual({
      queues: [],
      path: ['front', 'back'],
      viaAlternate: false,
      unroutable: true,
    });
  });

  it('an exchange reached by a binding uses its own alternate exchange', () => {
    const chained = topology(
      [
        { name: 'front', type: 'fanout' },
        { name: 'back', type: 'direct', alternateExchange: 'ae' },
        { name: 'ae', type: 'fanout' },
      ],
      ['leftovers'],
      [toExchange('front', 'back'), toQueue('ae', 'leftovers')],
    );
    expect(route(chained, 'front', msg('x'))).toEqual({
      queues: ['leftovers'],
      path: ['front', 'back', 'ae'],
      viaAlternate: true,
      unroutable: false,
    });
  });

  it('chains: an alternate exchange that matches nothing uses its own alternate', () => {
    const chain = topology(
      [
        { name: 'a', type: 'direct', alternateExchange: 'b' },
        { name: 'b', type: 'direct', alternateExchange: 'c' },
        { name: 'c', type: 'fanout' },
      ],
      ['last'],
      [toQueue('c', 'last')],
    );
    expect(route(chain, 'a', msg('x')).path).toEqual(['a', 'b', 'c']);
    expect(route(chain, 'a', msg('x')).queues).toEqual(['last']);
  });

  it('survives alternate exchanges that point at each other', () => {
    const loop = topology(
      [
        { name: 'a', type: 'direct', alternateExchange: 'b' },
        { name: 'b', type: 'direct', alternateExchange: 'a' },
      ],
      [],
      [],
    );
    expect(route(loop, 'a', msg('x'))).toEqual({ queues: [], path: ['a', 'b'], viaAlternate: true, unroutable: true });
  });

  it('is skipped when it does not exist: the message is unroutable', () => {
    const missing = topology([{ name: 'a', type: 'direct', alternateExchange: 'ghost' }], [], []);
    expect(route(missing, 'a', msg('x'))).toEqual({ queues: [], path: ['a'], viaAlternate: false, unroutable: true });
  });

  it('may be an internal exchange', () => {
    const internal = topology(
      [
        { name: 'a', type: 'direct', alternateExchange: 'hidden' },
        { name: 'hidden', type: 'fanout', internal: true },
      ],
      ['q'],
      [toQueue('hidden', 'q')],
    );
    expect(route(internal, 'a', msg('x')).queues).toEqual(['q']);
  });
});

describe('route: a missing exchange', () => {
  it('routes nowhere and visits nothing', () => {
    expect(route(topology([], ['q'], []), 'ghost', msg('q'))).toEqual({
      queues: [],
      path: [],
      viaAlternate: false,
      unroutable: true,
    });
  });
});
