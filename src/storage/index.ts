export type {
  BookmarkRecord,
  BranchRecord,
  FlowRecord,
  MarkerIndex,
  SegmentRecord,
  SnapshotRecord,
  StoredSegment,
} from './records';
export { decodeSteps, encodeSteps, StepEncoder } from './stepCodec';
export { SEGMENT_SIZE, segmentStart, segmentEnd } from './segments';
export { StorageError, StorageErrorKind, toStorageError } from './storageError';
export { openTidemarkStore, type CommitBatch, type TidemarkStore } from './tidemarkStore';
export { SnapshotPacker } from './snapshotPacking';
