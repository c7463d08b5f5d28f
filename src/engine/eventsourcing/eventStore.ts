import { getOwn, type OwnRecord } from '../../lib/ownRecord';
import type { Snapshot } from './snapshot';
import type { StoredEvent } from './storedEvent';

export interface EventStoreConfig {
  /** A snapshot every this many events of a stream (at versions N, 2N, …); 0 turns snapshots off. */
  snapshotEvery: number;
}

/** Lookups kept beside the log so reads by id, type, correlation and causation need no scan. */
interface EventStoreIndex {
  readonly byEventId: OwnRecord<number>;
  /** Event type → global positions, ascending. */
  readonly byType: OwnRecord<number[]>;
  readonly byCorrelationId: OwnRecord<number[]>;
  readonly byCausationId: OwnRecord<number[]>;
}

/**
 * An event store as plain data: a `structuredClone` of it is a snapshot that continues exactly as
 * the original. Nothing is ever removed from the log, so an event's global position is its index.
 */
export interface EventStore {
  config: EventStoreConfig;
  readonly log: StoredEvent[];
  /** Stream id → global positions of its events in version order (version v is at index v - 1). */
  readonly streams: OwnRecord<number[]>;
  /** Stream id → snapshots in ascending version order. */
  readonly snapshots: OwnRecord<Snapshot[]>;
  readonly index: EventStoreIndex;
}

export function createEventStore(config: Partial<EventStoreConfig> = {}): EventStore {
  const snapshotEvery = config.snapshotEvery ?? 0;
  if (!Number.isInteger(snapshotEvery) || snapshotEvery < 0) {
    throw new RangeError(`snapshotEvery is a whole number ≥ 0 (0 = no snapshots), not ${snapshotEvery}`);
  }
  return {
    config: { snapshotEvery },
    log: [],
    streams: {},
    snapshots: {},
    index: { byEventId: {}, byType: {}, byCorrelationId: {}, byCausationId: {} },
  };
}

/** The number of events in the stream; 0 when it has none (the stream does not exist). */
export function streamVersion(store: EventStore, streamId: string): number {
  return getOwn(store.streams, streamId)?.length ?? 0;
}

/** The global position the next event will get (the log's length). */
export function nextPosition(store: EventStore): number {
  return store.log.length;
}
