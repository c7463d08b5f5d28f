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
export { readAll, readByCausationId, readByCorrelationId, readByTimeRange, readByType, readStream, type LogSlice } from './read';
export { fold, isRejection, type Decider, type Decision, type Rejection } from './decider';
export { clearSnapshots, latestSnapshot, saveSnapshot, snapshotVersionsBetween } from './snapshots';
export { load, loadVersion, takeSnapshots, type LoadedAggregate } from './load';
export {
  appendDecision,
  CommandOutcome,
  handleCommand,
  type CommandMetadata,
  type CommandResult,
  type DecisionAppendResult,
  type HandleCommandOptions,
} from './handleCommand';
export { countEventsOfType, stateAt, stateAtTime, versionAtTime } from './temporal';
export { causationAncestry, causedBy, type CausationAncestry } from './causation';
export {
  catchUp,
  createProjection,
  lag,
  rebuild,
  type CatchUpResult,
  type ProjectionDefinition,
  type ProjectionLag,
  type ProjectionState,
} from './projection';
