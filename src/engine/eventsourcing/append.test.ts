import { getOwn } from '../../lib/ownRecord';
import { describe, expect, it } from 'vitest';
import { append, type AppendResult } from './append';
import { createEventStore, nextPosition, streamVersion, type EventStore } from './eventStore';
import { ExpectedVersion, type ExpectedVersion as Expected } from './expectedVersion';
import { readStream } from './read';
import type { EventToAppend } from './storedEvent';

/** The event an id indexes (the store's byEventId index, as causation lookups read it). */
function eventById(store: EventStore, eventId: string) {
  const position = getOwn(store.index.byEventId, eventId);
  return position === undefined ? undefined : store.log[position];
}

const streamIds = (store: EventStore) => Object.keys(store.streams).sort();

const ev = (type: string, data: unknown = {}, metadata?: EventToAppend['metadata']): EventToAppend => ({
  type,
  data,
  ...(metadata ? { metadata } : {}),
});

/** A store whose stream `s` holds `count` events. */
function storeWith(count: number, streamId = 's'): EventStore {
  const store = createEventStore();
  if (count > 0)
    append(
      store,
      streamId,
      ExpectedVersion.NoStream,
      Array.from({ length: count }, (_, i) => ev('E', { i })),
      0,
    );
  return store;
}

const okVersion = (result: AppendResult): number | string => (result.ok ? result.version : result.error.kind);

describe('append: versions and positions', () => {
  it('numbers events 1.. within a stream and 0.. across the store', () => {
    const store = createEventStore();
    const a = append(store, 'Order-1', 'no-stream', [ev('OrderPlaced'), ev('LineAdded')], 10);
    const b = append(store, 'Order-2', 'no-stream', [ev('OrderPlaced')], 20);
    const c = append(store, 'Order-1', 2, [ev('OrderShipped')], 30);
    expect(a).toMatchObject({ ok: true, version: 2, positions: [0, 1], idempotent: false });
    expect(b).toMatchObject({ ok: true, version: 1, positions: [2] });
    expect(c).toMatchObject({ ok: true, version: 3, positions: [3] });
    expect(readStream(store, 'Order-1').map((e) => [e.version, e.globalPosition, e.type])).toEqual([
      [1, 0, 'OrderPlaced'],
      [2, 1, 'LineAdded'],
      [3, 3, 'OrderShipped'],
    ]);
    expect(store.log.map((e) => e.streamId)).toEqual(['Order-1', 'Order-1', 'Order-2', 'Order-1']);
    expect(streamVersion(store, 'Order-1')).toBe(3);
    expect(streamVersion(store, 'Order-9')).toBe(0);
    expect(nextPosition(store)).toBe(4);
    expect(streamIds(store)).toEqual(['Order-1', 'Order-2']);
  });

  it('stores type, schema version (1 by default) and the append time', () => {
    const store = createEventStore();
    const result = append(store, 's', 'any', [{ type: 'A', data: { x: 1 }, schemaVersion: 3 }, ev('B')], 42);
    expect(result.ok && result.events.map((e) => [e.type, e.schemaVersion, e.metadata.time])).toEqual([
      ['A', 3, 42],
      ['B', 1, 42],
    ]);
  });

  it('appending no events checks the expected version and writes nothing', () => {
    const store = storeWith(2);
    expect(append(store, 's', 2, [], 0)).toEqual({
      ok: true,
      streamId: 's',
      events: [],
      version: 2,
      positions: [],
      idempotent: false,
    });
    expect(okVersion(append(store, 's', 1, [], 0))).toBe('WrongExpectedVersion');
    expect(nextPosition(store)).toBe(2);
  });
});

describe('append: expected version (optimistic concurrency)', () => {
  // [expected, stream version before the append, accepted?]
  const table: [Expected, number, boolean][] = [
    ['any', 0, true],
    ['any', 3, true],
    ['no-stream', 0, true],
    ['no-stream', 1, false],
    ['stream-exists', 0, false],
    ['stream-exists', 2, true],
    [0, 0, true],
    [0, 1, false],
    [3, 3, true],
    [2, 3, false],
    [4, 3, false],
  ];
  it.each(table)('expected %s on a stream at version %i: accepted = %s', (expected, before, accepted) => {
    const store = storeWith(before);
    const result = append(store, 's', expected, [ev('X')], 1);
    expect(result.ok).toBe(accepted);
    expect(streamVersion(store, 's')).toBe(accepted ? before + 1 : before);
  });

  it('a conflict names the stream, expected and actual versions, in EventStoreDB’s words', () => {
    const store = storeWith(4, 'Order-42');
    expect(append(store, 'Order-42', 3, [ev('X')], 1)).toEqual({
      ok: false,
      error: {
        kind: 'WrongExpectedVersion',
        streamId: 'Order-42',
        expected: 3,
        actual: 4,
        message: 'Append failed due to WrongExpectedVersion. Stream: Order-42, Expected version: 3, Actual version: 4',
      },
    });
    const none = append(store, 'Order-43', 'stream-exists', [ev('X')], 1);
    expect(!none.ok && none.error).toMatchObject({ expected: 'stream-exists', actual: 0 });
    expect(!none.ok && none.error.message).toContain('Expected version: stream-exists, Actual version: 0');
  });

  it('nothing of a refused append is written: no event, no index entry, no stream', () => {
    const store = storeWith(1);
    const before = structuredClone(store);
    append(store, 's', 'no-stream', [ev('X', {}, { eventId: 'x1', correlationId: 'c' }), ev('Y')], 5);
    append(store, 't', 'stream-exists', [ev('X')], 5);
    expect(store).toEqual(before);
  });

  it('two writers that read the same version: the first wins, the second conflicts', () => {
    const store = storeWith(2);
    const seen = streamVersion(store, 's');
    expect(append(store, 's', seen, [ev('FromA')], 1).ok).toBe(true);
    const second = append(store, 's', seen, [ev('FromB')], 1);
    expect(!second.ok && second.error).toMatchObject({ kind: 'WrongExpectedVersion', expected: 2, actual: 3 });
    expect(readStream(store, 's').map((e) => e.type)).toEqual(['E', 'E', 'FromA']);
  });

  it('refuses an expected version that is not one', () => {
    const store = createEventStore();
    expect(() => append(store, 's', -1, [ev('X')], 0)).toThrow(RangeError);
    expect(() => append(store, 's', 1.5, [ev('X')], 0)).toThrow(RangeError);
    expect(() => append(store, 's', 'latest' as Expected, [ev('X')], 0)).toThrow(
      /'any', 'no-stream' or 'stream-exists'/,
    );
  });
});

describe('append: metadata', () => {
  it('fills what the writer left out: id <stream>@<version>, one correlation per append, no causation', () => {
    const store = storeWith(1, 'Order-1');
    const result = append(store, 'Order-1', 1, [ev('A'), ev('B')], 7);
    expect(result.ok && result.events.map((e) => e.metadata)).toEqual([
      { eventId: 'Order-1@2', correlationId: 'Order-1@2', causationId: null, time: 7 },
      { eventId: 'Order-1@3', correlationId: 'Order-1@2', causationId: null, time: 7 },
    ]);
  });

  it('keeps what the writer set, and the first event’s correlation id carries to the rest', () => {
    const store = createEventStore();
    const result = append(
      store,
      's',
      'any',
      [ev('A', {}, { eventId: 'a', correlationId: 'conv', causationId: 'cmd-1' }), ev('B', {}, { causationId: 'a' })],
      0,
    );
    expect(result.ok && result.events.map((e) => e.metadata)).toEqual([
      { eventId: 'a', correlationId: 'conv', causationId: 'cmd-1', time: 0 },
      { eventId: 's@2', correlationId: 'conv', causationId: 'a', time: 0 },
    ]);
    expect(eventById(store, 'a')?.type).toBe('A');
    expect(eventById(store, 'nope')).toBeUndefined();
  });

  it('refuses empty ids and types, and bad schema versions', () => {
    const store = createEventStore();
    expect(() => append(store, '', 'any', [ev('A')], 0)).toThrow(/stream id/);
    expect(() => append(store, 's', 'any', [ev('')], 0)).toThrow(/event 0 has no type/);
    expect(() => append(store, 's', 'any', [{ type: 'A', data: 1, schemaVersion: 0 }], 0)).toThrow(/schema version/);
    expect(() => append(store, 's', 'any', [ev('A', {}, { eventId: '' })], 0)).toThrow(/metadata.eventId/);
    expect(nextPosition(store)).toBe(0);
  });

  it('refuses a time before the last event’s: time-range reads rely on it', () => {
    const store = createEventStore();
    append(store, 'a', 'any', [ev('A')], 100);
    expect(() => append(store, 'b', 'any', [ev('B')], 99)).toThrow(/time runs backwards/);
    expect(append(store, 'b', 'any', [ev('B')], 100).ok).toBe(true);
  });
});

describe('append: event ids and idempotent retries', () => {
  const withIds = (...ids: string[]) => ids.map((id) => ev('E', { id }, { eventId: id }));

  it('a retry of a successful append (same ids, same expected version) succeeds without writing again', () => {
    const store = createEventStore();
    const first = append(store, 's', 'no-stream', withIds('a', 'b'), 0);
    const retry = append(store, 's', 'no-stream', withIds('a', 'b'), 5);
    expect(retry).toEqual({ ...first, idempotent: true });
    expect(nextPosition(store)).toBe(2);
  });

  it('is idempotent at a numbered version and with any, but not at a different place', () => {
    const store = storeWith(2);
    append(store, 's', 2, withIds('c', 'd'), 0);
    append(store, 's', 4, withIds('e'), 0);
    expect(append(store, 's', 2, withIds('c', 'd'), 0)).toMatchObject({
      ok: true,
      idempotent: true,
      version: 5,
      positions: [2, 3],
    });
    expect(append(store, 's', 'any', withIds('c', 'd'), 0)).toMatchObject({ ok: true, idempotent: true });
    // Expected version 3 points past 'c': not the same append, so the version check refuses it.
    expect(okVersion(append(store, 's', 3, withIds('c', 'd'), 0))).toBe('WrongExpectedVersion');
    expect(nextPosition(store)).toBe(5);
  });

  it('a partial repeat is not a retry', () => {
    const store = createEventStore();
    append(store, 's', 'no-stream', withIds('a', 'b'), 0);
    expect(append(store, 's', 'any', withIds('a', 'x'), 0)).toMatchObject({
      ok: false,
      error: { kind: 'DuplicateEventId', eventId: 'a' },
    });
    expect(append(store, 's', 'any', withIds('a', 'b', 'c'), 0)).toMatchObject({
      ok: false,
      error: { kind: 'DuplicateEventId', eventId: 'a' },
    });
    expect(nextPosition(store)).toBe(2);
  });

  it('refuses an id used in another stream, or twice in one append', () => {
    const store = createEventStore();
    append(store, 's', 'any', withIds('a'), 0);
    expect(append(store, 't', 'any', withIds('a'), 0)).toMatchObject({
      ok: false,
      error: { kind: 'DuplicateEventId', eventId: 'a', streamId: 't' },
    });
    expect(append(store, 't', 'any', withIds('x', 'x'), 0)).toMatchObject({
      ok: false,
      error: { kind: 'DuplicateEventId', eventId: 'x' },
    });
  });

  it('refuses a generated id that a writer already took', () => {
    const store = createEventStore();
    append(store, 'a', 'any', withIds('s@1'), 0);
    expect(append(store, 's', 'any', [ev('E')], 0)).toMatchObject({
      ok: false,
      error: { kind: 'DuplicateEventId', eventId: 's@1' },
    });
  });
});

describe('append: data is stored as JSON and frozen', () => {
  it('copies the data, so the writer changing its object later changes nothing stored', () => {
    const store = createEventStore();
    const data = { lines: [{ sku: 'a' }] };
    append(store, 's', 'any', [ev('E', data)], 0);
    data.lines[0]!.sku = 'changed';
    expect(readStream(store, 's')[0]?.data).toEqual({ lines: [{ sku: 'a' }] });
  });

  it('freezes stored events, so a handler cannot rewrite history', () => {
    const store = storeWith(1);
    const [event] = readStream(store, 's');
    expect(() => {
      (event!.data as { i: number }).i = 9;
    }).toThrow(TypeError);
    expect(Object.isFrozen(event!.metadata)).toBe(true);
  });

  it('drops undefined properties and makes undefined items null, as JSON does', () => {
    const store = createEventStore();
    append(store, 's', 'any', [ev('E', { a: undefined, b: [1, undefined] }), { type: 'F', data: undefined }], 0);
    expect(readStream(store, 's').map((e) => e.data)).toEqual([{ b: [1, null] }, null]);
    expect(Object.keys(readStream(store, 's')[0]!.data as object)).toEqual(['b']);
  });

  it('refuses what JSON cannot hold, naming the place, and writes nothing', () => {
    const store = createEventStore();
    expect(() => append(store, 's', 'any', [ev('A'), ev('B', { at: { f: () => 1 } })], 0)).toThrow(
      'event 1 (B) data.at.f is a function',
    );
    expect(() => append(store, 's', 'any', [ev('B', { when: new Map() })], 0)).toThrow(/data.when is a Map/);
    expect(() => append(store, 's', 'any', [ev('B', { n: Number.NaN })], 0)).toThrow(/NaN/);
    expect(nextPosition(store)).toBe(0);
  });
});

describe('names people choose', () => {
  it('a stream, type or event id named like an Object.prototype member is an ordinary name', () => {
    const store = createEventStore();
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(streamVersion(store, name)).toBe(0);
      expect(readStream(store, name)).toEqual([]);
      expect(eventById(store, name)).toBeUndefined();
      const result = append(
        store,
        name,
        'no-stream',
        [ev(name, {}, { eventId: name, correlationId: name, causationId: name })],
        0,
      );
      expect(result.ok).toBe(true);
      expect(streamVersion(store, name)).toBe(1);
      expect(eventById(store, name)?.streamId).toBe(name);
    }
    expect(Object.getPrototypeOf(store.streams)).toBe(Object.prototype);
    expect(streamIds(store)).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'toString']);
    const copy = structuredClone(store);
    expect(streamVersion(copy, '__proto__')).toBe(1);
  });
});
