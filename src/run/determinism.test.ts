import { describe, expect, it } from 'vitest';
import orders from '../../public/examples/orders.json';
import { validateFlow, type FlowDocument } from '../flow';
import { runFlow } from './runFlow';
import type { StepRecord } from '../engine';

function exampleFlow(): FlowDocument {
  const result = validateFlow(orders);
  if (!result.ok) throw new Error(`the example flow does not validate: ${JSON.stringify(result.problems)}`);
  return result.flow;
}

function logOf(flow: FlowDocument, steps: number): string {
  const lines: string[] = [];
  runFlow(flow, steps, (record) => lines.push(JSON.stringify(record)));
  return lines.join('\n');
}

/** True for values that survive a JSON round trip unchanged (no undefined, functions, NaN, class instances). */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    return (proto === Object.prototype || proto === null) && Object.values(value).every(isPlainJson);
  }
  return false;
}

describe('determinism', () => {
  it('gives a byte-identical log of 5,000 steps for the same flow and seed', () => {
    const first = logOf(exampleFlow(), 5000);
    const second = logOf(exampleFlow(), 5000);
    expect(first.split('\n')).toHaveLength(5000);
    expect(second).toBe(first);
  });

  it('gives another log for another seed, with the same shape', () => {
    const a = logOf(exampleFlow(), 500)
      .split('\n')
      .map((l) => JSON.parse(l) as StepRecord);
    const b = logOf({ ...exampleFlow(), seed: 43 }, 500)
      .split('\n')
      .map((l) => JSON.parse(l) as StepRecord);
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
    // the seed changes payloads and ids, not the timing of the pipeline
    expect(b.map((r) => [r.kind, r.node, r.time])).toEqual(a.map((r) => [r.kind, r.node, r.time]));
  });

  it('emits records that are plain JSON: no undefined fields, functions or non-finite numbers', () => {
    const records: StepRecord[] = [];
    runFlow(exampleFlow(), 2000, (r) => records.push(r));
    for (const record of records) {
      expect(isPlainJson(record)).toBe(true);
      expect(JSON.parse(JSON.stringify(record))).toEqual(record);
    }
  });

  it('does not depend on what ran before in the same process (compiled handler code is shared)', () => {
    // a handler keeping a top-level variable must not carry it from one run (or one replay) to the next
    const flow: FlowDocument = {
      ...exampleFlow(),
      code: {
        ...exampleFlow().code,
        email: 'let sent = 0;\nfunction handle(event, ctx) {\n  sent += 1;\n  ctx.log(`sent ${sent}`);\n}\n',
      },
    };
    const first = logOf(flow, 200);
    const second = logOf(flow, 200);
    expect(second).toBe(first);
  });
});
