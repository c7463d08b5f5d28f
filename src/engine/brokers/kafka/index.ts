export { partitionKey, tpKey, type Assignment } from './topicPartition';
export { partitionForKey } from './murmur2';
export { firstRecordFrom, highWatermark, type KafkaRecord } from './partitionLog';
export { applyRetention } from './retention';
export { compact } from './compaction';
export { addPartitions, createTopic, produce, type KafkaTopic, type TopicConfig } from './topic';
export { createGroup, RebalanceReason, type ConsumerGroupState } from './groupState';
export { commit } from './offsets';
export {
  crash,
  expireSessions,
  join,
  leave,
  partitionCountsChanged,
  rebalance,
  type GroupOutcome,
} from './consumerGroup';
export { pollOne } from './poll';
export { lag, resetOffsets, type ResetTarget } from './adminOffsets';
