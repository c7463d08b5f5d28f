import { describe, expect, it } from 'vitest';
import { join } from './consumerGroup';
import { AssignorName, createGroup, type GroupConfig } from './groupState';
import { append } from './partitionLog';
import { poll } from './poll';
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
    expect(result.records.map((r) => `${r.partition}@${r.record.offset}`)).toEqual(['0@0', '0@1', '0@2', '1@0', '1@1', '1@2']);
    expect(g.positions).toEqual({ 't:0': 3, 't:1': 3 });
    expect(poll(g, topics, 'a', 1).records).toEqual([]);
  });

  it('returns at most max.poll.records, taking partitions in order', () => {
    const { g, topics } = setup(2, 3);
    expect(poll(g, topics, 'a', 0, 4).records.map((r) => `${r.partition}@${r.record.offset}`)).toEqual(['0@0', '0@1', '0@2', '1@0']);
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
