import { describe, expect, it } from 'vitest';
import { compact } from './compaction';
import { crash, expireSessions, join } from './consumerGroup';
import { AssignorName, createGroup, type ConsumerGroupState } from './groupState';
import { UnkeyedPartitioning } from './partitioner';
import { poll } from './poll';
import { applyRetention } from './retention';
import { createTopic, produce, type KafkaTopic, type TopicConfig } from './topic';

const config: TopicConfig = {
  segmentRecords: 4,
  segmentMs: 1e9,
  partitioner: { unkeyed: UnkeyedPartitioning.Sticky, batchSize: 3 },
};

/** A little run: a member joins, records flow, that member crashes and expires, logs are cleaned. Returns what it observed. */
function run(topics: Record<string, KafkaTopic>, g: ConsumerGroupState, from: number): unknown[] {
  const seen: unknown[] = [join(g, topics, { id: `m${from}`, topics: ['t'] }, from * 100)];
  for (let t = from; t < from + 40; t++) {
    const topic = topics.t!;
    produce(topic, { key: t % 3 === 0 ? null : `k${t % 5}`, value: t }, t * 100, config);
    if (t % 4 === 0)
      for (const id of g.members.filter((m) => !m.crashed).map((m) => m.id)) seen.push(poll(g, topics, id, t * 100, 3));
    if (t === from + 10) crash(g, `m${from}`, t * 100);
    seen.push(expireSessions(g, topics, t * 100) ?? null);
    if (t % 10 !== 0) continue;
    for (const log of topic.partitions) {
      seen.push(
        applyRetention(log, t * 100, { retentionRecords: 6 }),
        compact(log, t * 100, { deleteRetentionMs: 500 }),
      );
    }
  }
  return seen;
}

describe('state is plain data', () => {
  it('a structuredClone snapshot continues exactly as the original does', () => {
    const topics = { t: createTopic('t', 3, 0) };
    const g = createGroup('g', AssignorName.CooperativeSticky, {
      sessionTimeoutMs: 1_000,
      autoOffsetReset: 'earliest',
    });
    join(g, topics, { id: 'a', topics: ['t'] }, 0);
    join(g, topics, { id: 'b', topics: ['t'] }, 0);
    run(topics, g, 0);

    const snapshot = structuredClone({ topics, g });
    const original = run(topics, g, 40);
    const replayed = run(snapshot.topics, snapshot.g, 40);
    expect(replayed).toEqual(original);
    expect(snapshot).toEqual({ topics, g });
    expect(JSON.parse(JSON.stringify({ topics, g }))).toEqual({ topics, g });
  });
});
