import type { Decider } from './decider';
import { streamVersion, type EventStore } from './eventStore';
import { loadVersion, type LoadedAggregate } from './load';
import { getOwn } from '../../lib/ownRecord';
import { lowerBound } from './search';

/** The aggregate as it was after `version` events (clamped to the stream's version), for the inspector. */
export function stateAt<State>(
  store: EventStore,
  decider: Decider<unknown, State>,
  streamId: string,
  version: number,
): LoadedAggregate<State> {
  if (!Number.isInteger(version) || version < 0)
    throw new RangeError(`a version is a whole number ≥ 0, not ${version}`);
  return loadVersion(store, decider, streamId, Math.min(version, streamVersion(store, streamId)));
}

/** The stream's version at a virtual time: how many of its events were appended at or before `time`. */
export function versionAtTime(store: EventStore, streamId: string, time: number): number {
  const positions = getOwn(store.streams, streamId) ?? [];
  return lowerBound(positions, (position) => (store.log[position]?.metadata.time ?? Infinity) > time);
}

/** The aggregate as it was at a virtual time: every event appended at or before `time` folded in. */
export function stateAtTime<State>(
  store: EventStore,
  decider: Decider<unknown, State>,
  streamId: string,
  time: number,
): LoadedAggregate<State> {
  return loadVersion(store, decider, streamId, versionAtTime(store, streamId, time));
}

/** How many events of a type were appended in [fromTime, toTime). */
export function countEventsOfType(store: EventStore, type: string, fromTime: number, toTime: number): number {
  const positions = getOwn(store.index.byType, type) ?? [];
  const timeOf = (position: number): number => store.log[position]?.metadata.time ?? Infinity;
  const start = lowerBound(positions, (p) => timeOf(p) >= fromTime);
  const end = lowerBound(positions, (p) => timeOf(p) >= toTime);
  return Math.max(0, end - start);
}
