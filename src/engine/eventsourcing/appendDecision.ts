import { commitAppend, prepareAppend } from './append';
import { AppendErrorKind, type WrongExpectedVersion } from './appendErrors';
import { fold, type Decider } from './decider';
import type { EventStore } from './eventStore';
import type { LoadedAggregate } from './load';
import { putSnapshot, snapshotOf, snapshotVersionsBetween } from './snapshots';
import type { DomainEvent, StoredEvent } from './storedEvent';
import type { Snapshot } from './snapshot';

/** The command's identity, carried into the metadata of the events it causes. */
export interface CommandMetadata {
  /** Becomes each event's causationId. */
  readonly commandId?: string;
  /** Becomes each event's correlationId; the command id when absent. */
  readonly correlationId?: string;
}

export type DecisionAppendResult<State> =
  | {
      readonly ok: true;
      readonly events: readonly StoredEvent[];
      readonly version: number;
      /** The aggregate's state after the new events. */
      readonly state: State;
      /** Versions snapshotted by this append. */
      readonly snapshots: readonly number[];
    }
  | { readonly ok: false; readonly error: WrongExpectedVersion };

/**
 * The second half of handling a command (the aggregate's append step): appends what `decide` returned for `loaded`, expecting the
 * stream still to be at `loaded.version` (an empty decision checks that too: it was made on that
 * state). Snapshots due at the new versions are taken. The new events are folded before anything is
 * written, so an `evolve` that throws leaves the store unchanged.
 */
export function appendDecision<State>(
  store: EventStore,
  decider: Decider<unknown, State>,
  loaded: LoadedAggregate<State>,
  events: readonly DomainEvent[],
  now: number,
  command: CommandMetadata = {},
): DecisionAppendResult<State> {
  const correlationId = command.correlationId ?? command.commandId;
  const toAppend = events.map((event) => ({
    type: event.type,
    data: event.data,
    ...(event.schemaVersion !== undefined ? { schemaVersion: event.schemaVersion } : {}),
    metadata: { causationId: command.commandId ?? null, ...(correlationId !== undefined ? { correlationId } : {}) },
  }));
  const prepared = prepareAppend(store, loaded.streamId, loaded.version, toAppend, now);
  if (!prepared.ok) {
    if (prepared.error.kind === AppendErrorKind.WrongExpectedVersion) return { ok: false, error: prepared.error };
    throw new Error(prepared.error.message);
  }
  // Folded from a copy: `loaded` stays the state the decision was made on.
  let state = structuredClone(loaded.state);
  const snapshots: Snapshot[] = [];
  const due = new Set(snapshotVersionsBetween(store, loaded.version, prepared.version));
  for (const event of prepared.events) {
    state = fold(decider, state, [event]);
    if (due.has(event.version)) snapshots.push(snapshotOf(loaded.streamId, event.version, state));
  }
  commitAppend(store, prepared);
  for (const snapshot of snapshots) putSnapshot(store, snapshot);
  return {
    ok: true,
    events: prepared.events,
    version: prepared.version,
    state,
    snapshots: snapshots.map((s) => s.version),
  };
}
