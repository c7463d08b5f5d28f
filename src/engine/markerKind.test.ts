import { describe, expect, it } from 'vitest';
import { MarkerKind, markerKindOf } from './markerKind';
import type { StepRecord } from './stepRecord';

const base = { step: 7, time: 700, node: 'billing-1' } as const;
const event = { specversion: '1.0', id: 'e1', source: '/producers/orders', type: 'OrderPlaced', time: '', datacontenttype: 'application/json', data: {}, correlationid: 'e1', sequence: 1 } as const;
const delivery = { ...base, kind: 'deliver', topic: 'orders', offset: 3, eventId: 'e1', eventType: 'OrderPlaced' } as const;

describe('markerKindOf', () => {
  it('marks faults and failed deliveries as errors', () => {
    expect(markerKindOf({ ...base, kind: 'fault', error: 'template threw' })).toBe(MarkerKind.Error);
    expect(markerKindOf({ ...delivery, outcome: 'failed', error: 'boom' })).toBe(MarkerKind.Error);
  });

  it('marks a refused offsets reset as an error, an applied one not at all', () => {
    expect(markerKindOf({ ...base, kind: 'offsets-reset', group: 'g', target: 'earliest', error: 'has members' })).toBe(MarkerKind.Error);
    expect(markerKindOf({ ...base, kind: 'offsets-reset', group: 'g', target: 'earliest', offsets: { 'orders:0': 0 } })).toBeNull();
  });

  it('marks rebalances', () => {
    expect(markerKindOf({ ...base, node: '', kind: 'rebalance', group: 'billing', generation: 2, reason: 'member-joined', before: {}, after: {} })).toBe(
      MarkerKind.Rebalance,
    );
  });

  it('leaves ordinary steps unmarked', () => {
    const ordinary: StepRecord[] = [
      { ...base, kind: 'publish', event, topics: ['orders'] },
      { ...delivery, outcome: 'handled' },
      { ...base, kind: 'commit', group: 'billing', offsets: { 'orders:0': 4 } },
      { ...base, kind: 'flow-change', summary: 'rate 2 → 4' },
      { ...base, kind: 'consumer', action: 'crash', group: 'billing' },
      { ...base, kind: 'cleanup', partition: 0, removed: 10, logStartOffset: 10, reason: 'retention' },
    ];
    for (const step of ordinary) expect(markerKindOf(step), step.kind).toBeNull();
  });

  it('leaves a step kind it does not know unmarked (kinds added later)', () => {
    expect(markerKindOf({ ...base, kind: 'expire' } as unknown as StepRecord)).toBeNull();
  });
});
