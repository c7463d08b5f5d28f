export type { DomainEvent, EventMetadata, EventToAppend, MetadataInput, StoredEvent } from './storedEvent';
export type { Snapshot } from './snapshot';
export {
  createEventStore,
  eventById,
  nextPosition,
  streamIds,
  streamVersion,
  type EventStore,
  type EventStoreConfig,
  type EventStoreIndex,
} from './eventStore';
export { ExpectedVersion, versionMatches } from './expectedVersion';
export { AppendErrorKind, type AppendError, type DuplicateEventId, type WrongExpectedVersion } from './appendErrors';
export { append, defaultEventId, type AppendResult } from './append';
export { readByCorrelationId, readStream } from './read';
export { fold, isRejection, type Decider, type Decision, type Rejection } from './decider';
export { clearSnapshots, latestSnapshot, saveSnapshot, snapshotVersionsBetween } from './snapshots';
export { load, loadVersion, takeSnapshots, type LoadedAggregate } from './load';
export { appendDecision, type CommandMetadata, type DecisionAppendResult } from './appendDecision';
export { countEventsOfType, stateAt, stateAtTime, versionAtTime } from './temporal';
