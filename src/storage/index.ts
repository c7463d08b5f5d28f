export { DB_NAME, DB_VERSION, StoreName, upgrade, type TidemarkSchema } from './schema';
export type { BookmarkRecord, BranchRecord, FlowRecord, MarkerIndex, SegmentRecord, SnapshotRecord, StoredSegment } from './records';
export { decodeSteps, encodeSteps, StepEncoder, STEP_CODEC_VERSION, type EncodedSteps } from './stepCodec';
export { SEGMENT_SIZE, segmentStart, segmentEnd } from './segments';
export { StorageError, StorageErrorKind, toStorageError } from './storageError';
export { openTidemarkStore, type CommitBatch, type FlowLoad, type RunReplacement, type TidemarkStore } from './tidemarkStore';
