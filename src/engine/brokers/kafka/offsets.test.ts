import { describe, expect, it } from 'vitest';
import { join } from './consumerGroup';
import { AssignorName, createGroup, type ConsumerGroupState } from './groupState';
import { commit, commitPositions, maybeAutoCommit } from './offsets';
import { append } from './partitionLog';
import { poll } from './poll';
import { createTopic, type KafkaTopic } from './topic';

function setup(config: Parameters<typeof createGroup>[2] = {}): {
  g: ConsumerGroupState;
  topics: Record<string, KafkaTopic>;
} {
  const topic = createTopic('t', 2, 0);
  const logConfig = { segmentRecords: 100, segmentMs: 1e9 };
  for (const log of topic.partitions) for (let i = 0; i < 5; i++) append(log, { key: 'k', value: i }, 0, logConfig);
  const topics = { t: topic };
  const g = createGroup('g', AssignorName.Range, { autoOffsetReset: 'earliest', ...config });
  join(g, topics, { id: 'a', topics: ['t'] }, 0);
  join(g, topics, { id: 'b', topics: ['t'] }, 0);
  return { g, topics };
}

describe('commit', () => {
  it('stores the offset of the next record to read', () => {
    const { g } = setup();
    expect(commit(g, { topic: 't', partition: 0 }, 3)).toEqual({ ok: true });
    expect(g.committed['t:0']).toBe(3);
  });

  it('may move a committed offset backwards, as Kafka allows', () => {
    const { g } = setup();
    commit(g, { topic: 't', partition: 0 }, 4);
    commit(g, { topic: 't', partition: 0 }, 1);
    expect(g.committed['t:0']).toBe(1);
  });

  it('is refused for a member that does not own the partition (CommitFailedException)', () => {
    const { g } = setup({ enableAutoCommit: false });
    const result = commit(g, { topic: 't', partition: 1 }, 2, 'a');
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/already rebalanced/) });
    expect(g.committed['t:1']).toBeUndefined();
    expect(commit(g, { topic: 't', partition: 1 }, 2, 'b')).toEqual({ ok: true });
  });

  it('refuses an offset that is not a whole number ≥ 0', () => {
    const { g } = setup();
    expect(commit(g, { topic: 't', partition: 0 }, -1).ok).toBe(false);
    expect(commit(g, { topic: 't', partition: 0 }, 1.5).ok).toBe(false);
  });
});

describe('commitPositions (commitSync with no arguments)', () => {
  it('commits the position of every partition the member owns, and only those', () => {
    const { g, topics } = setup({ enableAutoCommit: false });
    poll(g, topics, 'a', 0, 2);
    expect(commitPositions(g, 'a')).toEqual({ 't:0': 2 });
    expect(g.committed).toEqual({ 't:0': 2 });
  });
});

describe('auto-commit (enable.auto.commit, auto.commit.interval.ms)', () => {
  it('commits nothing before the interval has passed since the member joined', () => {
    const { g, topics } = setup({ autoCommitIntervalMs: 5_000 });
    poll(g, topics, 'a', 1_000);
    expect(maybeAutoCommit(g, 'a', 4_999)).toBeNull();
    // 0 was committed when b's join rebalanced the group; the 5 records read since are not.
    expect(g.committed['t:0']).toBe(0);
    expect(g.positions['t:0']).toBe(5);
  });

  it('commits the current positions once due, then waits another interval', () => {
    const { g, topics } = setup({ autoCommitIntervalMs: 5_000 });
    poll(g, topics, 'a', 1_000, 2);
    expect(maybeAutoCommit(g, 'a', 5_000)).toEqual({ 't:0': 2 });
    poll(g, topics, 'a', 6_000, 1);
    expect(maybeAutoCommit(g, 'a', 9_999)).toBeNull();
    expect(maybeAutoCommit(g, 'a', 10_000)).toEqual({ 't:0': 3 });
  });

  it('runs at the start of poll, so it commits what earlier polls returned, not what this poll returns', () => {
    const { g, topics } = setup({ autoCommitIntervalMs: 5_000 });
    poll(g, topics, 'a', 0, 2);
    const result = poll(g, topics, 'a', 5_000, 2);
    expect(result.autoCommitted).toEqual({ 't:0': 2 });
    expect(result.records.map((r) => r.record.offset)).toEqual([2, 3]);
    expect(g.committed['t:0']).toBe(2);
  });

  it('does nothing when disabled', () => {
    const { g, topics } = setup({ enableAutoCommit: false });
    poll(g, topics, 'a', 0);
    expect(poll(g, topics, 'a', 1e9).autoCommitted).toBeNull();
    expect(g.committed).toEqual({});
  });
});
