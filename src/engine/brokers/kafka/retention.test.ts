import { describe, expect, it } from 'vitest';
import { append, createPartitionLog, read, type LogConfig, type PartitionLog } from './partitionLog';
import { applyRetention } from './retention';

const config: LogConfig = { segmentRecords: 3, segmentMs: 1e9 };

/** A log with records at the given timestamps, three per segment. */
function logAt(timestamps: readonly number[]): PartitionLog {
  const log = createPartitionLog(0);
  for (const t of timestamps) append(log, { key: 'k', value: t }, t, config);
  return log;
}

const baseOffsets = (log: PartitionLog): number[] => log.segments.map((s) => s.baseOffset);

describe('time-based retention (retention.ms)', () => {
  it('deletes whole closed segments whose newest record is older than now − retention.ms', () => {
    const log = logAt([0, 10, 20, 30, 40, 50, 60]); // segments [0..2] [3..5] [6]
    const result = applyRetention(log, 125, { retentionMs: 100 });
    expect(result).toEqual({ deletedSegments: 1, deletedRecords: 3, rolled: false, logStartOffset: 3 });
    expect(baseOffsets(log)).toEqual([3, 6]);
  });

  it('keeps a segment while any one of its records is within retention, even if older records sit in it', () => {
    const log = logAt([0, 10, 500, 510]); // segment [0,10,500] keeps records at 0 and 10 alive
    applyRetention(log, 550, { retentionMs: 100 });
    expect(log.logStartOffset).toBe(0);
    expect(baseOffsets(log)).toEqual([0, 3]);
  });

  it('deletes only when strictly older than retention.ms', () => {
    const log = logAt([0, 10, 20, 30]);
    applyRetention(log, 120, { retentionMs: 100 });
    expect(log.logStartOffset).toBe(0);
    applyRetention(log, 121, { retentionMs: 100 });
    expect(log.logStartOffset).toBe(3);
  });

  it('stops at the first segment that must stay, so only a prefix of the log is ever deleted', () => {
    const log = logAt([0, 10, 20, 900, 910, 920, 30, 40, 50, 1000]); // the third segment is old again (CreateTime)
    applyRetention(log, 950, { retentionMs: 100 });
    expect(baseOffsets(log)).toEqual([3, 6, 9]);
  });

  it('never deletes the active segment while it holds a record within retention', () => {
    const log = logAt([0, 10, 20, 200]);
    applyRetention(log, 250, { retentionMs: 100 });
    expect(baseOffsets(log)).toEqual([3]);
    expect(log.segments[0]?.records.map((r) => r.offset)).toEqual([3]);
  });

  it('when every segment has expired, rolls a fresh empty active segment first and deletes the old one, as Kafka does', () => {
    const log = logAt([0, 10, 20, 30]);
    const result = applyRetention(log, 1_000, { retentionMs: 100 });
    expect(result).toEqual({ deletedSegments: 2, deletedRecords: 4, rolled: true, logStartOffset: 4 });
    expect(log.segments).toEqual([{ baseOffset: 4, records: [], createdAt: 1_000, maxTimestamp: 1_000 }]);
    expect(log.logEndOffset).toBe(4);
    expect(read(log, 4, 10)).toEqual({ kind: 'records', records: [], nextOffset: 4 });
    expect(append(log, { key: 'k', value: 1 }, 1_001, config).offset).toBe(4);
  });

  it('never deletes the empty active segment', () => {
    const log = createPartitionLog(0);
    const result = applyRetention(log, 1e9, { retentionMs: 0 });
    expect(result).toEqual({ deletedSegments: 0, deletedRecords: 0, rolled: false, logStartOffset: 0 });
    expect(log.segments).toHaveLength(1);
  });

  it('keeps everything when retention.ms is absent or negative (-1 in Kafka)', () => {
    const log = logAt([0, 10, 20, 30]);
    applyRetention(log, 1e9, {});
    applyRetention(log, 1e9, { retentionMs: -1 });
    expect(log.logStartOffset).toBe(0);
  });

  it('makes reading below the new log start offset an OffsetOutOfRange', () => {
    const log = logAt([0, 10, 20, 30, 40, 50, 60]);
    applyRetention(log, 1_000, { retentionMs: 100 });
    expect(read(log, 0, 10).kind).toBe('offset-out-of-range');
  });
});

describe('size-based retention (records instead of retention.bytes)', () => {
  it('deletes the oldest whole segments while the log would still hold at least retentionRecords', () => {
    const log = logAt([0, 1, 2, 3, 4, 5, 6, 7]); // 8 records: [0..2] [3..5] [6,7]
    applyRetention(log, 10, { retentionRecords: 4 });
    expect(baseOffsets(log)).toEqual([3, 6]);
    expect(log.logStartOffset).toBe(3);
  });

  it('keeps more than the limit rather than split a segment', () => {
    const log = logAt([0, 1, 2, 3, 4, 5, 6, 7]);
    applyRetention(log, 10, { retentionRecords: 6 });
    expect(log.logStartOffset).toBe(0);
    applyRetention(log, 10, { retentionRecords: 5 });
    expect(log.logStartOffset).toBe(3);
  });

  it('does nothing while the log holds fewer records than the limit', () => {
    const log = logAt([0, 1, 2, 3]);
    applyRetention(log, 10, { retentionRecords: 100 });
    expect(log.logStartOffset).toBe(0);
  });

  it('with a limit of 0 empties the log (rolling a fresh active segment)', () => {
    const log = logAt([0, 1, 2, 3]);
    const result = applyRetention(log, 10, { retentionRecords: 0 });
    expect(result.rolled).toBe(true);
    expect(log.logStartOffset).toBe(4);
  });

  it('applies after time-based retention in the same pass', () => {
    const log = logAt([0, 1, 2, 100, 101, 102, 200, 201, 202, 300]);
    const result = applyRetention(log, 150, { retentionMs: 100, retentionRecords: 4 });
    expect(result.deletedSegments).toBe(2);
    expect(baseOffsets(log)).toEqual([6, 9]);
  });
});
