import type { EventStore } from './eventStore';
import { toJsonData } from './jsonData';
import { getOwn, listOf, setOwn } from '../../lib/ownRecord';
import { lowerBound } from './search';
import type { Snapshot } from './snapshot';

/** The newest snapshot of a stream at or before `atOrBeforeVersion`. */
export function latestSnapshot(
  store: EventStore,
  streamId: string,
  atOrBeforeVersion = Infinity,
): Snapshot | undefined {
  const list = getOwn(store.snapshots, streamId) ?? [];
  const after = lowerBound(list, (snapshot) => snapshot.version > atOrBeforeVersion);
  return list[after - 1];
}

/** The versions in (fromVersion, toVersion] at which the store's setting asks for a snapshot. */
export function snapshotVersionsBetween(store: EventStore, fromVersion: number, toVersion: number): number[] {
  const every = store.config.snapshotEvery;
  if (every <= 0) return [];
  const versions: number[] = [];
  for (let v = (Math.floor(fromVersion / every) + 1) * every; v <= toVersion; v += every) versions.push(v);
  return versions;
}

/** A snapshot holding a JSON copy of `state`: the aggregate's evolve may go on mutating the live one. Throws if JSON cannot hold it. */
export function snapshotOf(streamId: string, version: number, state: unknown): Snapshot {
  return { streamId, version, state: toJsonData(state, `the state of ${streamId} at version ${version}`) };
}

/** Stores a snapshot, replacing one of the same stream and version. */
export function putSnapshot(store: EventStore, snapshot: Snapshot): void {
  const { streamId, version } = snapshot;
  const list = listOf(store.snapshots, streamId);
  const at = lowerBound(list, (s) => s.version >= version);
  list.splice(at, list[at]?.version === version ? 1 : 0, snapshot);
}

/** Stores a copy of `state` as the snapshot at `version`. */
export function saveSnapshot(store: EventStore, streamId: string, version: number, state: unknown): Snapshot {
  const snapshot = snapshotOf(streamId, version, state);
  putSnapshot(store, snapshot);
  return snapshot;
}

/** Drops a stream's snapshots: after the aggregate's evolve changed, they are stale. */
export function clearSnapshots(store: EventStore, streamId: string): void {
  if (getOwn(store.snapshots, streamId)) setOwn(store.snapshots, streamId, []);
}
