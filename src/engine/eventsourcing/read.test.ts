import { describe, expect, it } from 'vitest';
import { append } from './append';
import { createEventStore, type EventStore } from './eventStore';
import { readByCorrelationId, readStream } from './read';
import type { StoredEvent } from './storedEvent';

/** Six events over two streams at times 0, 10, 10, 20, 30, 30. */
function sample(): EventStore {
  const store = createEventStore();
  append(
    store,
    'a',
    'any',
    [{ type: 'Placed', data: 0, metadata: { eventId: 'p', correlationId: 'c1', causationId: 'cmd' } }],
    0,
  );
  append(
    store,
    'b',
    'any',
    [
      { type: 'Placed', data: 1, metadata: { correlationId: 'c2' } },
      { type: 'Paid', data: 2, metadata: { correlationId: 'c2' } },
    ],
    10,
  );
  append(store, 'a', 'any', [{ type: 'Paid', data: 3, metadata: { correlationId: 'c1', causationId: 'p' } }], 20);
  append(store, 'a', 'any', [{ type: 'Shipped', data: 4, metadata: { correlationId: 'c1', causationId: 'p' } }], 30);
  append(store, 'a', 'any', [{ type: 'Paid', data: 5 }], 30);
  return store;
}

const data = (events: readonly StoredEvent[]) => events.map((e) => e.data);

describe('readStream', () => {
  const store = sample();
  it('reads a stream forward from a version, at most maxCount events', () => {
    expect(data(readStream(store, 'a'))).toEqual([0, 3, 4, 5]);
    expect(data(readStream(store, 'a', 2))).toEqual([3, 4, 5]);
    expect(data(readStream(store, 'a', 2, 2))).toEqual([3, 4]);
    expect(data(readStream(store, 'a', 5))).toEqual([]);
    expect(data(readStream(store, 'a', 1, 0))).toEqual([]);
    expect(readStream(store, 'missing')).toEqual([]);
  });

  it('refuses version 0 and fractions: versions start at 1', () => {
    expect(() => readStream(store, 'a', 0)).toThrow(RangeError);
    expect(() => readStream(store, 'a', 1, 1.5)).toThrow(RangeError);
  });
});

describe('readByCorrelationId', () => {
  const store = sample();
  it('by correlation id: one conversation', () => {
    // (the correlation of the first event in an append carries to the others)
    expect(data(readByCorrelationId(store, 'c1'))).toEqual([0, 3, 4]);
    expect(data(readByCorrelationId(store, 'c2'))).toEqual([1, 2]);
    // the last event set no correlation id: it started its own conversation
    expect(data(readByCorrelationId(store, 'a@4'))).toEqual([5]);
  });
});
