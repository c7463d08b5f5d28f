import { describe, expect, it } from 'vitest';
import { append } from './append';
import { causationAncestry, causedBy } from './causation';
import { createEventStore, type EventStore } from './eventStore';
import type { StoredEvent } from './storedEvent';

/**
 * cmd-1 → placed → (reserved, charged) ; charged → receipt ; reserved → shipped → delivered
 * unrelated: other (caused by cmd-2)
 */
function saga(): EventStore {
  const store = createEventStore();
  const at = (stream: string, eventId: string, causationId: string, time: number) =>
    append(store, stream, 'any', [{ type: eventId, data: {}, metadata: { eventId, causationId, correlationId: 'cmd-1' } }], time);
  at('order', 'placed', 'cmd-1', 0);
  at('stock', 'reserved', 'placed', 1);
  append(store, 'other', 'any', [{ type: 'other', data: {}, metadata: { eventId: 'other', causationId: 'cmd-2' } }], 1);
  at('payment', 'charged', 'placed', 2);
  at('mail', 'receipt', 'charged', 3);
  at('order', 'shipped', 'reserved', 4);
  at('order', 'delivered', 'shipped', 5);
  return store;
}

const ids = (events: readonly StoredEvent[]) => events.map((e) => e.metadata.eventId);

describe('causedBy', () => {
  const store = saga();
  it('follows causation transitively, in log order, without the cause itself', () => {
    expect(ids(causedBy(store, 'placed'))).toEqual(['reserved', 'charged', 'receipt', 'shipped', 'delivered']);
    expect(ids(causedBy(store, 'reserved'))).toEqual(['shipped', 'delivered']);
    expect(ids(causedBy(store, 'delivered'))).toEqual([]);
  });

  it('starts from a command id as well as an event id', () => {
    expect(ids(causedBy(store, 'cmd-1'))).toEqual(['placed', 'reserved', 'charged', 'receipt', 'shipped', 'delivered']);
    expect(ids(causedBy(store, 'cmd-2'))).toEqual(['other']);
    expect(causedBy(store, 'nobody')).toEqual([]);
  });
});

describe('causationAncestry', () => {
  const store = saga();
  it('walks back to the first cause, first cause first, and names the command it came from', () => {
    expect(causationAncestry(store, 'delivered')).toEqual({
      ancestors: [expect.objectContaining({ type: 'placed' }), expect.objectContaining({ type: 'reserved' }), expect.objectContaining({ type: 'shipped' })],
      originId: 'cmd-1',
    });
    expect(ids(causationAncestry(store, 'receipt').ancestors)).toEqual(['placed', 'charged']);
    expect(causationAncestry(store, 'placed')).toEqual({ ancestors: [], originId: 'cmd-1' });
  });

  it('ends with no origin when the first cause has no causation id, and is empty for an unknown event', () => {
    const store2 = createEventStore();
    append(store2, 's', 'any', [{ type: 'a', data: {}, metadata: { eventId: 'a' } }, { type: 'b', data: {}, metadata: { eventId: 'b', causationId: 'a' } }], 0);
    expect(causationAncestry(store2, 'b')).toEqual({ ancestors: [expect.objectContaining({ type: 'a' })], originId: null });
    expect(causationAncestry(store2, 'zzz')).toEqual({ ancestors: [], originId: null });
  });

  it('terminates on a causation cycle (a causation id naming a later event)', () => {
    const store2 = createEventStore();
    append(store2, 's', 'any', [{ type: 'a', data: {}, metadata: { eventId: 'a', causationId: 'b' } }, { type: 'b', data: {}, metadata: { eventId: 'b', causationId: 'a' } }], 0);
    expect(causationAncestry(store2, 'b')).toEqual({ ancestors: [expect.objectContaining({ type: 'a' })], originId: null });
    expect(ids(causedBy(store2, 'a'))).toEqual(['b']);
  });
});
