import { KafkaError, KafkaErrorCode } from './errors';

/** `cleanup.policy`: what the broker does with old records of a topic. */
export const CleanupPolicy = { Delete: 'delete', Compact: 'compact', CompactDelete: 'compact,delete' } as const;
export type CleanupPolicy = (typeof CleanupPolicy)[keyof typeof CleanupPolicy];

/** One record in a partition. Records are never changed once appended; the cleaner replaces them. */
export interface KafkaRecord {
  readonly offset: number;
  readonly key: string | null;
  /** `null` is a tombstone: on a compacted topic it deletes the key. */
  readonly value: unknown;
  /** Virtual ms: the producer's CreateTime, or the append time when it gave none. */
  readonly timestamp: number;
  /** The CloudEvent the record carries, to trace one event through the flow. */
  readonly eventId?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Stamped by the cleaner the first time it keeps a tombstone; a cleaning at or after it removes the tombstone. */
  readonly deleteHorizonMs?: number;
}

/** What a producer hands to `append`; the log gives it an offset. */
export interface RecordInput {
  readonly key: string | null;
  readonly value: unknown;
  /** CreateTime set by the producer; `now` when absent. */
  readonly timestamp?: number;
  readonly eventId?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A slice of the log. Only the last segment of a log (the active one) takes appends. */
export interface LogSegment {
  readonly baseOffset: number;
  records: KafkaRecord[];
  readonly createdAt: number;
  /** The largest record timestamp; `createdAt` while the segment is empty (Kafka uses the file's mtime). */
  maxTimestamp: number;
}

/**
 * One partition's log. There is no replication, so the high watermark is the log end offset: a
 * record is readable as soon as it is appended.
 */
export interface PartitionLog {
  segments: LogSegment[];
  /** The first offset still readable; reading below it is OFFSET_OUT_OF_RANGE. */
  logStartOffset: number;
  /** The offset the next record will get. */
  logEndOffset: number;
}

export interface LogConfig {
  /** Records per segment; Kafka rolls on `segment.bytes` (1 GiB by default), we count records. */
  readonly segmentRecords: number;
  /** `segment.ms`: roll once the active segment spans more than this much record time. */
  readonly segmentMs: number;
  readonly cleanupPolicy?: CleanupPolicy;
}

export function createPartitionLog(now: number): PartitionLog {
  return { segments: [emptySegment(0, now)], logStartOffset: 0, logEndOffset: 0 };
}

function emptySegment(baseOffset: number, now: number): LogSegment {
  return { baseOffset, records: [], createdAt: now, maxTimestamp: now };
}

/** The offset a consumer can read up to (exclusive). Without replicas it is the log end offset. */
export function highWatermark(log: PartitionLog): number {
  return log.logEndOffset;
}

function activeSegment(log: PartitionLog): LogSegment {
  const segment = log.segments[log.segments.length - 1];
  // createPartitionLog and roll keep at least one segment, as Kafka does.
  if (!segment) throw new Error('a partition log always has an active segment');
  return segment;
}

/** Records currently held (what `retentionRecords` counts). */
export function recordCount(log: PartitionLog): number {
  let count = 0;
  for (const segment of log.segments) count += segment.records.length;
  return count;
}

/** Closes the active segment and opens an empty one at the log end offset. */
export function roll(log: PartitionLog, now: number): LogSegment {
  const segment = emptySegment(log.logEndOffset, now);
  log.segments.push(segment);
  return segment;
}

function isCompacted(policy: CleanupPolicy | undefined): boolean {
  return policy === CleanupPolicy.Compact || policy === CleanupPolicy.CompactDelete;
}

// LogSegment.shouldRoll: full, or the new record lies more than segment.ms after the segment's first.
function shouldRoll(segment: LogSegment, timestamp: number, config: LogConfig): boolean {
  const first = segment.records[0];
  if (!first) return false;
  return segment.records.length >= config.segmentRecords || timestamp - first.timestamp > config.segmentMs;
}

/** Appends a record at the log end offset, rolling a new segment first when the active one is full or old. */
export function append(log: PartitionLog, input: RecordInput, now: number, config: LogConfig): KafkaRecord {
  if (input.key === null && isCompacted(config.cleanupPolicy)) {
    throw new KafkaError(KafkaErrorCode.InvalidRecord, 'Compacted topic cannot accept message without key');
  }
  const timestamp = input.timestamp ?? now;
  let segment = activeSegment(log);
  if (shouldRoll(segment, timestamp, config)) segment = roll(log, now);
  const { key, value, eventId, headers } = input;
  const offset = log.logEndOffset;
  // Whole literals, not fields added later: an added field costs an extra allocation on every append.
  let record: KafkaRecord;
  if (headers === undefined)
    record = eventId === undefined ? { offset, key, value, timestamp } : { offset, key, value, timestamp, eventId };
  else
    record =
      eventId === undefined
        ? { offset, key, value, timestamp, headers }
        : { offset, key, value, timestamp, eventId, headers };
  segment.maxTimestamp = segment.records.length === 0 ? timestamp : Math.max(segment.maxTimestamp, timestamp);
  segment.records.push(record);
  log.logEndOffset++;
  return record;
}

export type ReadResult =
  | {
      readonly kind: 'records';
      readonly records: readonly KafkaRecord[];
      /** Where the next read starts: past the last record returned, or the log end once everything was read. */
      readonly nextOffset: number;
    }
  | {
      /** The offset is below the log start (retention deleted it) or past the log end: apply auto.offset.reset. */
      readonly kind: 'offset-out-of-range';
      readonly logStartOffset: number;
      readonly logEndOffset: number;
    };

/** Index of the first record with offset ≥ `offset` (records are in offset order, with gaps after compaction). */
function firstIndexAtOrAfter(records: readonly KafkaRecord[], offset: number): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((records[mid]?.offset ?? Infinity) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last segment whose base offset is ≤ `offset` (0 when none is). */
function segmentIndexFor(log: PartitionLog, offset: number): number {
  let lo = 0;
  let hi = log.segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((log.segments[mid]?.baseOffset ?? Infinity) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Up to `maxRecords` records with offset ≥ `fromOffset`, skipping offsets compaction removed. */
export function read(log: PartitionLog, fromOffset: number, maxRecords: number): ReadResult {
  if (fromOffset < log.logStartOffset || fromOffset > log.logEndOffset) {
    return { kind: 'offset-out-of-range', logStartOffset: log.logStartOffset, logEndOffset: log.logEndOffset };
  }
  if (maxRecords < 1) return { kind: 'records', records: [], nextOffset: fromOffset };
  const records: KafkaRecord[] = [];
  for (let s = segmentIndexFor(log, fromOffset); s < log.segments.length && records.length < maxRecords; s++) {
    const segment = log.segments[s];
    if (!segment) break;
    for (
      let i = firstIndexAtOrAfter(segment.records, fromOffset);
      i < segment.records.length && records.length < maxRecords;
      i++
    ) {
      const record = segment.records[i];
      if (record) records.push(record);
    }
  }
  const last = records[records.length - 1];
  // A short read reached the end: whatever lies between is gone, so the next read starts at the log end.
  const nextOffset = records.length >= maxRecords && last ? last.offset + 1 : log.logEndOffset;
  return { kind: 'records', records, nextOffset };
}

/** The first record with offset ≥ `fromOffset` (compaction leaves gaps), or undefined at the log end; reads without allocating. */
export function firstRecordFrom(log: PartitionLog, fromOffset: number): KafkaRecord | undefined {
  const last = log.segments.length - 1;
  // Consumers mostly read near the end, and a segment without compaction gaps holds offset base + i at i.
  const first = log.segments[last]!.baseOffset <= fromOffset ? last : segmentIndexFor(log, fromOffset);
  const segment = log.segments[first]!;
  const direct = segment.records[fromOffset - segment.baseOffset];
  if (direct?.offset === fromOffset) return direct;
  for (let s = first; s < log.segments.length; s++) {
    const records = log.segments[s]!.records;
    const i = firstIndexAtOrAfter(records, fromOffset);
    if (i < records.length) return records[i];
  }
  return undefined;
}

/**
 * ListOffsets by timestamp: the earliest offset whose record timestamp is ≥ `timestamp`. When no
 * record is that recent Kafka answers "none" (-1) and `kafka-consumer-groups --to-datetime` falls
 * back to the log end offset; this returns that log end offset.
 */
export function offsetForTimestamp(log: PartitionLog, timestamp: number): number {
  for (const segment of log.segments) {
    if (segment.records.length === 0 || segment.maxTimestamp < timestamp) continue;
    for (const record of segment.records) if (record.timestamp >= timestamp) return record.offset;
  }
  return log.logEndOffset;
}
