import { describe, expect, it } from 'vitest';
import orders from '../../public/examples/orders.json';
import { validateFlow, type FlowDocument } from '../flow';
import { type CloudEvent, CodeSandbox, type HandlerContext, StepKind, type StepRecord } from '../engine';
import { runFlow } from './runFlow';

function exampleFlow(): FlowDocument {
  const result = validateFlow(orders);
  if (!result.ok) throw new Error(`the example flow does not validate: ${JSON.stringify(result.problems)}`);
  return result.flow;
}

/** Replays events through a projection's handler into a fresh read model, as a rebuild would. */
function rebuild(source: string, events: readonly CloudEvent[]): Record<string, unknown> {
  const compiled = new CodeSandbox().handler(source);
  if (!compiled.ok) throw new Error(compiled.error);
  const state: Record<string, unknown> = {};
  const ctx: HandlerContext = {
    now: () => 0,
    random: () => 0,
    log: () => {},
    state,
    node: { id: 'by-customer', name: 'Orders by customer' },
  };
  for (const event of events) compiled.handle(event, ctx);
  return state;
}

describe('projection rebuild', () => {
  it('a projection rebuilt from the log equals the one built incrementally', () => {
    const flow = exampleFlow();
    // the log as it would come back from storage: JSON lines
    const lines: string[] = [];
    const runtime = runFlow(flow, 4000, (record) => lines.push(JSON.stringify(record)));
    const log = lines.map((line) => JSON.parse(line) as StepRecord);

    const published: CloudEvent[] = [];
    const delivered: string[] = [];
    for (const record of log) {
      if (record.kind === StepKind.Publish) published.push(record.event);
      if (record.kind === StepKind.Deliver && record.node === 'by-customer') delivered.push(record.eventId);
    }
    // the projection has seen a prefix of the topic, in publish order (the newest are still in flight)
    expect(delivered.length).toBeGreaterThan(900);
    expect(delivered.length).toBeLessThanOrEqual(published.length);
    expect(delivered).toEqual(published.slice(0, delivered.length).map((e) => e.id));

    const rebuilt = rebuild(flow.code['by-customer']!, published.slice(0, delivered.length));
    const incremental = runtime.state.nodes['by-customer']!.data;
    expect(Object.keys(incremental).sort()).toEqual(['cust-ada', 'cust-alan', 'cust-grace', 'cust-linus']);
    expect(rebuilt).toEqual(incremental);
  });

  it('the read model agrees with the orders in the log', () => {
    const flow = exampleFlow();
    const published: CloudEvent[] = [];
    const runtime = runFlow(flow, 2000, (r) => {
      if (r.kind === StepKind.Publish) published.push(r.event);
    });
    const model = runtime.state.nodes['by-customer']!.data as Record<
      string,
      { orders: number; spent: number; lastOrderId: string }
    >;
    const seen = published.slice(0, runtime.state.nodes['by-customer']!.counters.handled);
    for (const [customer, row] of Object.entries(model)) {
      const mine = seen.filter((e) => (e.data as { customerId: string }).customerId === customer);
      expect(row.orders).toBe(mine.length);
      expect(row.lastOrderId).toBe((mine.at(-1)!.data as { orderId: string }).orderId);
      expect(row.spent).toBeCloseTo(
        mine.reduce((t, e) => t + (e.data as { total: number }).total, 0),
        6,
      );
    }
  });
});
