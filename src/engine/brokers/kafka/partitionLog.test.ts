import { describe, expect, it } from 'vitest';
import { KafkaError } from './errors';
import {
  append,
  CleanupPolicy,
  createPartitionLog,
  highWatermark,
  offsetForTimestamp,
  read,
  recordCount,
  type LogConfig,
  type PartitionLog,
} from './partitionLog';

const config: LogConfig = { segmentRecords: 3, segmentMs: 1_000 };

/** Appends `count` records keyed k<i>, one per `every` ms starting at `from`. */
function fill(log: PartitionLog, count: number, from = 0, every = 10, cfg = config): void {
  for (let i = 0; i < count; i++) {
    const now = from + i * every;
    append(log, { key: `k${log.logEndOffset}`, value: { n: log.logEndOffset } }, now, cfg);
  }
}

const offsets = (log: PartitionLog): number[][] => log.segments.map((s) => s.records.map((r) => r.offset));

describe('append', () => {
  it('gives consecutive offsets from 0, and the high watermark is the next offset', () => {
    const log = createPartitionLog(0);
    expect(highWatermark(log)).toBe(0);
    const a = append(log, { key: 'a', value: 1 }, 5, config);
    const b = append(log, { key: null, value: 2 }, 6, config);
    expect([a.offset, b.offset]).toEqual([0, 1]);
    expect(highWatermark(log)).toBe(2);
  });

  it('stamps the append time unless the producer set a CreateTime, and keeps event id and headers', () => {
    const log = createPartitionLog(0);
    const record = append(log, { key: 'a', value: 1, eventId: 'e-1', headers: { trace: 't' } }, 42, config);
    expect(record).toEqual({ offset: 0, key: 'a', value: 1, timestamp: 42, eventId: 'e-1', headers: { trace: 't' } });
    expect(append(log, { key: 'a', value: 1, timestamp: 7 }, 50, config).timestamp).toBe(7);
  });

  it('rolls a new segment when the active one holds segmentRecords records', () => {
    const log = createPartitionLog(0);
    fill(log, 7);
    expect(offsets(log)).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(log.segments.map((s) => s.baseOffset)).toEqual([0, 3, 6]);
  });

  it('rolls when a record lies more than segment.ms after the segment’s first record', () => {
    const log = createPartitionLog(0);
    const cfg = { segmentRecords: 100, segmentMs: 1_000 };
    append(log, { key: 'a', value: 1 }, 0, cfg);
    append(log, { key: 'b', value: 1 }, 1_000, cfg);
    append(log, { key: 'c', value: 1 }, 1_001, cfg);
    expect(offsets(log)).toEqual([[0, 1], [2]]);
  });

  it('never rolls an empty segment however old it is', () => {
    const log = createPartitionLog(0);
    append(log, { key: 'a', value: 1 }, 1_000_000, config);
    expect(offsets(log)).toEqual([[0]]);
  });

  it('tracks each segment’s newest record timestamp', () => {
    const log = createPartitionLog(0);
    append(log, { key: 'a', value: 1, timestamp: 50 }, 50, config);
    append(log, { key: 'b', value: 1, timestamp: 20 }, 60, config);
    expect(log.segments[0]?.maxTimestamp).toBe(50);
  });

  it('refuses a record without a key on a compacted topic', () => {
    const log = createPartitionLog(0);
    const compacted = { ...config, cleanupPolicy: CleanupPolicy.Compact };
    expect(() => append(log, { key: null, value: 1 }, 0, compacted)).toThrow(KafkaError);
    expect(() =>
      append(log, { key: null, value: 1 }, 0, { ...config, cleanupPolicy: CleanupPolicy.CompactDelete }),
    ).toThrow(/without key/);
    expect(append(log, { key: null, value: 1 }, 0, { ...config, cleanupPolicy: CleanupPolicy.Delete }).offset).toBe(0);
  });
});

describe('read', () => {
  it('returns records from an offset across segments, up to maxRecords, and where to continue', () => {
    const log = createPartitionLog(0);
    fill(log, 8);
    const first = read(log, 2, 4);
    expect(first.kind === 'records' && first.records.map((r) => r.offset)).toEqual([2, 3, 4, 5]);
    expect(first.kind === 'records' && first.nextOffset).toBe(6);
    const rest = read(log, 6, 100);
    expect(rest.kind === 'records' && rest.records.map((r) => r.offset)).toEqual([6, 7]);
    expect(rest.kind === 'records' && rest.nextOffset).toBe(8);
  });

  it('returns nothing at the high watermark: the consumer is caught up', () => {
    const log = createPartitionLog(0);
    fill(log, 3);
    expect(read(log, 3, 10)).toEqual({ kind: 'records', records: [], nextOffset: 3 });
  });

  it('skips the offsets compaction removed and continues past the gap', () => {
    const log = createPartitionLog(0);
    fill(log, 6);
    const [first] = log.segments;
    if (first) first.records = first.records.filter((r) => r.offset !== 1);
    const result = read(log, 1, 2);
    expect(result.kind === 'records' && result.records.map((r) => r.offset)).toEqual([2, 3]);
  });

  it('moves to the log end when everything after the offset was compacted away', () => {
    const log = createPartitionLog(0);
    fill(log, 4);
    const [first] = log.segments;
    if (first) first.records = first.records.filter((r) => r.offset === 0);
    log.segments[1]!.records = [];
    expect(read(log, 1, 10)).toEqual({ kind: 'records', records: [], nextOffset: 4 });
  });

  it('signals OffsetOutOfRange below the log start offset and beyond the log end', () => {
    const log = createPartitionLog(0);
    fill(log, 5);
    log.logStartOffset = 3;
    expect(read(log, 2, 10)).toEqual({ kind: 'offset-out-of-range', logStartOffset: 3, logEndOffset: 5 });
    expect(read(log, 6, 10)).toEqual({ kind: 'offset-out-of-range', logStartOffset: 3, logEndOffset: 5 });
  });

  it('reads an empty log at offset 0 as caught up', () => {
    expect(read(createPartitionLog(0), 0, 10)).toEqual({ kind: 'records', records: [], nextOffset: 0 });
  });
});

describe('offsetForTimestamp (ListOffsets by time)', () => {
  const log = createPartitionLog(0);
  fill(log, 6, 100, 100); // timestamps 100, 200, …, 600

  it('is the earliest offset whose timestamp is at or after the time', () => {
    expect(offsetForTimestamp(log, 100)).toBe(0);
    expect(offsetForTimestamp(log, 250)).toBe(2);
    expect(offsetForTimestamp(log, 300)).toBe(2);
    expect(offsetForTimestamp(log, 0)).toBe(0);
  });

  it('is the log end offset for a time after the last record', () => {
    expect(offsetForTimestamp(log, 601)).toBe(6);
    expect(offsetForTimestamp(createPartitionLog(0), 5)).toBe(0);
  });

  it('follows offset order when CreateTimes are out of order', () => {
    const l = createPartitionLog(0);
    for (const t of [500, 100, 900, 300])
      append(l, { key: 'k', value: t, timestamp: t }, 1_000, { segmentRecords: 100, segmentMs: 1e9 });
    expect(offsetForTimestamp(l, 200)).toBe(0);
    expect(offsetForTimestamp(l, 600)).toBe(2);
  });
});

it('recordCount counts what the segments still hold', () => {
  const log = createPartitionLog(0);
  fill(log, 5);
  expect(recordCount(log)).toBe(5);
});
