import { commitAppend, prepareAppend } from './append';
import { AppendErrorKind, type WrongExpectedVersion } from './appendErrors';
import { assertDecision, fold, isRejection, type Decider } from './decider';
import type { EventStore } from './eventStore';
import { load, type LoadedAggregate } from './load';
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
 * The second half of handling a command: appends what `decide` returned for `loaded`, expecting the
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
  return { ok: true, events: prepared.events, version: prepared.version, state, snapshots: snapshots.map((s) => s.version) };
}

export const CommandOutcome = { Accepted: 'accepted', Rejected: 'rejected', Conflict: 'conflict' } as const;
export type CommandOutcome = (typeof CommandOutcome)[keyof typeof CommandOutcome];

export interface HandleCommandOptions<State> extends CommandMetadata {
  readonly streamId: string;
  readonly now: number;
  /** Conflicts retried by loading again and deciding again; 0 (the default): the first conflict fails the command. */
  readonly maxRetries?: number;
  /** A state read earlier (a stale read, as when load and append are separate steps): the first attempt decides on it. */
  readonly loaded?: LoadedAggregate<State>;
}

interface Attempts {
  /** How many times `decide` ran. */
  readonly attempts: number;
  /** The conflicts met on the way, oldest first. */
  readonly conflicts: readonly WrongExpectedVersion[];
}

export type CommandResult<State> =
  | (Attempts & { readonly kind: typeof CommandOutcome.Accepted; readonly events: readonly StoredEvent[]; readonly version: number; readonly state: State })
  | (Attempts & { readonly kind: typeof CommandOutcome.Rejected; readonly reason: string; readonly version: number; readonly state: State })
  | (Attempts & { readonly kind: typeof CommandOutcome.Conflict; readonly error: WrongExpectedVersion });

/**
 * Handles a command: load the aggregate (snapshot + tail), decide, append expecting the version it
 * loaded. A conflict is retried up to `maxRetries` times, each time loading again and deciding
 * again; then the command fails with the last conflict. Errors thrown by decide or evolve propagate.
 */
export function handleCommand<Command, State>(
  store: EventStore,
  decider: Decider<Command, State>,
  command: Command,
  options: HandleCommandOptions<State>,
): CommandResult<State> {
  const { streamId, now, maxRetries = 0 } = options;
  if (!Number.isInteger(maxRetries) || maxRetries < 0) throw new RangeError(`maxRetries is a whole number ≥ 0, not ${maxRetries}`);
  if (options.loaded && options.loaded.streamId !== streamId) {
    throw new Error(`the loaded aggregate is ${options.loaded.streamId}, the command is for ${streamId}`);
  }
  const conflicts: WrongExpectedVersion[] = [];
  let loaded = options.loaded ?? load(store, decider, streamId);
  for (let attempts = 1; ; attempts++) {
    const decision: unknown = decider.decide(command, loaded.state);
    assertDecision(decision);
    if (isRejection(decision)) {
      return { kind: CommandOutcome.Rejected, attempts, conflicts, reason: decision.rejected, version: loaded.version, state: loaded.state };
    }
    const result = appendDecision(store, decider, loaded, decision, now, options);
    if (result.ok) return { kind: CommandOutcome.Accepted, attempts, conflicts, events: result.events, version: result.version, state: result.state };
    conflicts.push(result.error);
    if (conflicts.length > maxRetries) return { kind: CommandOutcome.Conflict, attempts, conflicts, error: result.error };
    loaded = load(store, decider, streamId);
  }
}
