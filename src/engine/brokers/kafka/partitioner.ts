import { KafkaError, KafkaErrorCode } from './errors';
import { partitionForKey, toPositive } from './murmur2';

/**
 * Where a record without a key goes. Keyed records always go to `murmur2(key) % partitions`.
 * - `round-robin`: one partition after the other, as the Java producer did before 2.4.
 * - `sticky`: stay on one partition for `batchSize` records, then move on, as 2.4+ does per batch
 *   (KIP-480; 3.3+ also weighs brokers by load, KIP-794).
 */
export const UnkeyedPartitioning = { RoundRobin: 'round-robin', Sticky: 'sticky' } as const;
export type UnkeyedPartitioning = (typeof UnkeyedPartitioning)[keyof typeof UnkeyedPartitioning];

export type PartitionerConfig =
  | { readonly unkeyed: typeof UnkeyedPartitioning.RoundRobin }
  | { readonly unkeyed: typeof UnkeyedPartitioning.Sticky; readonly batchSize: number };

/** A topic's producer-side counters; plain data so a snapshot copies it. */
export interface PartitionerState {
  /** Unkeyed records sent round-robin so far (a Java `int`: it wraps). */
  counter: number;
  /** The partition unkeyed records currently stick to. */
  stickyPartition: number;
  /** Unkeyed records sent to `stickyPartition` since it was chosen. */
  stickyCount: number;
}

export function createPartitionerState(): PartitionerState {
  return { counter: 0, stickyPartition: 0, stickyCount: 0 };
}

/**
 * The partition for the next record. Kafka starts the round-robin counter and picks each new sticky
 * partition at random; here both start at 0 and advance by one, so a run needs no random draws.
 */
export function choosePartition(
  state: PartitionerState,
  key: string | null,
  partitions: number,
  config: PartitionerConfig,
): number {
  if (key !== null) return partitionForKey(key, partitions);
  if (!Number.isInteger(partitions) || partitions < 1) {
    throw new KafkaError(KafkaErrorCode.InvalidPartitions, `a topic has at least 1 partition, not ${partitions}`);
  }
  if (config.unkeyed === UnkeyedPartitioning.RoundRobin) {
    const partition = toPositive(state.counter) % partitions;
    state.counter = (state.counter + 1) | 0;
    return partition;
  }
  if (!Number.isInteger(config.batchSize) || config.batchSize < 1) {
    throw new KafkaError(
      KafkaErrorCode.InvalidConfig,
      `the sticky batch size must be a whole number ≥ 1, not ${config.batchSize}`,
    );
  }
  if (state.stickyCount >= config.batchSize) {
    state.stickyPartition = (state.stickyPartition + 1) % partitions;
    state.stickyCount = 0;
  }
  // A topic that lost partitions cannot exist in Kafka, but a flow edit may shrink one here.
  if (state.stickyPartition >= partitions) state.stickyPartition = 0;
  state.stickyCount++;
  return state.stickyPartition;
}
