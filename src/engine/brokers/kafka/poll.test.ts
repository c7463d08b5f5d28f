import { describe, expect, it } from 'vitest';
import { join } from './consumerGroup';
import { AssignorName, createGroup, type ConsumerGroupState, type GroupConfig } from './groupState';
import { append } from './partitionLog';
import { poll, pollOne } from './poll';
import { applyRetention } from './retention';
import { createTopic, type KafkaTopic } from './topic';

const logConfig = { segmentRecords: 2, segmentMs: 1e9 };

function setup(partitions: number, perPartition: number, config: Partial<GroupConfig> = {}) {
  const topic = createTopic('t', partitions, 0);
  topic.partitions.forEach((log, p) => {
    for (let i = 0; i < perPartition; i++) append(log, { key: `k${p}`, value: `${p}-${i}` }, i, logConfig);
  });
  const topics: Record<string, KafkaTopic> = { t: topic };
  const g = createGroup('g', AssignorName.Range, { autoOffsetReset: 'earliest', enableAutoCommit: false, ...config });
  join(g, topics, { id: 'a', topics: ['t'] }, 0);
  return { g, topics };
}

describe('poll', () => {
  it('returns the records after each position and advances the positions past them', () => {
    const { g, topics } = setup(2, 3);
    const result = poll(g, topics, 'a', 0);
    expect(result.records.map((r) => `${r.partition}@${r.record.offset}`)).toEqual([
      '0@0',
      '0@1',
      '0@2',
      '1@0',
      '1@1',
      '1@2',
    ]);
    expect(g.positions).toEqual({ 't:0': 3, 't:1': 3 });
    expect(poll(g, topics, 'a', 1).records).toEqual([]);
  });

  it('returns at most max.poll.records, taking partitions in order', () => {
    const { g, topics } = setup(2, 3);
    expect(poll(g, topics, 'a', 0, 4).records.map((r) => `${r.partition}@${r.record.offset}`)).toEqual([
      '0@0',
      '0@1',
      '0@2',
      '1@0',
    ]);
    expect(g.positions).toEqual({ 't:0': 3, 't:1': 1 });
  });

  it('does not commit: positions and committed offsets are different things', () => {
    const { g, topics } = setup(1, 3);
    poll(g, topics, 'a', 0);
    expect(g.positions['t:0']).toBe(3);
    expect(g.committed).toEqual({});
  });

  it('resets a position that retention deleted to the log start with auto.offset.reset=earliest', () => {
    const { g, topics } = setup(1, 6);
    applyRetention(topics.t!.partitions[0]!, 1_000, { retentionRecords: 2 });
    const result = poll(g, topics, 'a', 1_000);
    expect(result.resets).toEqual([{ topic: 't', partition: 0, from: 0, to: 4, policy: 'earliest' }]);
    expect(result.records.map((r) => r.record.offset)).toEqual([4, 5]);
  });

  it('resets it to the log end with auto.offset.reset=latest, skipping what is left', () => {
    const { g, topics } = setup(1, 6, { autoOffsetReset: 'latest' });
    g.positions['t:0'] = 0;
    applyRetention(topics.t!.partitions[0]!, 1_000, { retentionRecords: 2 });
    const result = poll(g, topics, 'a', 1_000);
    expect(result.resets).toEqual([{ topic: 't', partition: 0, from: 0, to: 6, policy: 'latest' }]);
    expect(result.records).toEqual([]);
  });

  it('resets a committed offset that retention has passed when the partition is assigned', () => {
    const topic = createTopic('t', 1, 0);
    for (let i = 0; i < 6; i++) append(topic.partitions[0]!, { key: 'k', value: i }, i, logConfig);
    applyRetention(topic.partitions[0]!, 1_000, { retentionRecords: 2 });
    const g = createGroup('g', AssignorName.Range, { autoOffsetReset: 'earliest' });
    g.committed['t:0'] = 1;
    join(g, { t: topic }, { id: 'a', topics: ['t'] }, 1_000);
    expect(g.positions['t:0']).toBe(1);
    const result = poll(g, { t: topic }, 'a', 1_000);
    expect(result.resets[0]).toMatchObject({ from: 1, to: 4 });
    expect(result.records.map((r) => r.record.offset)).toEqual([4, 5]);
  });

  it('refuses a member that is not in the group', () => {
    const { g, topics } = setup(1, 1);
    expect(() => poll(g, topics, 'ghost', 0)).toThrow(/not a member/);
  });
});

describe('pollOne is poll(…, 1) without the lists', () => {
  /** Polls two copies of the same group, one each way, until both are drained, comparing every answer and the positions. */
  function drainBoth(make: () => { g: ConsumerGroupState; topics: Record<string, KafkaTopic> }, now: number): number[] {
    const a = make();
    const b = make();
    const seen: number[] = [];
    for (let i = 0; i < 50; i++) {
      const listed = poll(a.g, a.topics, 'a', now + i, 1);
      const one = pollOne(b.g, b.topics, 'a', now + i);
      const first = listed.records[0];
      expect(one && { topic: one.topic, partition: one.partition, record: one.record }).toEqual(first);
      if (one) expect(one.autoCommitted).toEqual(listed.autoCommitted);
      expect(b.g.positions).toEqual(a.g.positions);
      expect(b.g.committed).toEqual(a.g.committed);
      if (!first) break;
      seen.push(first.record.offset);
    }
    return seen;
  }

  it('takes partitions in order, one record at a time', () => {
    expect(drainBoth(() => setup(2, 3), 0)).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it('resets a position retention deleted, to the log start or the log end', () => {
    const earliest = () => {
      const s = setup(1, 6);
      applyRetention(s.topics.t!.partitions[0]!, 1_000, { retentionRecords: 2 });
      return s;
    };
    expect(drainBoth(earliest, 1_000)).toEqual([4, 5]);
    const latest = () => {
      const s = setup(1, 6, { autoOffsetReset: 'latest' });
      s.g.positions['t:0'] = 0;
      applyRetention(s.topics.t!.partitions[0]!, 1_000, { retentionRecords: 2 });
      return s;
    };
    expect(drainBoth(latest, 1_000)).toEqual([]);
  });

  it('skips offsets compaction removed, and auto-commits as poll does', () => {
    const gaps = () => {
      const s = setup(1, 0, { enableAutoCommit: true, autoCommitIntervalMs: 2 });
      const log = s.topics.t!.partitions[0]!;
      for (let i = 0; i < 6; i++) append(log, { key: `k${i}`, value: i }, i, logConfig);
      // As the cleaner does: a segment's records replaced by the ones kept.
      log.segments[0]!.records = [log.segments[0]!.records[1]!];
      log.segments[1]!.records = [];
      return s;
    };
    expect(drainBoth(gaps, 10)).toEqual([1, 4, 5]);
  });

  it('refuses a member that is not in the group', () => {
    const { g, topics } = setup(1, 1);
    expect(() => pollOne(g, topics, 'ghost', 0)).toThrow(/not a member/);
  });
});
