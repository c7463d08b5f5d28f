import { describe, expect, it } from 'vitest';
import { lag, resetOffsets } from './adminOffsets';
import { crash, expireSessions, join, leave } from './consumerGroup';
import { AssignorName, createGroup } from './groupState';
import { append } from './partitionLog';
import { poll } from './poll';
import { applyRetention } from './retention';
import { createTopic, type KafkaTopic } from './topic';

/** Topic t: 2 partitions, records at timestamps 100, 200, …; partition 0 has 6, partition 1 has 3. */
function topicsT(): Record<string, KafkaTopic> {
  const topic = createTopic('t', 2, 0);
  const cfg = { segmentRecords: 2, segmentMs: 1e9 };
  for (let i = 0; i < 6; i++) append(topic.partitions[0]!, { key: 'a', value: i }, (i + 1) * 100, cfg);
  for (let i = 0; i < 3; i++) append(topic.partitions[1]!, { key: 'b', value: i }, (i + 1) * 100, cfg);
  return { t: topic };
}

const inactiveGroup = () => {
  const g = createGroup('billing', AssignorName.Range);
  g.committed = { 't:0': 5, 't:1': 3 };
  return g;
};

describe('resetting a group’s offsets', () => {
  it('is refused while the group has active members, with Kafka’s message', () => {
    const topics = topicsT();
    const g = createGroup('billing', AssignorName.Range);
    join(g, topics, { id: 'a', topics: ['t'] }, 0);
    expect(resetOffsets(g, topics, { to: 'earliest' }, ['t'])).toEqual({
      ok: false,
      error: "Assignments can only be reset if the group 'billing' is inactive, but the current state is Stable.",
    });
  });

  it('is refused while a crashed member’s session has not expired, and allowed once it has', () => {
    const topics = topicsT();
    const g = createGroup('billing', AssignorName.Range, { sessionTimeoutMs: 1_000 });
    join(g, topics, { id: 'a', topics: ['t'] }, 0);
    crash(g, 'a', 0);
    expect(resetOffsets(g, topics, { to: 'earliest' }, ['t']).ok).toBe(false);
    expireSessions(g, topics, 1_000);
    expect(resetOffsets(g, topics, { to: 'earliest' }, ['t'])).toEqual({ ok: true, offsets: { 't:0': 0, 't:1': 0 } });
  });

  it('to earliest is the log start offset, which retention may have moved', () => {
    const topics = topicsT();
    applyRetention(topics.t!.partitions[0]!, 10_000, { retentionRecords: 2 });
    const g = inactiveGroup();
    expect(resetOffsets(g, topics, { to: 'earliest' })).toEqual({ ok: true, offsets: { 't:0': 4, 't:1': 0 } });
    expect(g.committed).toEqual({ 't:0': 4, 't:1': 0 });
  });

  it('to latest is the high watermark', () => {
    const g = inactiveGroup();
    g.committed = { 't:0': 0, 't:1': 0 };
    expect(resetOffsets(g, topicsT(), { to: 'latest' })).toEqual({ ok: true, offsets: { 't:0': 6, 't:1': 3 } });
  });

  it('to an offset clamps it into [log start, log end]', () => {
    expect(resetOffsets(inactiveGroup(), topicsT(), { to: 'offset', offset: 4 })).toEqual({
      ok: true,
      offsets: { 't:0': 4, 't:1': 3 },
    });
    const topics = topicsT();
    applyRetention(topics.t!.partitions[0]!, 10_000, { retentionRecords: 2 });
    expect(resetOffsets(inactiveGroup(), topics, { to: 'offset', offset: 1 })).toEqual({
      ok: true,
      offsets: { 't:0': 4, 't:1': 1 },
    });
  });

  it('to a timestamp is the first record at or after it; past the last record it is the log end', () => {
    expect(resetOffsets(inactiveGroup(), topicsT(), { to: 'timestamp', timestamp: 250 })).toEqual({
      ok: true,
      offsets: { 't:0': 2, 't:1': 2 },
    });
    expect(resetOffsets(inactiveGroup(), topicsT(), { to: 'timestamp', timestamp: 450 })).toEqual({
      ok: true,
      offsets: { 't:0': 4, 't:1': 3 },
    });
  });

  it('then makes the next member replay from the reset point', () => {
    const topics = topicsT();
    const g = createGroup('billing', AssignorName.Range, { autoOffsetReset: 'earliest' });
    join(g, topics, { id: 'a', topics: ['t'] }, 0);
    poll(g, topics, 'a', 0);
    leave(g, topics, 'a', 1);
    expect(g.committed).toEqual({ 't:0': 6, 't:1': 3 });
    resetOffsets(g, topics, { to: 'timestamp', timestamp: 500 });
    join(g, topics, { id: 'a2', topics: ['t'] }, 2);
    expect(poll(g, topics, 'a2', 2).records.map((r) => `${r.partition}@${r.record.offset}`)).toEqual(['0@4', '0@5']);
  });

  it('covers only the named topics, and names an unknown one', () => {
    const topics = { ...topicsT(), u: createTopic('u', 1, 0) };
    const g = inactiveGroup();
    expect(resetOffsets(g, topics, { to: 'earliest' }, ['u'])).toEqual({ ok: true, offsets: { 'u:0': 0 } });
    expect(g.committed['t:0']).toBe(5);
    expect(resetOffsets(g, topics, { to: 'earliest' }, ['nope'])).toEqual({
      ok: false,
      error: 'Topic nope does not exist.',
    });
  });
});

describe('consumer lag', () => {
  it('is high watermark − committed per partition, plus the total', () => {
    const g = inactiveGroup();
    g.committed = { 't:0': 2, 't:1': 3 };
    const result = lag(g, topicsT());
    expect(result.partitions).toEqual([
      { topic: 't', partition: 0, committed: 2, logStartOffset: 0, logEndOffset: 6, lag: 4, owner: null },
      { topic: 't', partition: 1, committed: 3, logStartOffset: 0, logEndOffset: 3, lag: 0, owner: null },
    ]);
    expect(result.total).toBe(4);
  });

  it('counts from the log start when nothing was committed, and names each partition’s owner', () => {
    const topics = topicsT();
    applyRetention(topics.t!.partitions[0]!, 10_000, { retentionRecords: 2 });
    const g = createGroup('g', AssignorName.Range);
    join(g, topics, { id: 'a', topics: ['t'] }, 0);
    const result = lag(g, topics);
    expect(result.partitions.map((p) => [p.committed, p.lag, p.owner])).toEqual([
      [null, 2, 'a'],
      [null, 3, 'a'],
    ]);
    expect(result.total).toBe(5);
  });

  it('grows while a crashed member still holds its partitions', () => {
    const topics = topicsT();
    const g = createGroup('g', AssignorName.Range, { autoOffsetReset: 'latest' });
    join(g, topics, { id: 'a', topics: ['t'] }, 0);
    poll(g, topics, 'a', 5_000);
    crash(g, 'a', 5_000);
    const before = lag(g, topics).total;
    append(topics.t!.partitions[0]!, { key: 'a', value: 'new' }, 6_000, { segmentRecords: 2, segmentMs: 1e9 });
    expect(lag(g, topics).total).toBe(before + 1);
  });
});
