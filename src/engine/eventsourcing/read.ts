import type { EventStore } from './eventStore';
import { getOwn } from '../../lib/ownRecord';
import type { StoredEvent } from './storedEvent';

function assertCount(name: string, value: number, min: number): void {
  if (!(Number.isInteger(value) && value >= min) && value !== Infinity)
    throw new RangeError(`${name} is a whole number ≥ ${min}, not ${value}`);
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

/** Every event of one conversation, in log order. */
export function readByCorrelationId(store: EventStore, correlationId: string): StoredEvent[] {
  return eventsAt(store, getOwn(store.index.byCorrelationId, correlationId) ?? []);
}
