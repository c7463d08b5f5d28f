import { eventById, type EventStore } from './eventStore';
import { getOwn } from '../../lib/ownRecord';
import type { StoredEvent } from './storedEvent';

/**
 * Every event caused, directly or through other events, by the event or command `id`, in log order.
 * The causing event itself is not included.
 */
export function causedBy(store: EventStore, id: string): StoredEvent[] {
  const found = new Set<number>();
  const pending = [id];
  const seen = new Set<string>(pending);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    for (const position of getOwn(store.index.byCausationId, next) ?? []) {
      const childId = store.log[position]?.metadata.eventId;
      if (childId === id) continue;
      found.add(position);
      // Ids are unique, but a causation id may name a later event: `seen` stops a cycle.
      if (childId !== undefined && !seen.has(childId)) {
        seen.add(childId);
        pending.push(childId);
      }
    }
  }
  return [...found].sort((a, b) => a - b).map((position) => store.log[position] as StoredEvent);
}

export interface CausationAncestry {
  /** The events that led to this one, the first cause first, its direct cause last. */
  readonly ancestors: readonly StoredEvent[];
  /**
   * The causation id the chain ends at when it names no stored event (a command's id, say);
   * null when the first cause has no causation id.
   */
  readonly originId: string | null;
}

/** The chain of causes of an event, followed by causationId. Empty for an unknown event. */
export function causationAncestry(store: EventStore, eventId: string): CausationAncestry {
  const ancestors: StoredEvent[] = [];
  const seen = new Set([eventId]);
  let causationId = eventById(store, eventId)?.metadata.causationId ?? null;
  while (causationId !== null && !seen.has(causationId)) {
    const cause = eventById(store, causationId);
    if (!cause) break;
    seen.add(causationId);
    ancestors.push(cause);
    causationId = cause.metadata.causationId;
  }
  // A cycle ends the chain without an origin outside the store.
  const originId = causationId !== null && !seen.has(causationId) ? causationId : null;
  return { ancestors: ancestors.reverse(), originId };
}
