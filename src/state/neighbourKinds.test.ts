import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../flow';
import { neighbourKinds } from './neighbourKinds';

describe('neighbourKinds', () => {
  const flow = {
    nodes: [
      { id: 'p', kind: 'producer' },
      { id: 't', kind: 'topic' },
      { id: 'x', kind: 'exchange' },
      { id: 'c', kind: 'consumer' },
    ],
    edges: [
      { id: 'a', source: 'p', target: 't' },
      { id: 'b', source: 'p', target: 'x' },
      { id: 'c', source: 't', target: 'c' },
      { id: 'd', source: 'p', target: 'gone' },
    ],
  } as unknown as FlowDocument;

  it('lists the kinds a node feeds or is fed by, sorted, ignoring edges to missing nodes', () => {
    expect(neighbourKinds(flow, 'p', 'out')).toBe('exchange topic');
    expect(neighbourKinds(flow, 'c', 'in')).toBe('topic');
    expect(neighbourKinds(flow, 'c', 'out')).toBe('');
    expect(neighbourKinds(null, 'p', 'out')).toBe('');
  });
});
