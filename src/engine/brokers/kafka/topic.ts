import { KafkaError, KafkaErrorCode } from './errors';
import { choosePartition, createPartitionerState, type PartitionerConfig, type PartitionerState } from './partitioner';
import {
  append,
  createPartitionLog,
  type KafkaRecord,
  type LogConfig,
  type PartitionLog,
  type RecordInput,
} from './partitionLog';

/** A topic: its partitions' logs and the producer's partitioner counters. Plain data. */
export interface KafkaTopic {
  readonly name: string;
  partitions: PartitionLog[];
  partitioner: PartitionerState;
}

/** Topic name → topic: what the group operations read partition counts and offsets from. */
export type Topics = Readonly<Record<string, KafkaTopic>>;

export interface TopicConfig extends LogConfig {
  readonly partitioner: PartitionerConfig;
}

function checkCount(count: number): void {
  if (!Number.isInteger(count) || count < 1) {
    throw new KafkaError(KafkaErrorCode.InvalidPartitions, `a topic has at least 1 partition, not ${count}`);
  }
}

export function createTopic(name: string, partitionCount: number, now: number): KafkaTopic {
  checkCount(partitionCount);
  return {
    name,
    partitions: Array.from({ length: partitionCount }, () => createPartitionLog(now)),
    partitioner: createPartitionerState(),
  };
}

export interface Produced {
  readonly partition: number;
  readonly record: KafkaRecord;
}

/** Picks the partition (murmur2 of the key, or the unkeyed strategy) and appends the record there. */
export function produce(topic: KafkaTopic, input: RecordInput, now: number, config: TopicConfig): Produced {
  const partition = choosePartition(topic.partitioner, input.key, topic.partitions.length, config.partitioner);
  const log = topic.partitions[partition];
  if (!log) throw new KafkaError(KafkaErrorCode.InvalidPartitions, `${topic.name} has no partition ${partition}`);
  return { partition, record: append(log, input, now, config) };
}

/**
 * Raises the partition count, as `kafka-topics --alter --partitions`. Kafka cannot lower it. Keys
 * hash over the new count, so a key may now land on another partition: per-key order holds only
 * within each partition.
 */
export function addPartitions(topic: KafkaTopic, newCount: number, now: number): void {
  checkCount(newCount);
  if (newCount === topic.partitions.length) {
    throw new KafkaError(KafkaErrorCode.InvalidPartitions, `Topic already has ${newCount} partitions.`);
  }
  if (newCount < topic.partitions.length) {
    throw new KafkaError(
      KafkaErrorCode.InvalidPartitions,
      `Topic currently has ${topic.partitions.length} partitions, which is higher than the requested ${newCount}.`,
    );
  }
  while (topic.partitions.length < newCount) topic.partitions.push(createPartitionLog(now));
}
