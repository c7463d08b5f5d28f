import { describe, expect, it } from 'vitest';
import type { ConsumerNode, FlowDocument } from '../flow';
import type { Frame, GroupView } from '../protocol';
import { groupsOfTopic } from './consumerGroups';
import { memberStatus } from './groupMembership';
import { parseTopicPartition, sortTopicPartitions } from './topicPartition';

const billing: GroupView = {
  generation: 3,
  assignor: 'range',
  assignment: { b1: ['orders:10', 'orders:2'], b2: [], b3: ['orders:3'] },
  crashed: ['b3'],
  committed: { 'orders:2': 5, 'orders:3': 1 },
  lag: { 'orders:2': 4, 'orders:10': 1, 'orders:3': 7 },
  totalLag: 12,
};

function frame(groups: Record<string, GroupView>): Frame {
  return {
    cursor: 1,
    head: 1,
    time: 0,
    playing: false,
    speed: 1,
    branchId: 'main',
    counters: {},
    edges: {},
    nodeStates: {},
    recent: [],
    topics: {},
    groups,
    queues: {},
    channels: {},
    disconnected: [],
    eventStore: { events: 0, aggregates: {}, subscriptions: {} },
  };
}

const consumer = (id: string, group?: string): ConsumerNode => ({
  id,
  kind: 'consumer',
  name: id,
  latencyMs: 0,
  ...(group ? { group } : {}),
});

describe('consumer group views', () => {
  it('reads "topic:partition" keys and sorts partitions as numbers', () => {
    expect(parseTopicPartition('orders:12')).toEqual({ topic: 'orders', partition: 12 });
    expect(sortTopicPartitions(['orders:10', 'a:3', 'orders:2'])).toEqual(['a:3', 'orders:2', 'orders:10']);
  });

  it('tells a member its partitions, lag and whether it crashed; idle and absent members differ', () => {
    const f = frame({ billing });
    expect(memberStatus(f, consumer('b1', 'billing'))).toEqual({
      groupId: 'billing',
      partitions: 'orders:2 orders:10',
      lag: 5,
      crashed: false,
      generation: 3,
    });
    expect(memberStatus(f, consumer('b2', 'billing'))?.partitions).toBe('');
    expect(memberStatus(f, consumer('b3', 'billing'))).toMatchObject({ crashed: true, lag: 7 });
    expect(memberStatus(f, consumer('b4', 'billing'))?.partitions).toBeNull();
    // Its own group by default, which this frame does not report.
    expect(memberStatus(f, consumer('b1'))).toBeNull();
  });

  it('lists the groups reading a topic', () => {
    const flow: FlowDocument = {
      format: 'tidemark-flow',
      version: 1,
      name: 'x',
      seed: 1,
      nodes: [{ id: 'orders', kind: 'topic', name: 'orders' }, consumer('b1', 'billing'), consumer('solo')],
      edges: [
        { id: 'e1', source: 'orders', target: 'b1' },
        { id: 'e2', source: 'orders', target: 'solo' },
      ],
      schemas: {},
      code: {},
      layout: {},
    };
    expect(
      groupsOfTopic(
        flow,
        frame({ billing, old: { ...billing, assignment: {}, committed: { 'orders:0': 3 } } }),
        'orders',
      ),
    ).toEqual(['billing', 'old', 'solo']);
  });
});
