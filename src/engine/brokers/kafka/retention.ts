import { roll, recordCount, type LogSegment, type PartitionLog } from './partitionLog';

export interface RetentionConfig {
  /** `retention.ms`; absent or negative keeps records forever. */
  readonly retentionMs?: number;
  /** Records kept per partition; Kafka's `retention.bytes` counts bytes. Absent or negative: no limit. */
  readonly retentionRecords?: number;
}

export interface RetentionResult {
  readonly deletedSegments: number;
  readonly deletedRecords: number;
  /** True when every segment expired and a fresh empty active segment was rolled first. */
  readonly rolled: boolean;
  readonly logStartOffset: number;
}

/**
 * UnifiedLog.deleteOldSegments for `cleanup.policy=delete`: walks segments oldest first and
 * deletes whole segments while the rule holds, stopping at the first one that must stay, so the log
 * only ever loses a prefix. Time: a segment goes once its newest record is older than retention.ms.
 * Size: the oldest segments go while the log still holds more than `retentionRecords` without them.
 * An empty active segment is never deleted; when every segment (the active one included) is due,
 * Kafka rolls a fresh empty segment first and so does this.
 */
export function applyRetention(log: PartitionLog, now: number, config: RetentionConfig): RetentionResult {
  let deletedSegments = 0;
  let deletedRecords = 0;
  let rolled = false;
  const deleteWhile = (predicate: (segment: LogSegment) => boolean): void => {
    let count = 0;
    for (let i = 0; i < log.segments.length; i++) {
      const segment = log.segments[i];
      if (!segment) break;
      const lastAndEmpty = i === log.segments.length - 1 && segment.records.length === 0;
      if (lastAndEmpty || !predicate(segment)) break;
      count++;
    }
    if (count === 0) return;
    if (count === log.segments.length) {
      roll(log, now);
      rolled = true;
    }
    for (const segment of log.segments.splice(0, count)) deletedRecords += segment.records.length;
    deletedSegments += count;
    log.logStartOffset = Math.max(log.logStartOffset, log.segments[0]?.baseOffset ?? log.logEndOffset);
  };

  const { retentionMs, retentionRecords } = config;
  if (retentionMs !== undefined && retentionMs >= 0) deleteWhile((segment) => now - segment.maxTimestamp > retentionMs);
  if (retentionRecords !== undefined && retentionRecords >= 0) {
    const size = recordCount(log);
    if (size >= retentionRecords) {
      let excess = size - retentionRecords;
      deleteWhile((segment) => {
        if (excess - segment.records.length < 0) return false;
        excess -= segment.records.length;
        return true;
      });
    }
  }
  return { deletedSegments, deletedRecords, rolled, logStartOffset: log.logStartOffset };
}
