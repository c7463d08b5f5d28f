import { deepFreeze } from '../deepFreeze';
import { duplicateEventId, wrongExpectedVersion, type AppendError } from './appendErrors';
import { streamVersion, type EventStore } from './eventStore';
import { assertExpectedVersion, ExpectedVersion, versionMatches } from './expectedVersion';
import { toJsonData } from './jsonData';
import { getOwn, listOf, setOwn } from '../../lib/ownRecord';
import type { EventToAppend, StoredEvent } from './storedEvent';

export type AppendResult =
  | {
      readonly ok: true;
      readonly streamId: string;
      /** The events of this append as stored (for an idempotent retry: the ones stored the first time). */
      readonly events: readonly StoredEvent[];
      /** The stream's version after the append: the expected version for the next one. */
      readonly version: number;
      readonly positions: readonly number[];
      /** The same events (by id) were already appended at this place: nothing new was written. */
      readonly idempotent: boolean;
    }
  | { readonly ok: false; readonly error: AppendError };

/** The id the store gives an event whose writer set none: readable, and unique among generated ids. */
function defaultEventId(streamId: string, version: number): string {
  return `${streamId}@${version}`;
}

/** An append checked and built but not yet written: `commitAppend` writes it. */
export type PreparedAppend =
  | {
      readonly ok: true;
      readonly streamId: string;
      readonly events: readonly StoredEvent[];
      readonly version: number;
      readonly idempotent: boolean;
    }
  | { readonly ok: false; readonly error: AppendError };

/**
 * Appends `events` to a stream atomically, if the stream's version satisfies `expectedVersion`
 * (see ExpectedVersion). On a conflict nothing is appended and the result names expected and actual.
 *
 * Metadata the writer leaves out: `eventId` is `<streamId>@<version>`; `correlationId` is the first
 * event's correlation id, else its event id (an append with none starts one conversation);
 * `causationId` is null. `time` is `now`, which may not run backwards.
 *
 * Like EventStoreDB, an append whose event ids all match events already in the stream at the place
 * the expected version points to is an idempotent retry: it succeeds without writing again.
 * The data is copied as JSON would store it and frozen.
 */
export function append(
  store: EventStore,
  streamId: string,
  expectedVersion: ExpectedVersion,
  events: readonly EventToAppend[],
  now: number,
): AppendResult {
  const prepared = prepareAppend(store, streamId, expectedVersion, events, now);
  if (!prepared.ok) return prepared;
  commitAppend(store, prepared);
  return { ...prepared, positions: prepared.events.map((e) => e.globalPosition) };
}

/** Everything `append` does short of writing: the checks, and the events as they will be stored. */
export function prepareAppend(
  store: EventStore,
  streamId: string,
  expectedVersion: ExpectedVersion,
  events: readonly EventToAppend[],
  now: number,
): PreparedAppend {
  assertAppendArguments(store, streamId, expectedVersion, events, now);
  const actual = streamVersion(store, streamId);

  const retry = idempotentRetry(store, streamId, expectedVersion, events);
  if (retry) return { ok: true, streamId, events: retry, version: actual, idempotent: true };

  if (!versionMatches(expectedVersion, actual))
    return { ok: false, error: wrongExpectedVersion(streamId, expectedVersion, actual) };

  const ids = events.map((event, i) => event.metadata?.eventId ?? defaultEventId(streamId, actual + i + 1));
  const seen = new Set<string>();
  const duplicate = ids.find(
    (id) => getOwn(store.index.byEventId, id) !== undefined || seen.size === seen.add(id).size,
  );
  if (duplicate !== undefined) return { ok: false, error: duplicateEventId(streamId, duplicate) };

  const batchCorrelationId = events[0]?.metadata?.correlationId ?? ids[0] ?? '';
  const stored = events.map((event, i) =>
    deepFreeze<StoredEvent>({
      streamId,
      version: actual + i + 1,
      globalPosition: store.log.length + i,
      type: event.type,
      schemaVersion: event.schemaVersion ?? 1,
      data: toJsonData(event.data, `event ${i} (${event.type}) data`),
      metadata: {
        eventId: ids[i] as string,
        correlationId: event.metadata?.correlationId ?? batchCorrelationId,
        causationId: event.metadata?.causationId ?? null,
        time: now,
      },
    }),
  );
  return { ok: true, streamId, events: stored, version: actual + stored.length, idempotent: false };
}

/** Writes a prepared append. It must be the next thing done to the store after `prepareAppend`. */
export function commitAppend(store: EventStore, prepared: PreparedAppend & { ok: true }): void {
  if (prepared.idempotent) return;
  const first = prepared.events[0];
  if (
    first &&
    (first.globalPosition !== store.log.length || first.version !== streamVersion(store, prepared.streamId) + 1)
  ) {
    throw new Error(`a prepared append to ${prepared.streamId} is stale: the store changed since it was prepared`);
  }
  for (const event of prepared.events) record(store, event);
}

function record(store: EventStore, event: StoredEvent): void {
  const { index } = store;
  const position = event.globalPosition;
  store.log.push(event);
  listOf(store.streams, event.streamId).push(position);
  setOwn(index.byEventId, event.metadata.eventId, position);
  listOf(index.byType, event.type).push(position);
  listOf(index.byCorrelationId, event.metadata.correlationId).push(position);
  if (event.metadata.causationId !== null) listOf(index.byCausationId, event.metadata.causationId).push(position);
}

/** The stored events this append repeats, when it is a retry of one that already succeeded. */
function idempotentRetry(
  store: EventStore,
  streamId: string,
  expectedVersion: ExpectedVersion,
  events: readonly EventToAppend[],
): StoredEvent[] | undefined {
  const firstId = events[0]?.metadata?.eventId;
  if (firstId === undefined) return undefined;
  const found = store.log[getOwn(store.index.byEventId, firstId) ?? -1];
  if (!found || found.streamId !== streamId) return undefined;
  const expectedFirstVersion =
    typeof expectedVersion === 'number'
      ? expectedVersion + 1
      : expectedVersion === ExpectedVersion.NoStream
        ? 1
        : found.version;
  if (found.version !== expectedFirstVersion) return undefined;
  const positions = getOwn(store.streams, streamId) ?? [];
  const repeated: StoredEvent[] = [];
  for (const [i, event] of events.entries()) {
    const existing = store.log[positions[found.version - 1 + i] ?? -1];
    if (!existing || existing.metadata.eventId !== event.metadata?.eventId) return undefined;
    repeated.push(existing);
  }
  return repeated;
}

function assertAppendArguments(
  store: EventStore,
  streamId: string,
  expectedVersion: ExpectedVersion,
  events: readonly EventToAppend[],
  now: number,
): void {
  if (typeof streamId !== 'string' || streamId === '') throw new TypeError('a stream id is a non-empty string');
  assertExpectedVersion(expectedVersion);
  if (!Number.isFinite(now)) throw new RangeError(`the time of an append is a number of virtual ms, not ${now}`);
  const last = store.log[store.log.length - 1];
  // Time-range reads binary-search the log, which needs times that never decrease.
  if (last && now < last.metadata.time)
    throw new RangeError(`time runs backwards: append at ${now} after an event at ${last.metadata.time}`);
  if (!Array.isArray(events)) throw new TypeError('append takes an array of events');
  for (const [i, event] of (events as readonly EventToAppend[]).entries()) {
    if (typeof event?.type !== 'string' || event.type === '')
      throw new TypeError(`event ${i} has no type: an event type is a non-empty string`);
    const { schemaVersion, metadata } = event;
    if (schemaVersion !== undefined && (!Number.isInteger(schemaVersion) || schemaVersion < 1)) {
      throw new RangeError(`event ${i} (${event.type}): a schema version is a whole number ≥ 1, not ${schemaVersion}`);
    }
    for (const key of ['eventId', 'correlationId', 'causationId'] as const) {
      const value = metadata?.[key];
      if (value === undefined || (key === 'causationId' && value === null)) continue;
      if (typeof value !== 'string' || value === '')
        throw new TypeError(`event ${i} (${event.type}): metadata.${key} is a non-empty string`);
    }
  }
}
