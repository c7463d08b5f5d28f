export type { DomainEvent, StoredEvent } from './storedEvent';
export { createEventStore, streamVersion, type EventStore } from './eventStore';
export { readByCorrelationId, readStream } from './read';
export { isRejection, type Decider } from './decider';
export { load, type LoadedAggregate } from './load';
export { clearSnapshots } from './snapshots';
export { appendDecision } from './appendDecision';
export { countEventsOfType, stateAt, stateAtTime } from './temporal';
