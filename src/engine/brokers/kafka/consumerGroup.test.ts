import { describe, expect, it } from 'vitest';
import {
  crash,
  expireSessions,
  groupStatus,
  join,
  leave,
  nextSessionExpiry,
  partitionCountsChanged,
  rebalance,
  type GroupOutcome,
} from './consumerGroup';
import { KafkaError } from './errors';
import {
  AssignorName,
  createGroup,
  RebalanceReason,
  type ConsumerGroupState,
  type GroupConfig,
  type RebalanceEvent,
} from './groupState';
import { append } from './partitionLog';
import { poll } from './poll';
import { addPartitions, createTopic, type KafkaTopic } from './topic';
import type { Assignment } from './topicPartition';

/** Topic `t` with `perPartition` records already in each of its partitions. */
function topicT(partitions: number, perPartition = 0): Record<string, KafkaTopic> {
  const topic = createTopic('t', partitions, 0);
  topic.partitions.forEach((log, p) => {
    for (let i = 0; i < perPartition; i++)
      append(log, { key: `k${p}`, value: i }, 0, { segmentRecords: 100, segmentMs: 1e9 });
  });
  return { t: topic };
}

const names = (assignment: Assignment): Record<string, string[]> =>
  Object.fromEntries(Object.entries(assignment).map(([id, list]) => [id, list.map((p) => `${p.topic}${p.partition}`)]));

function rebalanced(outcome: GroupOutcome | undefined): RebalanceEvent {
  if (outcome?.kind !== 'rebalanced') throw new Error(`expected a rebalance, got ${JSON.stringify(outcome)}`);
  return outcome.event;
}

const group = (assignor: AssignorName = AssignorName.Range, config: Partial<GroupConfig> = {}): ConsumerGroupState =>
  createGroup('g', assignor, { sessionTimeoutMs: 10_000, ...config });

describe('joining', () => {
  it('the first member gets every partition in generation 1, starting at auto.offset.reset=latest by default', () => {
    const topics = topicT(3, 4);
    const g = group();
    const event = rebalanced(join(g, topics, { id: 'a', topics: ['t'] }, 100));
    expect(event).toMatchObject({
      generation: 1,
      reason: RebalanceReason.MemberJoined,
      member: 'a',
      at: 100,
      protocol: 'eager',
    });
    expect(names(event.after)).toEqual({ a: ['t0', 't1', 't2'] });
    expect(g.positions).toEqual({ 't:0': 4, 't:1': 4, 't:2': 4 });
    expect(event.startOffsets['t:0']).toEqual({ offset: 4, from: 'latest' });
    expect(groupStatus(g)).toBe('Stable');
  });

  it('with auto.offset.reset=earliest a member with no committed offset starts at the log start', () => {
    const topics = topicT(1, 4);
    topics.t!.partitions[0]!.logStartOffset = 2;
    const g = group(AssignorName.Range, { autoOffsetReset: 'earliest' });
    join(g, topics, { id: 'a', topics: ['t'] }, 0);
    expect(g.positions['t:0']).toBe(2);
  });

  it('a newly assigned partition starts at the group’s committed offset when there is one', () => {
    const topics = topicT(2, 10);
    const g = group();
    g.committed['t:1'] = 7;
    const event = rebalanced(join(g, topics, { id: 'a', topics: ['t'] }, 0));
    expect(g.positions).toEqual({ 't:0': 10, 't:1': 7 });
    expect(event.startOffsets['t:1']).toEqual({ offset: 7, from: 'committed' });
  });

  it('every join is a rebalance that bumps the generation and redistributes partitions (range)', () => {
    const topics = topicT(3);
    const g = group();
    join(g, topics, { id: 'b', topics: ['t'] }, 0);
    const event = rebalanced(join(g, topics, { id: 'a', topics: ['t'] }, 10));
    expect(event.generation).toBe(2);
    expect(names(event.before)).toEqual({ b: ['t0', 't1', 't2'] });
    expect(names(event.after)).toEqual({ a: ['t0', 't1'], b: ['t2'] });
    expect(g.members.map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('members beyond the partition count sit idle with an empty assignment', () => {
    const topics = topicT(2);
    const g = group(AssignorName.RoundRobin);
    for (const id of ['a', 'b', 'c']) join(g, topics, { id, topics: ['t'] }, 0);
    expect(names(g.assignment)).toEqual({ a: ['t0'], b: ['t1'], c: [] });
    expect(poll(g, topics, 'c', 0).records).toEqual([]);
  });

  it('a subscription to a topic that does not exist gets nothing', () => {
    const g = group();
    expect(names(rebalanced(join(g, {}, { id: 'a', topics: ['missing'] }, 0)).after)).toEqual({ a: [] });
  });

  it('refuses a member id already in the group (a restarted consumer gets a new id)', () => {
    const g = group();
    join(g, topicT(1), { id: 'a', topics: ['t'] }, 0);
    expect(() => join(g, topicT(1), { id: 'a', topics: ['t'] }, 0)).toThrow(KafkaError);
  });
});

describe('eager rebalances (range, roundrobin): everyone gives up everything', () => {
  it('revoke every partition of every member and assign each its whole new list', () => {
    const topics = topicT(4);
    const g = group();
    join(g, topics, { id: 'a', topics: ['t'] }, 0);
    const event = rebalanced(join(g, topics, { id: 'b', topics: ['t'] }, 10));
    expect(names(event.revoked)).toEqual({ a: ['t0', 't1', 't2', 't3'], b: [] });
    expect(names(event.assigned)).toEqual({ a: ['t0', 't1'], b: ['t2', 't3'] });
    expect(event.followUpRequired).toBe(false);
  });

  it('restart even the partitions a member keeps from the committed offset: without a commit, records come again', () => {
    const topics = topicT(2, 5);
    const g = group(AssignorName.Range, { enableAutoCommit: false, autoOffsetReset: 'earliest' });
    join(g, topics, { id: 'a', topics: ['t'] }, 0);
    expect(poll(g, topics, 'a', 0).records).toHaveLength(10);
    g.committed['t:0'] = 3;
    join(g, topics, { id: 'b', topics: ['t'] }, 10);
    expect(names(g.assignment)).toEqual({ a: ['t0'], b: ['t1'] });
    expect(g.positions['t:0']).toBe(3);
    expect(poll(g, topics, 'a', 10).records.map((r) => r.record.offset)).toEqual([3, 4]);
  });

  it('with auto-commit on, members commit their positions before rejoining, so nothing is read twice', () => {
    const topics = topicT(2, 5);
    const g = group(AssignorName.Range, { autoOffsetReset: 'earliest' });
    join(g, topics, { id: 'a', topics: ['t'] }, 0);
    poll(g, topics, 'a', 0);
    const event = rebalanced(join(g, topics, { id: 'b', topics: ['t'] }, 10));
    expect(event.commits).toEqual({ 't:0': 5, 't:1': 5 });
    expect(poll(g, topics, 'a', 10).records).toEqual([]);
    expect(poll(g, topics, 'b', 10).records).toEqual([]);
  });
});

describe('cooperative rebalances (cooperative-sticky): only what moves stops', () => {
  it('revoke a moving partition in one rebalance and assign it in a follow-up one', () => {
    const topics = topicT(3, 2);
    const g = group(AssignorName.CooperativeSticky);
    join(g, topics, { id: 'a', topics: ['t'] }, 0);
    const first = rebalanced(join(g, topics, { id: 'b', topics: ['t'] }, 10));
    expect(first).toMatchObject({ generation: 2, protocol: 'cooperative', followUpRequired: true });
    expect(names(first.revoked)).toEqual({ a: ['t2'], b: [] });
    expect(names(first.after)).toEqual({ a: ['t0', 't1'], b: [] });
    expect(names(first.target)).toEqual({ a: ['t0', 't1'], b: ['t2'] });
    expect(groupStatus(g)).toBe('PreparingRebalance');

    const second = rebalanced(rebalance(g, topics, 20, RebalanceReason.FollowUp));
    expect(second).toMatchObject({ generation: 3, reason: 'cooperative-follow-up', followUpRequired: false });
    expect(names(second.assigned)).toEqual({ a: [], b: ['t2'] });
    expect(names(g.assignment)).toEqual({ a: ['t0', 't1'], b: ['t2'] });
    expect(groupStatus(g)).toBe('Stable');
  });

  it('lets members keep their fetch positions on the partitions they keep', () => {
    const topics = topicT(2, 5);
    const g = group(AssignorName.CooperativeSticky, { enableAutoCommit: false, autoOffsetReset: 'earliest' });
    join(g, topics, { id: 'a', topics: ['t'] }, 0);
    poll(g, topics, 'a', 0, 3); // t0 at 3
    const event = rebalanced(join(g, topics, { id: 'b', topics: ['t'] }, 10));
    expect(names(event.after).a).toEqual(['t0']);
    expect(g.positions['t:0']).toBe(3);
    expect(event.startOffsets['t:0']).toBeUndefined();
  });

  it('assigns a departed member’s partitions at once, with no follow-up', () => {
    const topics = topicT(4);
    const g = group(AssignorName.CooperativeSticky);
    join(g, topics, { id: 'a', topics: ['t'] }, 0);
    join(g, topics, { id: 'b', topics: ['t'] }, 0);
    rebalance(g, topics, 0, RebalanceReason.FollowUp);
    const event = rebalanced(leave(g, topics, 'b', 10));
    expect(event.followUpRequired).toBe(false);
    expect(names(event.after)).toEqual({ a: ['t0', 't1', 't2', 't3'] });
    expect(names(event.assigned)).toEqual({ a: ['t2', 't3'] });
  });
});

describe('leaving gracefully', () => {
  it('auto-commits the leaver’s positions and rebalances at once', () => {
    const topics = topicT(2, 3);
    const g = group(AssignorName.Range, { autoOffsetReset: 'earliest' });
    join(g, topics, { id: 'a', topics: ['t'] }, 0);
    join(g, topics, { id: 'b', topics: ['t'] }, 0);
    poll(g, topics, 'b', 0);
    const event = rebalanced(leave(g, topics, 'b', 5));
    expect(event).toMatchObject({ reason: 'member-left', member: 'b', generation: 3 });
    expect(event.commits).toMatchObject({ 't:1': 3 });
    expect(names(event.after)).toEqual({ a: ['t0', 't1'] });
    expect(g.positions['t:1']).toBe(3);
  });

  it('the last member leaving empties the group but keeps its committed offsets', () => {
    const topics = topicT(1, 3);
    const g = group(AssignorName.Range, { autoOffsetReset: 'earliest' });
    join(g, topics, { id: 'a', topics: ['t'] }, 0);
    poll(g, topics, 'a', 0);
    const event = rebalanced(leave(g, topics, 'a', 1));
    expect(event.after).toEqual({});
    expect(groupStatus(g)).toBe('Empty');
    expect(g.committed).toEqual({ 't:0': 3 });
    expect(g.positions).toEqual({});
  });

  it('refuses a member that is not in the group', () => {
    expect(() => leave(group(), topicT(1), 'ghost', 0)).toThrow(/not a member/);
  });
});

describe('a member that crashes', () => {
  it('keeps its partitions, unread, until the coordinator expires its session session.timeout.ms later', () => {
    const topics = topicT(2);
    const g = group();
    join(g, topics, { id: 'a', topics: ['t'] }, 0);
    join(g, topics, { id: 'b', topics: ['t'] }, 0);
    expect(crash(g, 'b', 1_000)).toEqual({ sessionExpiresAt: 11_000 });
    expect(nextSessionExpiry(g)).toBe(11_000);
    expect(names(g.assignment)).toEqual({ a: ['t0'], b: ['t1'] });
    expect(groupStatus(g)).toBe('Stable');
    expect(expireSessions(g, topics, 10_999)).toBeUndefined();

    const event = rebalanced(expireSessions(g, topics, 11_000));
    expect(event).toMatchObject({ reason: 'session-expired', member: 'b', at: 11_000, generation: 3 });
    expect(names(event.after)).toEqual({ a: ['t0', 't1'] });
    expect(names(event.revoked)).toEqual({ a: ['t0'] });
  });

  it('cannot poll, commit or leave any more', () => {
    const topics = topicT(1);
    const g = group();
    join(g, topics, { id: 'a', topics: ['t'] }, 0);
    crash(g, 'a', 0);
    expect(() => poll(g, topics, 'a', 1)).toThrow(/stopped/);
    expect(() => leave(g, topics, 'a', 1)).toThrow(/stopped/);
    expect(() => crash(g, 'a', 1)).toThrow(/stopped/);
  });

  it('makes a join wait: the rebalance completes only when the stopped member’s session expires', () => {
    const topics = topicT(2);
    const g = group();
    join(g, topics, { id: 'a', topics: ['t'] }, 0);
    crash(g, 'a', 1_000);
    const outcome = join(g, topics, { id: 'b', topics: ['t'] }, 2_000);
    expect(outcome).toEqual({ kind: 'waiting', sessionExpiresAt: 11_000, commits: {} });
    expect(groupStatus(g)).toBe('PreparingRebalance');
    expect(names(g.assignment)).toEqual({ a: ['t0', 't1'] });

    const event = rebalanced(expireSessions(g, topics, 11_000));
    expect(event).toMatchObject({ reason: 'member-joined', member: 'b', generation: 2 });
    expect(names(event.after)).toEqual({ b: ['t0', 't1'] });
  });

  it('two crashed members lead to one rebalance, once both sessions have expired', () => {
    const topics = topicT(3);
    const g = group();
    for (const id of ['a', 'b', 'c']) join(g, topics, { id, topics: ['t'] }, 0);
    crash(g, 'a', 0);
    crash(g, 'b', 5_000);
    expect(expireSessions(g, topics, 10_000)).toEqual({ kind: 'waiting', sessionExpiresAt: 15_000, commits: {} });
    expect(g.members.map((m) => m.id)).toEqual(['b', 'c']);
    const event = rebalanced(expireSessions(g, topics, 15_000));
    expect(event.generation).toBe(4);
    expect(names(event.before)).toEqual({ a: ['t0'], b: ['t1'], c: ['t2'] });
    expect(names(event.after)).toEqual({ c: ['t0', 't1', 't2'] });
  });
});

describe('partitions added to a subscribed topic', () => {
  it('are noticed as a metadata change and handed out by the next rebalance', () => {
    const topics = topicT(2);
    const g = group(AssignorName.RoundRobin);
    join(g, topics, { id: 'a', topics: ['t'] }, 0);
    join(g, topics, { id: 'b', topics: ['t'] }, 0);
    expect(partitionCountsChanged(g, topics)).toBe(false);
    addPartitions(topics.t!, 4, 10);
    expect(partitionCountsChanged(g, topics)).toBe(true);
    const event = rebalanced(rebalance(g, topics, 20, RebalanceReason.PartitionsChanged));
    expect(names(event.after)).toEqual({ a: ['t0', 't2'], b: ['t1', 't3'] });
    expect(partitionCountsChanged(g, topics)).toBe(false);
  });

  it('with auto.offset.reset=latest, skip what was written to a new partition before the group picked it up', () => {
    const topics = topicT(1);
    const g = group(AssignorName.Range, { autoOffsetReset: 'latest' });
    join(g, topics, { id: 'a', topics: ['t'] }, 0);
    addPartitions(topics.t!, 2, 10);
    append(topics.t!.partitions[1]!, { key: 'x', value: 'written before the rebalance' }, 11, {
      segmentRecords: 100,
      segmentMs: 1e9,
    });
    rebalance(g, topics, 20, RebalanceReason.PartitionsChanged);
    expect(g.positions['t:1']).toBe(1);
    expect(poll(g, topics, 'a', 20).records).toEqual([]);
  });
});
