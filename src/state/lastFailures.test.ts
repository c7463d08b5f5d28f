import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../engine';
import type { Frame } from '../protocol';
import { collectFailures } from './lastFailures';

function frame(cursor: number, recent: StepRecord[], branchId = 'main'): Frame {
  return {
    cursor,
    head: cursor,
    time: 0,
    playing: false,
    speed: 1,
    branchId,
    counters: {},
    edges: {},
    nodeStates: {},
    recent,
    topics: {},
    groups: {},
    queues: {},
    channels: {},
    disconnected: [],
    eventStore: { events: 0, aggregates: {}, subscriptions: {} },
  };
}

const failed = (step: number, node: string): StepRecord => ({
  kind: 'deliver',
  step,
  time: step,
  node,
  topic: 't',
  offset: step,
  eventId: `e${step}`,
  eventType: 'X',
  outcome: 'failed',
  error: `boom ${step}`,
});

describe('collectFailures', () => {
  it('keeps each node’s latest failure across frames', () => {
    const first = collectFailures(null, frame(5, [failed(2, 'a'), failed(4, 'a')]), {});
    expect(first).toEqual({ a: { step: 4, error: 'boom 4', subject: 'X e4' } });
    expect(collectFailures(frame(5, []), frame(9, []), first)).toBe(first);
  });

  it('forgets failures after the cursor and on another branch', () => {
    const known = { a: { step: 4, error: 'boom 4' } };
    expect(collectFailures(frame(9, []), { ...frame(3, []), head: 9 }, known)).toEqual({});
    expect(collectFailures(frame(9, []), frame(9, [], 'fork'), known)).toEqual({});
  });
});

describe('failures of commands and appends', () => {
  const base = {
    time: 0,
    node: 'order',
    source: 'c',
    commandId: 'c1',
    commandType: 'CancelOrder',
    streamId: 'Order-1',
    correlationId: 'c1',
    causationId: null,
    version: 4,
    attempt: 1,
  } as const;
  it('a rejected command and an append that lost its last conflict are failures of the aggregate; a retried conflict is not', () => {
    const rejected: StepRecord = {
      ...base,
      kind: 'command',
      step: 1,
      outcome: 'rejected',
      reason: 'cannot cancel a shipped order',
    };
    expect(collectFailures(null, frame(3, [rejected]), {})).toEqual({
      order: {
        step: 1,
        error: 'CancelOrder rejected: cannot cancel a shipped order',
        subject: 'CancelOrder for Order-1',
      },
    });
    const append = {
      ...base,
      kind: 'append',
      step: 2,
      expectedVersion: 3,
      outcome: 'conflict',
      actualVersion: 4,
    } as const;
    expect(collectFailures(null, frame(3, [{ ...append, then: 'retry' }]), {})).toEqual({});
    expect(collectFailures(null, frame(3, [{ ...append, then: 'failed' }]), {})).toEqual({
      order: { step: 2, error: 'CancelOrder failed after a conflict on Order-1', subject: 'CancelOrder for Order-1' },
    });
  });
});
