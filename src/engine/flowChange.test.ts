import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../flow';
import { affectsRun, summarizeFlowChange } from './flowChange';

const base: FlowDocument = {
  format: 'tidemark-flow',
  version: 1,
  name: 'f',
  seed: 1,
  nodes: [
    { id: 'x', kind: 'exchange', name: 'orders', exchangeType: 'topic' },
    { id: 'q', kind: 'queue', name: 'EU' },
  ],
  edges: [{ id: 'b', source: 'x', target: 'q', bindingKey: 'order.eu.*' }],
  schemas: {},
  code: {},
  layout: {},
};

describe('flow changes during a run', () => {
  it('a binding key, an event schema or an invariant changes what runs; the layout and the name do not', () => {
    expect(affectsRun(base, { ...base, name: 'g', layout: { x: { x: 1, y: 2 } } })).toBe(false);
    const rebound = { ...base, edges: [{ ...base.edges[0]!, bindingKey: 'order.#' }] };
    expect(affectsRun(base, rebound)).toBe(true);
    expect(summarizeFlowChange(base, rebound)).toBe('changed binding orders → EU');
    const schema = { ...base, schemas: { OrderPlaced: { versions: [{ version: 1, schema: { type: 'object' } }] } } };
    expect(affectsRun(base, schema)).toBe(true);
    expect(summarizeFlowChange(base, schema)).toBe('changed event schemas');
    const checked = { ...base, invariants: [{ id: 'i', name: 'i', code: 'function holds() { return true; }' }] };
    expect(affectsRun(base, checked)).toBe(true);
    expect(summarizeFlowChange(base, checked)).toBe('changed invariants');
  });
});
