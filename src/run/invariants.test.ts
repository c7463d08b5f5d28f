import { describe, expect, it } from 'vitest';
import { type FlowDocument, validateFlow } from '../flow';
import { Runtime } from './runtime';
import type { StepRecord } from '../engine';

function counter(invariants: NonNullable<FlowDocument['invariants']>): FlowDocument {
  const doc = {
    format: 'tidemark-flow',
    version: 1,
    name: 'Stock',
    seed: 1,
    nodes: [
      { id: 'p', kind: 'producer', name: 'Sales', eventType: 'Sold', rate: 10, payload: {} },
      { id: 't', kind: 'topic', name: 'sales' },
      { id: 'stock', kind: 'projection', name: 'Stock', latencyMs: 0, offsetReset: 'earliest' },
    ],
    edges: [
      { id: 'e1', source: 'p', target: 't' },
      { id: 'e2', source: 't', target: 'stock' },
    ],
    schemas: {},
    code: { stock: 'function handle(event, ctx) { ctx.state.left = (ctx.state.left ?? 5) - 1; }' },
    layout: {},
    invariants,
  };
  const checked = validateFlow(doc);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.flow;
}

function run(doc: FlowDocument, steps: number): StepRecord[] {
  const runtime = Runtime.start(doc);
  return Array.from({ length: steps }, () => runtime.step()!);
}

describe('invariants', () => {
  const neverNegative = {
    id: 'stock-ok',
    name: 'stock never below zero',
    code: 'function holds(nodes) { return (nodes.stock.state.left ?? 5) >= 0; }',
  };

  it('a step that breaks an invariant records it once; steps while it stays broken do not', () => {
    const records = run(counter([neverNegative]), 30);
    const breaking = records.filter((r) => r.broken);
    expect(breaking).toHaveLength(1);
    // Five sales leave 0; the sixth delivery takes stock to -1.
    expect(breaking[0]).toMatchObject({
      kind: 'deliver',
      broken: [{ id: 'stock-ok', name: 'stock never below zero', reason: 'holds(nodes) returned false' }],
    });
    expect(records.filter((r) => r.kind === 'deliver').indexOf(breaking[0] as never)).toBe(5);
  });

  it('a message returned, or an exception, is the reason; the predicate cannot change the state', () => {
    const says = {
      id: 'says',
      name: 'says why',
      code: "function holds(nodes) { nodes.stock.state.left = 99; return nodes.stock.state.left < 0 ? 'negative' : (nodes.stock.counters.handled > 2 ? 'more than two' : true); }",
    };
    const throws = { id: 'throws', name: 'throws', code: 'function holds(nodes) { return nodes.nope.state; }' };
    const runtime = Runtime.start(counter([says, throws]));
    const records = Array.from({ length: 12 }, () => runtime.step()!);
    expect(records[0]!.broken).toEqual([
      {
        id: 'throws',
        name: 'throws',
        reason: "threw: TypeError: Cannot read properties of undefined (reading 'state')",
      },
    ]);
    expect(records.flatMap((r) => r.broken ?? []).find((b) => b.id === 'says')?.reason).toBe('more than two');
    expect(runtime.nodeState('stock').data.left).toBeLessThan(5);
  });

  it('a flow without invariants records nothing extra', () => {
    expect(run(counter([]), 20).some((r) => 'broken' in r)).toBe(false);
  });
});
