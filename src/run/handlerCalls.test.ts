import { describe, expect, it } from 'vitest';
import onlineShop from '../../public/examples/online-shop.json';
import orders from '../../public/examples/orders.json';
import { validateFlow, type FlowDocument } from '../flow';
import { Runtime } from './runtime';
import type { StepRecord } from '../engine';

function example(doc: unknown, seed: number): FlowDocument {
  const result = validateFlow(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { ...result.flow, seed };
}

function steps(runtime: Runtime, count: number): StepRecord[] {
  const out: StepRecord[] = [];
  for (let i = 0; i < count; i++) {
    const record = runtime.step();
    if (record) out.push(record);
  }
  return out;
}

describe('handler calls belong to their run', () => {
  it('two runs stepped in turn in one process log, draw and fill templates exactly as each run alone', () => {
    const flows = [example(orders, 3), example(onlineShop, 11), example(orders, 4)];
    const alone = flows.map((flow) => JSON.stringify(steps(Runtime.start(flow), 600)));
    const runs = flows.map((flow) => Runtime.start(flow));
    const together: StepRecord[][] = runs.map(() => []);
    for (let i = 0; i < 600; i++) runs.forEach((run, r) => together[r]!.push(...steps(run, 1)));
    expect(together.map((records) => JSON.stringify(records))).toEqual(alone);
    // The handlers did log, so the runs had something to share.
    expect(alone[0]).toContain('"logs":');
  });

  it('ctx.log, ctx.now and ctx.random are the run’s own, never another run’s', () => {
    const a = Runtime.start(example(orders, 3));
    const b = Runtime.start(example(orders, 3));
    expect(a.handlerCalls.log).not.toBe(b.handlerCalls.log);
    expect(a.handlerCalls.random).not.toBe(b.handlerCalls.random);
    a.handlerCalls.begin();
    b.handlerCalls.begin();
    a.handlerCalls.log('from a');
    expect(b.handlerCalls.takeLogs()).toEqual([]);
    expect(a.handlerCalls.takeLogs()).toEqual(['from a']);
  });
});
