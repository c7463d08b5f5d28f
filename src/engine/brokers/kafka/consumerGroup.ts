import { getOwn, setOwn } from '../../../lib/ownRecord';
import { range, roundRobin } from './assignors';
import { KafkaError, KafkaErrorCode } from './errors';
import {
  AssignorName,
  protocolOf,
  RebalanceProtocol,
  RebalanceReason,
  type ConsumerGroupState,
  type RebalanceEvent,
  type StartOffset,
} from './groupState';
import { commitPositions, liveMember, startingOffset } from './offsets';
import { cooperativeSticky } from './stickyAssignor';
import type { Topics } from './topic';
import {
  compareIds,
  partitionsOf,
  sortedAssignment,
  tpKey,
  type Assignment,
  type TopicPartition,
} from './topicPartition';

/** What a membership change led to: a rebalance now, or one that waits for a stopped member's session to expire. */
export type GroupOutcome =
  | { readonly kind: 'rebalanced'; readonly event: RebalanceEvent }
  | {
      readonly kind: 'waiting';
      /** The earliest session expiry: call `expireSessions` then. */
      readonly sessionExpiresAt: number;
      /** Offsets committed by this call (a leaving member's auto-commit). */
      readonly commits: Readonly<Record<string, number>>;
    };

export interface JoinRequest {
  readonly id: string;
  readonly topics: readonly string[];
}

/** Kafka's group states as `kafka-consumer-groups --describe --state` shows them. */
export const GroupStatus = { Empty: 'Empty', Stable: 'Stable', PreparingRebalance: 'PreparingRebalance' } as const;
export type GroupStatus = (typeof GroupStatus)[keyof typeof GroupStatus];

export function groupStatus(group: ConsumerGroupState): GroupStatus {
  if (group.members.length === 0) return GroupStatus.Empty;
  return group.pendingRebalance ? GroupStatus.PreparingRebalance : GroupStatus.Stable;
}

/** The earliest moment the coordinator will expire a stopped member, if any has stopped. */
export function nextSessionExpiry(group: ConsumerGroupState): number | undefined {
  let earliest: number | undefined;
  for (const member of group.members) {
    const expiresAt = member.crashed?.sessionExpiresAt;
    if (expiresAt !== undefined && (earliest === undefined || expiresAt < earliest)) earliest = expiresAt;
  }
  return earliest;
}

function subscribedTopics(group: ConsumerGroupState, topics: Topics): string[] {
  const names = new Set<string>();
  for (const member of group.members) for (const topic of member.topics) if (getOwn(topics, topic)) names.add(topic);
  return [...names].sort(compareIds);
}

function partitionCounts(group: ConsumerGroupState, topics: Topics): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of subscribedTopics(group, topics))
    setOwn(counts, name, getOwn(topics, name)?.partitions.length ?? 0);
  return counts;
}

/** True when a subscribed topic appeared or gained partitions since the last rebalance: the leader would rebalance. */
export function partitionCountsChanged(group: ConsumerGroupState, topics: Topics): boolean {
  const now = partitionCounts(group, topics);
  const before = group.partitionCounts;
  const names = new Set([...Object.keys(now), ...Object.keys(before)]);
  for (const name of names) if (getOwn(now, name) !== getOwn(before, name)) return true;
  return false;
}

const keysOf = (list: readonly TopicPartition[] | undefined): Set<string> => new Set((list ?? []).map(tpKey));
const minus = (
  a: readonly TopicPartition[] | undefined,
  b: readonly TopicPartition[] | undefined,
): TopicPartition[] => {
  const remove = keysOf(b);
  return (a ?? []).filter((tp) => !remove.has(tpKey(tp)));
};

function runAssignor(group: ConsumerGroupState, topics: Topics): { after: Assignment; target: Assignment } {
  const members = group.members.map((m) => m.id);
  const subscriptions = Object.fromEntries(group.members.map((m) => [m.id, m.topics]));
  const partitions = subscribedTopics(group, topics).flatMap((name) =>
    partitionsOf(name, getOwn(topics, name)?.partitions.length ?? 0),
  );
  const previous: Assignment = {};
  for (const id of members) setOwn(previous, id, getOwn(group.assignment, id) ?? []);
  if (group.assignor === AssignorName.CooperativeSticky) {
    const result = cooperativeSticky(members, subscriptions, partitions, previous);
    return { after: sortedAssignment(result.assignment), target: sortedAssignment(result.target) };
  }
  const assign = group.assignor === AssignorName.Range ? range : roundRobin;
  const after = sortedAssignment(assign(members, subscriptions, partitions, previous));
  return { after, target: after };
}

/** Runs one rebalance now. Every member must be live: a stopped one could not rejoin. */
function runRebalance(
  group: ConsumerGroupState,
  topics: Topics,
  now: number,
  reason: RebalanceReason,
  member: string | undefined,
  commits: Record<string, number>,
): RebalanceEvent {
  const protocol = protocolOf(group.assignor);
  // ConsumerCoordinator.onJoinPrepare: with auto-commit on, members commit before they rejoin.
  if (group.config.enableAutoCommit)
    for (const m of group.members) Object.assign(commits, commitPositions(group, m.id));
  const before = sortedAssignment(group.assignment);
  const { after, target } = runAssignor(group, topics);

  const revoked: Assignment = {};
  const assigned: Assignment = {};
  const positions: Record<string, number> = {};
  const startOffsets: Record<string, StartOffset> = {};
  for (const { id } of group.members) {
    const had = getOwn(before, id) ?? [];
    const has = getOwn(after, id) ?? [];
    // Eager members drop every partition, and with it every fetch position, before rejoining.
    setOwn(revoked, id, protocol === RebalanceProtocol.Eager ? [...had] : minus(had, has));
    const gained = protocol === RebalanceProtocol.Eager ? [...has] : minus(has, had);
    setOwn(assigned, id, gained);
    const fresh = keysOf(gained);
    for (const tp of has) {
      const key = tpKey(tp);
      const kept = group.positions[key];
      if (!fresh.has(key) && kept !== undefined) {
        positions[key] = kept;
      } else {
        const start = startingOffset(group, topics, tp);
        positions[key] = start.offset;
        startOffsets[key] = start;
      }
    }
  }

  const followUpRequired =
    protocol === RebalanceProtocol.Cooperative &&
    Object.keys(after).some((id) => minus(getOwn(target, id), getOwn(after, id)).length > 0);
  group.generation++;
  group.assignment = after;
  group.positions = positions;
  group.partitionCounts = partitionCounts(group, topics);
  group.pendingRebalance = followUpRequired ? { reason: RebalanceReason.FollowUp, since: now } : null;
  return {
    groupId: group.groupId,
    generation: group.generation,
    reason,
    ...(member !== undefined ? { member } : {}),
    at: now,
    protocol,
    before,
    // Copies, so the event in the step log never changes with the group.
    after: sortedAssignment(after),
    target: sortedAssignment(target),
    revoked,
    assigned,
    commits,
    startOffsets,
    followUpRequired,
  };
}

/** Rebalances now, or marks the rebalance pending while a stopped member's session has not expired. */
function requestRebalance(
  group: ConsumerGroupState,
  topics: Topics,
  now: number,
  reason: RebalanceReason,
  member: string | undefined,
  commits: Record<string, number>,
): GroupOutcome {
  const waitUntil = nextSessionExpiry(group);
  if (waitUntil !== undefined) {
    group.pendingRebalance ??= { reason, since: now, ...(member !== undefined ? { member } : {}) };
    return { kind: 'waiting', sessionExpiresAt: waitUntil, commits };
  }
  return { kind: 'rebalanced', event: runRebalance(group, topics, now, reason, member, commits) };
}

/**
 * A consumer joins (subscribes and polls). Every join is a rebalance; a member id is never reused
 * (a restarted consumer gets a new one, as dynamic membership does).
 */
export function join(group: ConsumerGroupState, topics: Topics, request: JoinRequest, now: number): GroupOutcome {
  if (group.members.some((m) => m.id === request.id)) {
    throw new KafkaError(KafkaErrorCode.UnknownMemberId, `${request.id} is already a member of group ${group.groupId}`);
  }
  const nextAutoCommitAt = now + group.config.autoCommitIntervalMs;
  group.members.push({ id: request.id, topics: [...request.topics], joinedAt: now, nextAutoCommitAt });
  group.members.sort((a, b) => compareIds(a.id, b.id));
  return requestRebalance(group, topics, now, RebalanceReason.MemberJoined, request.id, {});
}

/**
 * A consumer closes cleanly: it auto-commits its positions (if enabled), sends LeaveGroup, and the
 * group rebalances at once, without waiting for a session timeout.
 */
export function leave(group: ConsumerGroupState, topics: Topics, memberId: string, now: number): GroupOutcome {
  liveMember(group, memberId);
  const commits = group.config.enableAutoCommit ? commitPositions(group, memberId) : {};
  group.members = group.members.filter((m) => m.id !== memberId);
  return requestRebalance(group, topics, now, RebalanceReason.MemberLeft, memberId, commits);
}

/**
 * A consumer stops without leaving (process killed, machine gone). It stops polling, committing and
 * heartbeating; its partitions stay assigned to it, unread, until the coordinator expires its
 * session `sessionTimeoutMs` later. Call `expireSessions` at the returned time.
 */
export function crash(group: ConsumerGroupState, memberId: string, now: number): { readonly sessionExpiresAt: number } {
  const member = liveMember(group, memberId);
  const sessionExpiresAt = now + group.config.sessionTimeoutMs;
  member.crashed = { at: now, sessionExpiresAt };
  return { sessionExpiresAt };
}

/**
 * The coordinator removes members whose session expired by `now` and rebalances once no stopped
 * member is left. Undefined when no session expired yet.
 */
export function expireSessions(group: ConsumerGroupState, topics: Topics, now: number): GroupOutcome | undefined {
  const expired = group.members.filter((m) => m.crashed !== undefined && m.crashed.sessionExpiresAt <= now);
  const first = expired[0];
  if (!first) return undefined;
  group.members = group.members.filter((m) => !expired.includes(m));
  const pending = group.pendingRebalance;
  if (pending && pending.reason !== RebalanceReason.FollowUp) {
    return requestRebalance(group, topics, now, pending.reason, pending.member, {});
  }
  return requestRebalance(group, topics, now, RebalanceReason.SessionExpired, first.id, {});
}

/**
 * A rebalance with no membership change: the cooperative follow-up (when an event says
 * `followUpRequired`) or a subscribed topic gaining partitions (`partitionCountsChanged`).
 */
export function rebalance(
  group: ConsumerGroupState,
  topics: Topics,
  now: number,
  reason: RebalanceReason,
): GroupOutcome {
  return requestRebalance(group, topics, now, reason, undefined, {});
}
