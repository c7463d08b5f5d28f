import { describe, expect, it } from 'vitest';
import { partitionForKey } from './murmur2';
import { choosePartition, createPartitionerState, UnkeyedPartitioning, type PartitionerConfig } from './partitioner';

const roundRobin: PartitionerConfig = { unkeyed: UnkeyedPartitioning.RoundRobin };
const sticky = (batchSize: number): PartitionerConfig => ({ unkeyed: UnkeyedPartitioning.Sticky, batchSize });

const unkeyed = (config: PartitionerConfig, partitions: number, count: number): number[] => {
  const state = createPartitionerState();
  return Array.from({ length: count }, () => choosePartition(state, null, partitions, config));
};

describe('keyed records', () => {
  it('go to murmur2(key) % partitions whatever the unkeyed strategy', () => {
    for (const config of [roundRobin, sticky(3)]) {
      const state = createPartitionerState();
      expect(choosePartition(state, 'order-1', 6, config)).toBe(partitionForKey('order-1', 6));
      expect(choosePartition(state, 'order-1', 6, config)).toBe(4);
    }
  });

  it('treat the empty string as a key, not as "no key"', () => {
    expect(choosePartition(createPartitionerState(), '', 12, roundRobin)).toBe(9);
  });

  it('do not move the round-robin counter or the sticky batch', () => {
    const state = createPartitionerState();
    choosePartition(state, null, 3, roundRobin);
    choosePartition(state, 'k', 3, roundRobin);
    expect(choosePartition(state, null, 3, roundRobin)).toBe(1);
    const s = createPartitionerState();
    choosePartition(s, null, 3, sticky(2));
    choosePartition(s, 'k', 3, sticky(2));
    expect(choosePartition(s, null, 3, sticky(2))).toBe(0);
  });
});

describe('records without a key, round-robin (the producer before Kafka 2.4)', () => {
  it('cycle through the partitions one record at a time', () => {
    expect(unkeyed(roundRobin, 3, 7)).toEqual([0, 1, 2, 0, 1, 2, 0]);
  });

  it('all go to partition 0 of a one-partition topic', () => {
    expect(unkeyed(roundRobin, 1, 4)).toEqual([0, 0, 0, 0]);
  });

  it('keep cycling when the Java int counter wraps around', () => {
    const state = { counter: 0x7fffffff, stickyPartition: 0, stickyCount: 0 };
    expect(choosePartition(state, null, 3, roundRobin)).toBe(0x7fffffff % 3);
    expect(state.counter).toBe(-(2 ** 31));
    expect(choosePartition(state, null, 3, roundRobin)).toBe(0);
  });
});

describe('records without a key, sticky (Kafka 2.4+ fills one batch per partition)', () => {
  it('stay on one partition for a batch, then move to the next', () => {
    expect(unkeyed(sticky(3), 3, 10)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 0]);
  });

  it('with a batch of 1 behave like round-robin', () => {
    expect(unkeyed(sticky(1), 4, 5)).toEqual([0, 1, 2, 3, 0]);
  });

  it('reject a batch size below 1', () => {
    expect(() => unkeyed(sticky(0), 3, 1)).toThrow(/batch size/);
  });
});

it('refuses a topic with 0 partitions for keyed and unkeyed records', () => {
  expect(() => choosePartition(createPartitionerState(), null, 0, roundRobin)).toThrow(/at least 1 partition/);
  expect(() => choosePartition(createPartitionerState(), 'k', 0, roundRobin)).toThrow(/at least 1 partition/);
});
