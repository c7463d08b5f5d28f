import { describe, expect, it } from 'vitest';
import { append } from './append';
import { createEventStore, type EventStore } from './eventStore';
import { readAll, readByCausationId, readByCorrelationId, readByTimeRange, readByType, readStream } from './read';
import type { StoredEvent } from './storedEvent';

/** Six events over two streams at times 0, 10, 10, 20, 30, 30. */
function sample(): EventStore {
  const store = createEventStore();
  append(store, 'a', 'any', [{ type: 'Placed', data: 0, metadata: { eventId: 'p', correlationId: 'c1', causationId: 'cmd' } }], 0);
  append(store, 'b', 'any', [{ type: 'Placed', data: 1, metadata: { correlationId: 'c2' } }, { type: 'Paid', data: 2, metadata: { correlationId: 'c2' } }], 10);
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

describe('readAll', () => {
  const store = sample();
  it('reads the global log from a position and says where to continue', () => {
    expect(readAll(store, 0, 2)).toMatchObject({ nextPosition: 2 });
    expect(data(readAll(store, 0, 2).events)).toEqual([0, 1]);
    const rest = readAll(store, 2);
    expect(data(rest.events)).toEqual([2, 3, 4, 5]);
    expect(rest.nextPosition).toBe(6);
    expect(readAll(store, 6)).toEqual({ events: [], nextPosition: 6 });
  });

  it('paging through the log visits every event once', () => {
    const seen: unknown[] = [];
    for (let position = 0; position < 6; ) {
      const page = readAll(store, position, 4);
      seen.push(...data(page.events));
      position = page.nextPosition;
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('reads by type, correlation, causation and time', () => {
  const store = sample();
  it('by type, across streams, in log order, from a position', () => {
    expect(data(readByType(store, 'Paid'))).toEqual([2, 3, 5]);
    expect(data(readByType(store, 'Paid', 3))).toEqual([3, 5]);
    expect(data(readByType(store, 'Paid', 4))).toEqual([5]);
    expect(readByType(store, 'Refunded')).toEqual([]);
  });

  it('by correlation id: one conversation', () => {
    // (the correlation of the first event in an append carries to the others)
    expect(data(readByCorrelationId(store, 'c1'))).toEqual([0, 3, 4]);
    expect(data(readByCorrelationId(store, 'c2'))).toEqual([1, 2]);
    // the last event set no correlation id: it started its own conversation
    expect(data(readByCorrelationId(store, 'a@4'))).toEqual([5]);
  });

  it('by causation id: what one event or command caused directly', () => {
    expect(data(readByCausationId(store, 'p'))).toEqual([3, 4]);
    expect(data(readByCausationId(store, 'cmd'))).toEqual([0]);
  });

  it('by time range: from inclusive, to exclusive, so adjacent ranges never count an event twice', () => {
    expect(data(readByTimeRange(store, 10, 30))).toEqual([1, 2, 3]);
    expect(data(readByTimeRange(store, 0, 10))).toEqual([0]);
    expect(data(readByTimeRange(store, 30, 31))).toEqual([4, 5]);
    expect(data(readByTimeRange(store, 11, 20))).toEqual([]);
    expect(data(readByTimeRange(store, 20, 10))).toEqual([]);
    expect(data(readByTimeRange(store, -Infinity, Infinity))).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
