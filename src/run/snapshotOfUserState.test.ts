import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFlow, type FlowDocument } from '../flow';
import { Runtime, SnapshotError } from './runtime';

function ordersWith(projectionCode: string): FlowDocument {
  const parsed = parseFlow(readFileSync('public/examples/orders.json', 'utf8'));
  if (!parsed.ok) throw new Error('example flow is invalid');
  return { ...parsed.flow, code: { ...parsed.flow.code, 'by-customer': projectionCode } };
}

describe('a snapshot of state user code left behind', () => {
  it('names a getter in handler state instead of crashing the run', () => {
    const runtime = Runtime.start(
      ordersWith(
        'function handle(event, ctx) { ctx.state.calls = (ctx.state.calls ?? 0); ctx.state.trap = { get y() { ctx.state.calls++; throw new Error("boom"); } }; }',
      ),
    );
    for (let i = 0; i < 20; i++) runtime.step();
    let thrown: unknown;
    try {
      runtime.snapshot();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SnapshotError);
    expect((thrown as SnapshotError).node).toBe('by-customer');
    expect((thrown as Error).message).toBe(
      'ctx.state.trap.y is a getter or setter; handler state must be plain JSON data',
    );
  });
});
