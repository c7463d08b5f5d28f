import { describe, expect, it } from 'vitest';
import { KafkaError } from './errors';
import { partitionForKey } from './murmur2';
import { UnkeyedPartitioning } from './partitioner';
import { addPartitions, createTopic, produce, type TopicConfig } from './topic';

const config: TopicConfig = {
  segmentRecords: 100,
  segmentMs: 1e9,
  partitioner: { unkeyed: UnkeyedPartitioning.RoundRobin },
};

describe('a topic', () => {
  it('has at least one partition, each an empty log', () => {
    const topic = createTopic('orders', 3, 0);
    expect(topic.partitions.map((p) => p.logEndOffset)).toEqual([0, 0, 0]);
    expect(() => createTopic('orders', 0, 0)).toThrow(KafkaError);
  });

  it('puts every record of one key on one partition, in order, with offsets counted per partition', () => {
    const topic = createTopic('orders', 3, 0);
    const produced = ['order-1', 'order-2', 'order-1', 'order-3', 'order-1'].map((key, i) =>
      produce(topic, { key, value: i }, i, config),
    );
    expect(produced.map((p) => [p.partition, p.record.offset])).toEqual([
      [1, 0],
      [0, 0],
      [1, 1],
      [0, 1],
      [1, 2],
    ]);
    expect(topic.partitions[1]?.segments[0]?.records.map((r) => r.value)).toEqual([0, 2, 4]);
  });

  it('spreads records without a key with the configured strategy', () => {
    const topic = createTopic('clicks', 2, 0);
    const sticky: TopicConfig = { ...config, partitioner: { unkeyed: UnkeyedPartitioning.Sticky, batchSize: 2 } };
    expect([0, 1, 2, 3, 4].map((i) => produce(topic, { key: null, value: i }, i, sticky).partition)).toEqual([
      0, 0, 1, 1, 0,
    ]);
  });
});

describe('raising the partition count while running', () => {
  it('adds empty partitions and keeps the old ones as they are', () => {
    const topic = createTopic('orders', 2, 0);
    produce(topic, { key: 'a', value: 1 }, 0, config);
    addPartitions(topic, 4, 10);
    expect(topic.partitions).toHaveLength(4);
    expect(topic.partitions.map((p) => p.logEndOffset).reduce((a, b) => a + b)).toBe(1);
  });

  it('moves some existing keys to other partitions, as Kafka does: order per key holds only within a partition', () => {
    const keys = Array.from({ length: 50 }, (_, i) => `customer-${i}`);
    const topic = createTopic('orders', 3, 0);
    const before = keys.map((key) => produce(topic, { key, value: 'v1' }, 0, config).partition);
    addPartitions(topic, 6, 1);
    const after = keys.map((key) => produce(topic, { key, value: 'v2' }, 2, config).partition);
    expect(after).toEqual(keys.map((key) => partitionForKey(key, 6)));
    const moved = keys.filter((_, i) => before[i] !== after[i]);
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.length).toBeLessThan(keys.length);
    // 'customer-42' sat on partition 0 of 3 and now goes to partition 3 of 6.
    expect([before[42], after[42]]).toEqual([0, 3]);
  });

  it('refuses to lower the count or keep it the same', () => {
    const topic = createTopic('orders', 3, 0);
    expect(() => addPartitions(topic, 2, 0)).toThrow(/higher than the requested 2/);
    expect(() => addPartitions(topic, 3, 0)).toThrow(/already has 3 partitions/);
  });
});
