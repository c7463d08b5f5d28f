import { getOwn } from '../../../lib/ownRecord';
import { KafkaError, KafkaErrorCode } from './errors';
import { findMember, OffsetReset, type ConsumerGroupState, type GroupMember, type StartOffset } from './groupState';
import { highWatermark } from './partitionLog';
import type { Topics } from './topic';
import { tpKey, type TopicPartition } from './topicPartition';

export type CommitResult = { readonly ok: true } | { readonly ok: false; readonly error: string };

/** A live member of the group, or a KafkaError naming the problem. */
export function liveMember(group: ConsumerGroupState, memberId: string): GroupMember {
  const member = findMember(group, memberId);
  if (!member)
    throw new KafkaError(KafkaErrorCode.UnknownMemberId, `${memberId} is not a member of group ${group.groupId}`);
  if (member.crashed)
    throw new KafkaError(KafkaErrorCode.UnknownMemberId, `${memberId} has stopped and cannot act any more`);
  return member;
}

const owns = (group: ConsumerGroupState, memberId: string, key: string): boolean =>
  (getOwn(group.assignment, memberId) ?? []).some((tp) => tpKey(tp) === key);

/**
 * Commits `offset` for a partition: the offset of the NEXT record to read, as Kafka stores it
 * (after handling offset 41, commit 42). With `memberId`, the commit is refused unless that member
 * owns the partition now, as the coordinator refuses one from a member of an older generation.
 */
export function commit(group: ConsumerGroupState, tp: TopicPartition, offset: number, memberId?: string): CommitResult {
  if (!Number.isInteger(offset) || offset < 0)
    return { ok: false, error: `an offset is a whole number ≥ 0, not ${offset}` };
  const key = tpKey(tp);
  if (memberId !== undefined && !owns(group, memberId, key)) {
    return {
      ok: false,
      error:
        'Commit cannot be completed since the group has already rebalanced and assigned the partitions to another member.',
    };
  }
  group.committed[key] = offset;
  return { ok: true };
}

/** `consumer.commitSync()`: commits the position of every partition the member owns; returns what it committed. */
export function commitPositions(group: ConsumerGroupState, memberId: string): Record<string, number> {
  const commits: Record<string, number> = {};
  for (const tp of getOwn(group.assignment, memberId) ?? []) {
    const key = tpKey(tp);
    const position = group.positions[key];
    if (position === undefined) continue;
    group.committed[key] = position;
    commits[key] = position;
  }
  return commits;
}

/**
 * The consumer's auto-commit, run at the start of `poll`: once `autoCommitIntervalMs` has passed it
 * commits the positions reached by the previous polls. Returns what it committed, or null.
 */
export function maybeAutoCommit(
  group: ConsumerGroupState,
  memberId: string,
  now: number,
): Record<string, number> | null {
  const member = liveMember(group, memberId);
  if (!group.config.enableAutoCommit || now < member.nextAutoCommitAt) return null;
  member.nextAutoCommitAt = now + group.config.autoCommitIntervalMs;
  return commitPositions(group, memberId);
}

/** Where a partition newly assigned to a member starts: the committed offset, else auto.offset.reset. */
export function startingOffset(group: ConsumerGroupState, topics: Topics, tp: TopicPartition): StartOffset {
  const committed = group.committed[tpKey(tp)];
  if (committed !== undefined) return { offset: committed, from: 'committed' };
  const log = getOwn(topics, tp.topic)?.partitions[tp.partition];
  const policy = group.config.autoOffsetReset;
  if (!log) return { offset: 0, from: policy };
  return { offset: policy === OffsetReset.Earliest ? log.logStartOffset : highWatermark(log), from: policy };
}
