import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../flow';
import { bindingLabel } from './bindingLabel';

const flow = (exchangeType: 'direct' | 'fanout' | 'topic' | 'headers'): FlowDocument => ({
  format: 'tidemark-flow',
  version: 1,
  name: 'f',
  seed: 1,
  nodes: [
    { id: 'x', kind: 'exchange', name: 'x', exchangeType },
    { id: 'ps', kind: 'pubsub', name: 'ps' },
    { id: 'q', kind: 'queue', name: 'q' },
  ],
  edges: [],
  schemas: {},
  code: {},
  layout: {},
});

describe('bindingLabel', () => {
  it('shows a topic or direct binding key, and says when it is empty', () => {
    expect(bindingLabel(flow('topic'), { id: 'e', source: 'x', target: 'q', bindingKey: 'order.#' })).toBe('order.#');
    expect(bindingLabel(flow('direct'), { id: 'e', source: 'x', target: 'q' })).toBe('(empty key)');
  });

  it('shows headers arguments, none for fanout, the pattern for pub/sub (default *), none for other edges', () => {
    expect(
      bindingLabel(flow('headers'), { id: 'e', source: 'x', target: 'q', bindingArgs: { 'x-match': 'any', n: 1 } }),
    ).toBe('x-match=any n=1');
    expect(bindingLabel(flow('fanout'), { id: 'e', source: 'x', target: 'q', bindingKey: 'ignored' })).toBeNull();
    expect(bindingLabel(flow('topic'), { id: 'e', source: 'ps', target: 'q' })).toBe('*');
    expect(bindingLabel(flow('topic'), { id: 'e', source: 'q', target: 'x' })).toBeNull();
  });
});
