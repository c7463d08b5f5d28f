import { createEventStore, type EventStore } from '../eventsourcing';

/** An event-store subscriber's position: the next global position it reads. */
export interface StoreSubscription {
  checkpoint: number;
  /** A read step is scheduled, so an append need not wake it again. */
  scheduled: boolean;
}

/** The event-sourced side of a run, as plain data: one event store shared by the flow's aggregates. */
export interface EsState {
  store: EventStore;
  /** Stream id → the aggregate node that writes it (its first writer). */
  owners: Record<string, string>;
  /** Projection or consumer node id → its subscription. */
  subscriptions: Record<string, StoreSubscription>;
  /** Aggregate node id → wrong-expected-version conflicts met. */
  conflicts: Record<string, number>;
}

export function emptyEsState(): EsState {
  return { store: createEventStore(), owners: {}, subscriptions: {}, conflicts: {} };
}

/**
 * A copy for a snapshot that shares the stored events and snapshots (both frozen or never changed
 * once written) and copies only the arrays and maps that grow: a snapshot's cost stays a pointer
 * per event rather than a deep copy of the log.
 */
export function copyEsState(es: EsState): EsState {
  const store = es.store;
  const copyLists = (lists: Readonly<Record<string, readonly number[]>>): Record<string, number[]> =>
    Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, v.slice()]));
  return {
    store: {
      config: { ...store.config },
      log: store.log.slice(),
      streams: copyLists(store.streams),
      snapshots: Object.fromEntries(Object.entries(store.snapshots).map(([k, v]) => [k, v.slice()])),
      index: {
        byEventId: { ...store.index.byEventId },
        byType: copyLists(store.index.byType),
        byCorrelationId: copyLists(store.index.byCorrelationId),
        byCausationId: copyLists(store.index.byCausationId),
      },
    },
    owners: { ...es.owners },
    subscriptions: structuredClone(es.subscriptions),
    conflicts: { ...es.conflicts },
  };
}
