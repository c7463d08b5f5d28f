import { describe, expect, it } from 'vitest';
import { compact } from './compaction';
import {
  append,
  createPartitionLog,
  read,
  roll,
  type KafkaRecord,
  type LogConfig,
  type PartitionLog,
} from './partitionLog';

const config: LogConfig = { segmentRecords: 100, segmentMs: 1e9 };

/** Appends (key, value) pairs; `|` closes the active segment. */
function logOf(entries: readonly ([string | null, unknown] | '|')[], now = 0): PartitionLog {
  const log = createPartitionLog(0);
  for (const entry of entries) {
    if (entry === '|') roll(log, now);
    else append(log, { key: entry[0], value: entry[1] }, now, config);
  }
  return log;
}

const view = (log: PartitionLog): string[][] =>
  log.segments.map((s) =>
    s.records.map((r: KafkaRecord) => `${r.offset}:${r.key}=${r.value === null ? '∅' : JSON.stringify(r.value)}`),
  );

describe('log compaction', () => {
  it('keeps only the newest value of each key in closed segments, at its original offset', () => {
    const log = logOf([['a', 1], ['b', 1], ['a', 2], '|', ['c', 1], ['a', 3], '|', ['d', 1]]);
    const result = compact(log, 0, { deleteRetentionMs: 100 });
    expect(view(log)).toEqual([['1:b=1'], ['3:c=1', '4:a=3'], ['5:d=1']]);
    expect(result).toEqual({ removed: 2, tombstonesRemoved: 0 });
  });

  it('never touches the active segment, and a newer value there does not count yet', () => {
    const log = logOf([['a', 1], ['a', 2], '|', ['a', 3], ['a', 4]]);
    compact(log, 0, { deleteRetentionMs: 100 });
    expect(view(log)).toEqual([['1:a=2'], ['2:a=3', '3:a=4']]);
  });

  it('does nothing to a log that has only its active segment', () => {
    const log = logOf([
      ['a', 1],
      ['a', 2],
    ]);
    expect(compact(log, 0, { deleteRetentionMs: 0 })).toEqual({ removed: 0, tombstonesRemoved: 0 });
    expect(view(log)).toEqual([['0:a=1', '1:a=2']]);
  });

  it('leaves gaps that a consumer reads straight across', () => {
    const log = logOf([['a', 1], ['b', 1], ['a', 2], ['b', 2], '|', ['z', 0]]);
    compact(log, 0, { deleteRetentionMs: 0 });
    const result = read(log, 0, 10);
    expect(result.kind === 'records' && result.records.map((r) => r.offset)).toEqual([2, 3, 4]);
    expect(log.logStartOffset).toBe(0);
    expect(log.logEndOffset).toBe(5);
  });

  it('removes a deleted key’s older values at once but keeps the tombstone for delete.retention.ms', () => {
    const log = logOf([['a', 1], ['b', 1], ['a', null], '|', ['z', 0]]);
    compact(log, 1_000, { deleteRetentionMs: 500 });
    expect(view(log)[0]).toEqual(['1:b=1', '2:a=∅']);
    expect(log.segments[0]?.records[1]?.deleteHorizonMs).toBe(1_500);

    compact(log, 1_499, { deleteRetentionMs: 500 });
    expect(view(log)[0]).toEqual(['1:b=1', '2:a=∅']);
    expect(log.segments[0]?.records[1]?.deleteHorizonMs).toBe(1_500);

    const result = compact(log, 1_500, { deleteRetentionMs: 500 });
    expect(view(log)[0]).toEqual(['1:b=1']);
    expect(result).toEqual({ removed: 1, tombstonesRemoved: 1 });
  });

  it('counts the tombstone delay from the cleaning that first kept it, not from when it was written', () => {
    const log = logOf([['a', null], '|', ['z', 0]], 0);
    compact(log, 10_000, { deleteRetentionMs: 500 });
    expect(view(log)[0]).toEqual(['0:a=∅']);
    compact(log, 10_500, { deleteRetentionMs: 500 });
    expect(view(log)[0]).toEqual(['1:z=0']);
  });

  it('lets a value written after a tombstone bring the key back', () => {
    const log = logOf([['a', 1], ['a', null], ['a', 2], '|', ['z', 0]]);
    compact(log, 0, { deleteRetentionMs: 0 });
    expect(view(log)[0]).toEqual(['2:a=2']);
  });

  it('drops records without a key, as the cleaner discards them as invalid', () => {
    const log = logOf([[null, 1], ['a', 1], '|', ['z', 0]]);
    compact(log, 0, { deleteRetentionMs: 0 });
    expect(view(log)[0]).toEqual(['1:a=1']);
  });

  it('drops a closed segment the cleaning emptied and recomputes the newest timestamp of the rest', () => {
    const log = createPartitionLog(0);
    append(log, { key: 'a', value: 1, timestamp: 10 }, 10, config);
    append(log, { key: 'b', value: 1, timestamp: 20 }, 20, config);
    roll(log, 20);
    append(log, { key: 'b', value: 2, timestamp: 5 }, 30, config);
    append(log, { key: 'a', value: 2, timestamp: 40 }, 40, config);
    roll(log, 40);
    append(log, { key: 'z', value: 0 }, 50, config);
    compact(log, 50, { deleteRetentionMs: 0 });
    expect(log.segments.map((s) => s.baseOffset)).toEqual([2, 4]);
    expect(log.segments[0]?.maxTimestamp).toBe(40);
  });

  it('does not rewrite the records it keeps (a tombstone’s horizon is set on a copy)', () => {
    const log = logOf([['a', null], '|', ['z', 0]]);
    const original = log.segments[0]?.records[0];
    compact(log, 0, { deleteRetentionMs: 10 });
    expect(original?.deleteHorizonMs).toBeUndefined();
    expect(log.segments[0]?.records[0]?.deleteHorizonMs).toBe(10);
  });
});
