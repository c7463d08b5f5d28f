import { fold, type Decider } from './decider';
import { streamVersion, type EventStore } from './eventStore';
import { readStream } from './read';
import { latestSnapshot } from './snapshots';

/** An aggregate as read from its stream: its state, the version it is at, and how it was rebuilt. */
export interface LoadedAggregate<State> {
  readonly streamId: string;
  readonly state: State;
  /** Events folded into `state`: the expected version for an append decided on it. */
  readonly version: number;
  /** The snapshot the fold started from, or null when it started from the initial state. */
  readonly snapshotVersion: number | null;
  /** Events folded after the snapshot (the tail). */
  readonly replayed: number;
}

/** State after the first `version` events of the stream: the newest snapshot at or before it, plus the tail. */
export function loadVersion<State>(
  store: EventStore,
  decider: Decider<unknown, State>,
  streamId: string,
  version: number,
): LoadedAggregate<State> {
  const snapshot = latestSnapshot(store, streamId, version);
  // Copies, so an evolve that mutates its state changes neither a snapshot nor the decider's initial state.
  const start = snapshot ? (structuredClone(snapshot.state) as State) : structuredClone(decider.initialState);
  const fromVersion = snapshot?.version ?? 0;
  const tail = readStream(store, streamId, fromVersion + 1, version - fromVersion);
  return {
    streamId,
    state: fold(decider, start, tail),
    version: fromVersion + tail.length,
    snapshotVersion: snapshot?.version ?? null,
    replayed: tail.length,
  };
}

/** The aggregate's current state and version (latest snapshot + tail). */
export function load<State>(
  store: EventStore,
  decider: Decider<unknown, State>,
  streamId: string,
): LoadedAggregate<State> {
  return loadVersion(store, decider, streamId, streamVersion(store, streamId));
}
