import { KafkaDefaults } from './defaults';
import type { Assignment } from './topicPartition';

/** `partition.assignment.strategy`: which assignor the group's leader runs. */
export const AssignorName = {
  Range: 'range',
  RoundRobin: 'roundrobin',
  CooperativeSticky: 'cooperative-sticky',
} as const;
export type AssignorName = (typeof AssignorName)[keyof typeof AssignorName];

/** Eager: every member gives up everything at each rebalance. Cooperative: only what moves. */
export const RebalanceProtocol = { Eager: 'eager', Cooperative: 'cooperative' } as const;
export type RebalanceProtocol = (typeof RebalanceProtocol)[keyof typeof RebalanceProtocol];

/** `auto.offset.reset`: where a partition with no valid committed offset starts. */
export const OffsetReset = { Earliest: 'earliest', Latest: 'latest' } as const;
export type OffsetReset = (typeof OffsetReset)[keyof typeof OffsetReset];

export const RebalanceReason = {
  MemberJoined: 'member-joined',
  MemberLeft: 'member-left',
  SessionExpired: 'session-expired',
  /** A subscribed topic gained partitions (the leader notices on its next metadata refresh). */
  PartitionsChanged: 'partitions-changed',
  /** Cooperative: the rebalance that hands out partitions revoked in the previous one. */
  FollowUp: 'cooperative-follow-up',
} as const;
export type RebalanceReason = (typeof RebalanceReason)[keyof typeof RebalanceReason];

export interface GroupConfig {
  readonly autoOffsetReset: OffsetReset;
  /** `enable.auto.commit`: commit positions every `autoCommitIntervalMs`, before a rebalance and on leaving. */
  readonly enableAutoCommit: boolean;
  readonly autoCommitIntervalMs: number;
  /** `session.timeout.ms`: how long the coordinator waits for a silent member before removing it. */
  readonly sessionTimeoutMs: number;
}

export interface GroupMember {
  readonly id: string;
  /** The topics it subscribes to. */
  readonly topics: readonly string[];
  readonly joinedAt: number;
  /** When the next poll auto-commits (the consumer's auto-commit timer). */
  nextAutoCommitAt: number;
  /** Set when the member stopped without leaving: it polls and commits no more, and keeps its partitions until its session expires. */
  crashed?: { readonly at: number; readonly sessionExpiresAt: number };
}

/** A rebalance that has to wait: a member that stopped without leaving never rejoins, so the group waits for its session to expire. */
interface PendingRebalance {
  readonly reason: RebalanceReason;
  readonly since: number;
  readonly member?: string;
}

/** One consumer group, as the coordinator and its members know it. Plain data. */
export interface ConsumerGroupState {
  readonly groupId: string;
  assignor: AssignorName;
  config: GroupConfig;
  /** Bumped by every completed rebalance. */
  generation: number;
  /** Sorted by id. */
  members: GroupMember[];
  /** Member id → partitions; members beyond the partition count have an empty list. */
  assignment: Assignment;
  /** `"topic:partition"` → the offset of the NEXT record to read, as Kafka commits it. */
  committed: Record<string, number>;
  /** `"topic:partition"` → the owning consumer's fetch position (its next offset). */
  positions: Record<string, number>;
  pendingRebalance: PendingRebalance | null;
  /** Partition count of each subscribed topic at the last rebalance: a difference means one is due. */
  partitionCounts: Record<string, number>;
}

/** Where a newly assigned partition starts reading. */
export interface StartOffset {
  readonly offset: number;
  readonly from: 'committed' | OffsetReset;
}

/** What a rebalance did, for the step log and the UI. */
export interface RebalanceEvent {
  readonly groupId: string;
  readonly generation: number;
  readonly reason: RebalanceReason;
  /** The member whose join, leave or expiry caused it. */
  readonly member?: string;
  readonly at: number;
  readonly protocol: RebalanceProtocol;
  readonly before: Assignment;
  readonly after: Assignment;
  /** Cooperative: where partitions go once the follow-up rebalance has run (equals `after` when none is needed). */
  readonly target: Assignment;
  /** Per remaining member, what `onPartitionsRevoked` gets: everything it had (eager) or what it loses (cooperative). */
  readonly revoked: Assignment;
  /** Per remaining member, what `onPartitionsAssigned` gets: its whole new list (eager) or what it gains (cooperative). */
  readonly assigned: Assignment;
  /** Offsets committed as part of this rebalance (auto-commit before rejoining, or on leaving). */
  readonly commits: Readonly<Record<string, number>>;
  /** Where each newly assigned partition starts. */
  readonly startOffsets: Readonly<Record<string, StartOffset>>;
  /** Cooperative: partitions were revoked that others wait for; run `rebalance(..., 'cooperative-follow-up')`. */
  readonly followUpRequired: boolean;
}

export function createGroup(
  groupId: string,
  assignor: AssignorName,
  config: Partial<GroupConfig> = {},
): ConsumerGroupState {
  return {
    groupId,
    assignor,
    config: {
      autoOffsetReset: config.autoOffsetReset ?? KafkaDefaults.autoOffsetReset,
      enableAutoCommit: config.enableAutoCommit ?? KafkaDefaults.enableAutoCommit,
      autoCommitIntervalMs: config.autoCommitIntervalMs ?? KafkaDefaults.autoCommitIntervalMs,
      sessionTimeoutMs: config.sessionTimeoutMs ?? KafkaDefaults.sessionTimeoutMs,
    },
    generation: 0,
    members: [],
    assignment: {},
    committed: {},
    positions: {},
    pendingRebalance: null,
    partitionCounts: {},
  };
}

export function protocolOf(assignor: AssignorName): RebalanceProtocol {
  return assignor === AssignorName.CooperativeSticky ? RebalanceProtocol.Cooperative : RebalanceProtocol.Eager;
}

export function findMember(group: ConsumerGroupState, memberId: string): GroupMember | undefined {
  // A loop, not find(): every poll asks, twice.
  for (const member of group.members) if (member.id === memberId) return member;
  return undefined;
}
