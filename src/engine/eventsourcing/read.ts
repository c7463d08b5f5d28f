import type { EventStore } from './eventStore';
import { getOwn } from '../../lib/ownRecord';
import { firstAtOrAfter, lowerBound } from './search';
import type { StoredEvent } from './storedEvent';

function assertCount(name: string, value: number, min: number): void {
  if (!(Number.isInteger(value) && value >= min) && value !== Infinity) throw new RangeError(`${name} is a whole number ≥ ${min}, not ${value}`);
}

function eventsAt(store: EventStore, positions: readonly number[]): StoredEvent[] {
  return positions.map((position) => store.log[position] as StoredEvent);
}

/** Events of one stream from `fromVersion` (1-based, inclusive) on, at most `maxCount`; empty for an unknown stream. */
export function readStream(store: EventStore, streamId: string, fromVersion = 1, maxCount = Infinity): StoredEvent[] {
  assertCount('fromVersion', fromVersion, 1);
  assertCount('maxCount', maxCount, 0);
  const positions = getOwn(store.streams, streamId) ?? [];
  return eventsAt(store, positions.slice(fromVersion - 1, fromVersion - 1 + maxCount));
}

export interface LogSlice {
  readonly events: readonly StoredEvent[];
  /** Where the next read continues: past the last event returned. */
  readonly nextPosition: number;
}

/** The global log from `fromPosition` (0-based, inclusive), at most `maxCount` events. */
export function readAll(store: EventStore, fromPosition = 0, maxCount = Infinity): LogSlice {
  assertCount('fromPosition', fromPosition, 0);
  assertCount('maxCount', maxCount, 0);
  const events = store.log.slice(fromPosition, fromPosition + maxCount);
  return { events, nextPosition: Math.min(fromPosition, store.log.length) + events.length };
}

/** Events of one type at or after a global position, in log order. */
export function readByType(store: EventStore, type: string, fromPosition = 0): StoredEvent[] {
  const positions = getOwn(store.index.byType, type) ?? [];
  return eventsAt(store, positions.slice(firstAtOrAfter(positions, fromPosition)));
}

/** Every event of one conversation, in log order. */
export function readByCorrelationId(store: EventStore, correlationId: string): StoredEvent[] {
  return eventsAt(store, getOwn(store.index.byCorrelationId, correlationId) ?? []);
}

/** The events an event or command directly caused, in log order. */
export function readByCausationId(store: EventStore, causationId: string): StoredEvent[] {
  return eventsAt(store, getOwn(store.index.byCausationId, causationId) ?? []);
}

/** Events appended at virtual times in [fromTime, toTime): from inclusive, to exclusive, so ranges tile. */
export function readByTimeRange(store: EventStore, fromTime: number, toTime: number): StoredEvent[] {
  const start = lowerBound(store.log, (event) => event.metadata.time >= fromTime);
  const end = lowerBound(store.log, (event) => event.metadata.time >= toTime);
  return store.log.slice(start, Math.max(start, end));
}
