import { describe, expect, it } from 'vitest';
import { type Topology, findExchange } from './topology';

const topology: Topology = {
  exchanges: [
    { name: 'orders', type: 'topic' },
    { name: 'docs', type: 'headers' },
  ],
  queues: ['billing'],
  bindings: [],
};

describe('findExchange', () => {
  it('always finds the default exchange, a direct exchange named ""', () => {
    expect(findExchange(topology, '')).toEqual({ name: '', type: 'direct' });
  });

  it('finds declared exchanges and nothing else', () => {
    expect(findExchange(topology, 'orders')?.type).toBe('topic');
    expect(findExchange(topology, 'nope')).toBeUndefined();
  });
});
