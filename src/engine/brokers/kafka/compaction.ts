import type { KafkaRecord, LogSegment, PartitionLog } from './partitionLog';

export interface CompactionConfig {
  /** `delete.retention.ms`: how long a tombstone outlives the cleaning that first kept it. */
  readonly deleteRetentionMs: number;
}

export interface CompactionResult {
  /** Records removed: superseded values, expired tombstones and records without a key. */
  readonly removed: number;
  readonly tombstonesRemoved: number;
}

/**
 * One pass of the log cleaner (`cleanup.policy=compact`). Only closed segments are cleaned: the
 * active segment is never touched, and a key's newer value there does not count yet. In the closed
 * segments every key keeps only its latest record; offsets never change, so gaps appear. A
 * tombstone that is the latest for its key is kept and stamped with a delete horizon
 * (now + delete.retention.ms, KIP-534); a cleaning at or after that horizon removes it.
 */
export function compact(log: PartitionLog, now: number, config: CompactionConfig): CompactionResult {
  const closed = log.segments.slice(0, -1);
  const active = log.segments[log.segments.length - 1];
  if (closed.length === 0 || !active) return { removed: 0, tombstonesRemoved: 0 };

  // The cleaner's OffsetMap: key → latest offset within the cleanable range.
  const latest = new Map<string, number>();
  for (const segment of closed)
    for (const record of segment.records) if (record.key !== null) latest.set(record.key, record.offset);

  let removed = 0;
  let tombstonesRemoved = 0;
  const cleaned: LogSegment[] = [];
  for (const segment of closed) {
    const kept: KafkaRecord[] = [];
    for (const record of segment.records) {
      // LogCleaner drops a record without a key as invalid: a compacted topic never accepts one.
      const isLatest = record.key !== null && record.offset >= (latest.get(record.key) ?? Infinity);
      if (!isLatest) {
        removed++;
        continue;
      }
      if (record.value !== null) {
        kept.push(record);
      } else if (record.deleteHorizonMs === undefined) {
        kept.push({ ...record, deleteHorizonMs: now + config.deleteRetentionMs });
      } else if (now < record.deleteHorizonMs) {
        kept.push(record);
      } else {
        removed++;
        tombstonesRemoved++;
      }
    }
    // A segment the cleaner emptied is dropped; Kafka also merges small neighbours, which we do not.
    if (kept.length === 0) continue;
    segment.records = kept;
    segment.maxTimestamp = kept.reduce((max, record) => Math.max(max, record.timestamp), -Infinity);
    cleaned.push(segment);
  }
  log.segments = [...cleaned, active];
  return { removed, tombstonesRemoved };
}
