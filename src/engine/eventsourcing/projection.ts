import type { EventStore } from './eventStore';
import { getOwn } from '../../lib/ownRecord';
import { firstAtOrAfter } from './search';
import type { StoredEvent } from './storedEvent';

/** A read model's code: which event types it reads and how each changes the model. */
export interface ProjectionDefinition<ReadModel> {
  readonly name: string;
  /** The event types it subscribes to; empty: all of them. */
  readonly eventTypes: readonly string[];
  /** A fresh, empty read model. */
  init(): ReadModel;
  /** The read model after one more event (it may mutate and return its argument). */
  apply(readModel: ReadModel, event: StoredEvent): ReadModel;
}

/** A projection's data: what `catchUp` builds and a snapshot stores. The code stays in the definition. */
export interface ProjectionState<ReadModel> {
  readonly name: string;
  readModel: ReadModel;
  /** Global position of the last event read (applied, or skipped as not subscribed); null before the first. */
  checkpoint: number | null;
  /** Events applied since the last rebuild. */
  applied: number;
}

export function createProjection<ReadModel>(definition: ProjectionDefinition<ReadModel>): ProjectionState<ReadModel> {
  return { name: definition.name, readModel: definition.init(), checkpoint: null, applied: 0 };
}

/** Forgets everything the projection built: catching up again replays the log from position 0. */
export function rebuild<ReadModel>(definition: ProjectionDefinition<ReadModel>, projection: ProjectionState<ReadModel>): void {
  projection.readModel = definition.init();
  projection.checkpoint = null;
  projection.applied = 0;
}

const firstUnread = (projection: ProjectionState<unknown>): number => (projection.checkpoint === null ? 0 : projection.checkpoint + 1);

/**
 * Positions of the subscribed events from `from` on, at most `max`, in log order: a merge of the
 * per-type indexes, so skipped types cost nothing.
 */
function subscribedPositions(store: EventStore, eventTypes: readonly string[], from: number, max: number): number[] {
  if (eventTypes.length === 0) {
    const end = Math.min(store.log.length, from + max);
    return Array.from({ length: Math.max(0, end - from) }, (_, i) => from + i);
  }
  const lists = [...new Set(eventTypes)].map((type) => getOwn(store.index.byType, type) ?? []);
  const cursors = lists.map((list) => firstAtOrAfter(list, from));
  const positions: number[] = [];
  while (positions.length < max) {
    let best = -1;
    for (const [i, list] of lists.entries()) {
      const candidate = list[cursors[i] as number];
      if (candidate !== undefined && (best < 0 || candidate < (lists[best]?.[cursors[best] as number] ?? Infinity))) best = i;
    }
    if (best < 0) break;
    positions.push(lists[best]?.[cursors[best] as number] as number);
    cursors[best] = (cursors[best] as number) + 1;
  }
  return positions;
}

export interface CatchUpResult {
  /** Events applied by this call: the progress bar's step. */
  readonly applied: number;
  readonly checkpoint: number | null;
  /** No subscribed event is left unapplied. */
  readonly caughtUp: boolean;
}

/**
 * Applies up to `maxEvents` subscribed events after the checkpoint, in log order. The checkpoint
 * moves past each applied event, and to the log's end once no subscribed event is left. An `apply`
 * that throws leaves the checkpoint on the last event applied before it, and the error propagates.
 */
export function catchUp<ReadModel>(
  definition: ProjectionDefinition<ReadModel>,
  projection: ProjectionState<ReadModel>,
  store: EventStore,
  maxEvents = Infinity,
): CatchUpResult {
  if (!(Number.isInteger(maxEvents) && maxEvents >= 0) && maxEvents !== Infinity) throw new RangeError(`maxEvents is a whole number ≥ 0, not ${maxEvents}`);
  // One more than the budget, to learn whether anything is left after it.
  const positions = subscribedPositions(store, definition.eventTypes, firstUnread(projection), maxEvents + 1);
  const batch = positions.slice(0, maxEvents);
  for (const position of batch) {
    projection.readModel = definition.apply(projection.readModel, store.log[position] as StoredEvent);
    projection.checkpoint = position;
    projection.applied++;
  }
  const caughtUp = positions.length <= maxEvents;
  // Past the unsubscribed tail too; never backwards (a projection restored beside a shorter log keeps its place).
  if (caughtUp && store.log.length > 0) projection.checkpoint = Math.max(projection.checkpoint ?? -1, store.log.length - 1);
  return { applied: batch.length, checkpoint: projection.checkpoint, caughtUp };
}

export interface ProjectionLag {
  /** Subscribed events not applied yet. */
  readonly events: number;
  /** Log positions between the checkpoint and the log's end, subscribed or not. */
  readonly positions: number;
}

/** How far a projection is behind the store. */
export function lag<ReadModel>(definition: ProjectionDefinition<ReadModel>, projection: ProjectionState<ReadModel>, store: EventStore): ProjectionLag {
  const from = firstUnread(projection);
  const positions = Math.max(0, store.log.length - from);
  if (definition.eventTypes.length === 0) return { events: positions, positions };
  let events = 0;
  for (const type of new Set(definition.eventTypes)) {
    const list = getOwn(store.index.byType, type) ?? [];
    events += list.length - firstAtOrAfter(list, from);
  }
  return { events, positions };
}
