import { describe, expect, it } from 'vitest';
import { MarkerKind, markerKindOf } from './markerKind';
import type { StepRecord } from './stepRecord';

const base = { step: 7, time: 700, node: 'billing-1' } as const;
const event = {
  specversion: '1.0',
  id: 'e1',
  source: '/producers/orders',
  type: 'OrderPlaced',
  time: '',
  datacontenttype: 'application/json',
  data: {},
  correlationid: 'e1',
  sequence: 1,
} as const;
const delivery = {
  ...base,
  kind: 'deliver',
  topic: 'orders',
  offset: 3,
  eventId: 'e1',
  eventType: 'OrderPlaced',
} as const;

describe('markerKindOf', () => {
  it('marks faults and failed deliveries as errors', () => {
    expect(markerKindOf({ ...base, kind: 'fault', error: 'template threw' })).toBe(MarkerKind.Error);
    expect(markerKindOf({ ...delivery, outcome: 'failed', error: 'boom' })).toBe(MarkerKind.Error);
  });

  it('marks a refused offsets reset as an error, an applied one not at all', () => {
    expect(markerKindOf({ ...base, kind: 'offsets-reset', group: 'g', target: 'earliest', error: 'has members' })).toBe(
      MarkerKind.Error,
    );
    expect(
      markerKindOf({ ...base, kind: 'offsets-reset', group: 'g', target: 'earliest', offsets: { 'orders:0': 0 } }),
    ).toBeNull();
  });

  it('marks rebalances', () => {
    expect(
      markerKindOf({
        ...base,
        node: '',
        kind: 'rebalance',
        group: 'billing',
        generation: 2,
        reason: 'member-joined',
        before: {},
        after: {},
      }),
    ).toBe(MarkerKind.Rebalance);
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
    expect(markerKindOf({ ...base, kind: 'something-new' } as unknown as StepRecord)).toBeNull();
  });

  it('marks dead-lettering, conflicts, refused commands and broken invariants', () => {
    const death = {
      queue: 'q',
      messageId: 'm',
      eventType: 'Paid',
      reason: 'rejected',
      exchange: 'dlx',
      deadLetteredTo: ['dlq'],
    } as const;
    const queued = {
      ...base,
      kind: 'queue-deliver',
      queue: 'q',
      deliveryTag: 1,
      eventId: 'm',
      eventType: 'Paid',
      routingKey: 'k',
      redelivered: false,
      outcome: 'failed',
      settle: 'requeue',
    } as const;
    expect(markerKindOf(queued)).toBe(MarkerKind.Error);
    expect(markerKindOf({ ...queued, settle: 'dead-letter', deaths: [death] })).toBe(MarkerKind.DeadLetter);
    expect(markerKindOf({ ...base, kind: 'expire', deaths: [{ ...death, reason: 'expired' }] })).toBe(
      MarkerKind.DeadLetter,
    );
    const command = {
      ...base,
      kind: 'command',
      source: 'c',
      commandId: 'c1',
      commandType: 'CancelOrder',
      streamId: 'Order-1',
      correlationId: 'c1',
      causationId: null,
      version: 4,
      attempt: 1,
    } as const;
    expect(markerKindOf({ ...command, outcome: 'decided', events: ['OrderCancelled'] })).toBeNull();
    expect(markerKindOf({ ...command, outcome: 'rejected', reason: 'shipped' })).toBe(MarkerKind.Error);
    const append = {
      ...base,
      kind: 'append',
      commandId: 'c1',
      commandType: 'AddItem',
      streamId: 'Order-1',
      expectedVersion: 3,
      attempt: 1,
    } as const;
    expect(markerKindOf({ ...append, outcome: 'conflict', actualVersion: 4, then: 'retry' })).toBe(MarkerKind.Conflict);
    expect(markerKindOf({ ...append, outcome: 'appended', events: [] })).toBeNull();
    expect(
      markerKindOf({
        ...append,
        outcome: 'appended',
        events: [],
        broken: [{ id: 'i', name: 'stock', reason: 'false' }],
      }),
    ).toBe(MarkerKind.Invariant);
  });
});
