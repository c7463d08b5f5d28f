export { KafkaError, KafkaErrorCode } from './errors';
export { KafkaDefaults } from './defaults';
export {
  compareIds,
  compareTopicPartitions,
  parseTpKey,
  partitionKey,
  partitionsOf,
  sortedAssignment,
  tpKey,
  type Assignment,
  type TopicPartition,
} from './topicPartition';
export { murmur2, murmur2OfString, partitionForKey, toPositive, utf8 } from './murmur2';
export { choosePartition, createPartitionerState, UnkeyedPartitioning, type PartitionerConfig, type PartitionerState } from './partitioner';
export {
  activeSegment,
  append,
  CleanupPolicy,
  createPartitionLog,
  firstRecordFrom,
  highWatermark,
  isCompacted,
  offsetForTimestamp,
  read,
  recordCount,
  roll,
  type KafkaRecord,
  type LogConfig,
  type LogSegment,
  type PartitionLog,
  type ReadResult,
  type RecordInput,
} from './partitionLog';
export { applyRetention, type RetentionConfig, type RetentionResult } from './retention';
export { compact, type CompactionConfig, type CompactionResult } from './compaction';
export { addPartitions, createTopic, produce, type KafkaTopic, type Produced, type TopicConfig, type Topics } from './topic';
export { emptyAssignment, range, roundRobin, type AssignorFn, type Subscriptions } from './assignors';
export { cooperativeSticky, type CooperativeAssignment } from './stickyAssignor';
export {
  AssignorName,
  createGroup,
  findMember,
  OffsetReset,
  protocolOf,
  RebalanceProtocol,
  RebalanceReason,
  type ConsumerGroupState,
  type GroupConfig,
  type GroupMember,
  type PendingRebalance,
  type RebalanceEvent,
  type StartOffset,
} from './groupState';
export { commit, commitPositions, liveMember, maybeAutoCommit, startingOffset, type CommitResult } from './offsets';
export {
  crash,
  expireSessions,
  groupStatus,
  GroupStatus,
  join,
  leave,
  nextSessionExpiry,
  partitionCountsChanged,
  rebalance,
  type GroupOutcome,
  type JoinRequest,
} from './consumerGroup';
export { poll, pollOne, type PolledOne, type PolledRecord, type PollResult, type PositionReset } from './poll';
export { lag, resetOffsets, type GroupLag, type PartitionLag, type ResetResult, type ResetTarget } from './adminOffsets';
