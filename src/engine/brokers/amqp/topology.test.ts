import { describe, expect, it } from 'vitest';
import { ReplyCode } from './amqpError';
import { type Binding, type Topology, findExchange, validateBinding, validateExchange } from './topology';

const topology: Topology = {
  exchanges: [
    { name: 'orders', type: 'topic' },
    { name: 'docs', type: 'headers' },
  ],
  queues: ['billing'],
  bindings: [],
};

const bind = (overrides: Partial<Binding>): Binding => ({
  source: 'orders',
  destination: 'billing',
  destinationType: 'queue',
  routingKey: '#',
  arguments: {},
  ...overrides,
});

describe('findExchange', () => {
  it('always finds the default exchange, a direct exchange named ""', () => {
    expect(findExchange(topology, '')).toEqual({ name: '', type: 'direct' });
  });

  it('finds declared exchanges and nothing else', () => {
    expect(findExchange(topology, 'orders')?.type).toBe('topic');
    expect(findExchange(topology, 'nope')).toBeUndefined();
  });
});

describe('validateExchange', () => {
  it('refuses names with the reserved amq. prefix, and the empty name', () => {
    expect(validateExchange({ name: 'amq.custom', type: 'direct' })?.code).toBe(ReplyCode.AccessRefused);
    expect(validateExchange({ name: '', type: 'direct' })?.code).toBe(ReplyCode.AccessRefused);
    expect(validateExchange({ name: 'orders', type: 'topic' })).toBeUndefined();
  });
});

describe('validateBinding', () => {
  it('accepts a binding between existing ends', () => {
    expect(validateBinding(topology, bind({}))).toBeUndefined();
    expect(validateBinding(topology, bind({ destination: 'docs', destinationType: 'exchange' }))).toBeUndefined();
  });

  it('refuses to bind from or to the default exchange (403)', () => {
    expect(validateBinding(topology, bind({ source: '' }))).toEqual({
      code: 403,
      text: 'ACCESS_REFUSED - operation not permitted on the default exchange',
    });
    expect(validateBinding(topology, bind({ destination: '', destinationType: 'exchange' }))?.code).toBe(403);
  });

  it('answers 404 for a missing source or destination', () => {
    expect(validateBinding(topology, bind({ source: 'ghost' }))?.text).toBe("NOT_FOUND - no exchange 'ghost' in vhost '/'");
    expect(validateBinding(topology, bind({ destination: 'ghost' }))?.text).toBe("NOT_FOUND - no queue 'ghost' in vhost '/'");
    expect(validateBinding(topology, bind({ destination: 'ghost', destinationType: 'exchange' }))?.code).toBe(404);
  });

  it('refuses a headers binding with an unknown x-match (406)', () => {
    const error = validateBinding(topology, bind({ source: 'docs', arguments: { 'x-match': 'most' } }));
    expect(error?.code).toBe(ReplyCode.PreconditionFailed);
    expect(validateBinding(topology, bind({ source: 'docs', arguments: { 'x-match': 'any-with-x' } }))).toBeUndefined();
    // other exchange types do not look at x-match
    expect(validateBinding(topology, bind({ arguments: { 'x-match': 'most' } }))).toBeUndefined();
  });
});
