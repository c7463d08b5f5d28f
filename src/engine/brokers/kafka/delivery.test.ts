import { describe, expect, it } from 'vitest';
import { crash, expireSessions, join, leave } from './consumerGroup';
import { AssignorName, createGroup, type ConsumerGroupState, type GroupConfig } from './groupState';
import { commit } from './offsets';
import { append } from './partitionLog';
import { poll } from './poll';
import { createTopic, type KafkaTopic } from './topic';

// Delivery guarantees are not a setting: they follow from when a consumer commits relative to
// handling. These scenarios run the recipe from docs/kafka.md over the module's API.

const SESSION_TIMEOUT = 10_000;

/** One partition holding orders o0..o4, a group with a member `a` that owns it and an idle `b`. */
function setup(config: Partial<GroupConfig>): { g: ConsumerGroupState; topics: Record<string, KafkaTopic> } {
  const topic = createTopic('orders', 1, 0);
  const log = topic.partitions[0]!;
  for (let i = 0; i < 5; i++)
    append(log, { key: 'customer-1', value: `o${i}` }, 0, { segmentRecords: 100, segmentMs: 1e9 });
  const topics = { orders: topic };
  const g = createGroup('billing', AssignorName.Range, {
    autoOffsetReset: 'earliest',
    sessionTimeoutMs: SESSION_TIMEOUT,
    ...config,
  });
  join(g, topics, { id: 'a', topics: ['orders'] }, 0);
  join(g, topics, { id: 'b', topics: ['orders'] }, 0);
  return { g, topics };
}

const tp = { topic: 'orders', partition: 0 };

/** `a` dies at `at`; the coordinator notices after the session timeout and gives the partition to `b`. */
function crashAndFailOver(g: ConsumerGroupState, topics: Record<string, KafkaTopic>, at: number): void {
  const { sessionExpiresAt } = crash(g, 'a', at);
  expect(sessionExpiresAt).toBe(at + SESSION_TIMEOUT);
  const outcome = expireSessions(g, topics, sessionExpiresAt);
  expect(outcome?.kind).toBe('rebalanced');
  expect(g.assignment.b).toEqual([tp]);
}

describe('at-least-once: handle, then commit', () => {
  it('a record handled but not yet committed when the consumer crashes is handled again by the next owner', () => {
    const { g, topics } = setup({ enableAutoCommit: false });
    const handled: string[] = [];
    for (const { record } of poll(g, topics, 'a', 100).records) {
      handled.push(`a:${String(record.value)}`);
      if (record.offset === 3) break; // o3 is handled; the process dies before committing 4
      commit(g, tp, record.offset + 1, 'a');
    }
    expect(g.committed['orders:0']).toBe(3);
    crashAndFailOver(g, topics, 200);

    for (const { record } of poll(g, topics, 'b', 10_200).records) {
      handled.push(`b:${String(record.value)}`);
      commit(g, tp, record.offset + 1, 'b');
    }
    expect(handled).toEqual(['a:o0', 'a:o1', 'a:o2', 'a:o3', 'b:o3', 'b:o4']);
    expect(handled.filter((h) => h.endsWith('o3'))).toHaveLength(2);
  });

  it('with auto-commit, everything read since the last auto-commit is handled again', () => {
    const { g, topics } = setup({ enableAutoCommit: true, autoCommitIntervalMs: 5_000 });
    const handled = poll(g, topics, 'a', 100).records.map((r) => String(r.record.value));
    expect(g.committed['orders:0']).toBe(0); // the last commit was before these records were read
    crashAndFailOver(g, topics, 1_000);
    handled.push(...poll(g, topics, 'b', 11_000).records.map((r) => String(r.record.value)));
    expect(handled).toEqual(['o0', 'o1', 'o2', 'o3', 'o4', 'o0', 'o1', 'o2', 'o3', 'o4']);
  });
});

describe('at-most-once: commit, then handle', () => {
  it('a record committed but not yet handled when the consumer crashes is never handled', () => {
    const { g, topics } = setup({ enableAutoCommit: false });
    const handled: string[] = [];
    const batch = poll(g, topics, 'a', 100).records;
    const last = batch[batch.length - 1]!;
    commit(g, tp, last.record.offset + 1, 'a'); // commits 5 before handling anything
    for (const { record } of batch) {
      if (record.offset === 2) break; // the process dies while handling o2
      handled.push(String(record.value));
    }
    crashAndFailOver(g, topics, 200);
    handled.push(...poll(g, topics, 'b', 10_200).records.map((r) => String(r.record.value)));
    expect(handled).toEqual(['o0', 'o1']);
    expect(g.positions['orders:0']).toBe(5);
  });
});

describe('a clean shutdown loses nothing and repeats nothing', () => {
  it('because close() auto-commits what was read and LeaveGroup hands the partition over at once', () => {
    const { g, topics } = setup({ enableAutoCommit: true });
    const handled = poll(g, topics, 'a', 100).records.map((r) => String(r.record.value));
    const outcome = leave(g, topics, 'a', 200);
    expect(outcome.kind === 'rebalanced' && outcome.event.commits).toEqual({ 'orders:0': 5 });
    handled.push(...poll(g, topics, 'b', 200).records.map((r) => String(r.record.value)));
    expect(handled).toEqual(['o0', 'o1', 'o2', 'o3', 'o4']);
  });
});
