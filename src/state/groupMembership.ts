import type { SubscriberNode } from '../flow';
import { getOwn } from '../lib/ownRecord';
import type { Frame, GroupView } from '../protocol';
import { sortTopicPartitions } from './topicPartition';

/** group.id of a consumer or projection: by default its own id, so it alone gets every record. */
export function groupIdOf(node: SubscriberNode): string {
  return node.group ?? node.id;
}

/** What a subscriber's card and panel show about its place in its group, all comparable by value. */
export interface MemberStatus {
  readonly groupId: string;
  /** Its partitions as sorted "topic:partition" keys joined by spaces; null when it is not a member (not started, or removed). */
  readonly partitions: string | null;
  /** Lag summed over its partitions. */
  readonly lag: number;
  readonly crashed: boolean;
  readonly generation: number;
}

/** Where a subscriber stands in its group in this frame; null before the engine reports the group. */
export function memberStatus(frame: Frame | null, node: SubscriberNode): MemberStatus | null {
  const groupId = groupIdOf(node);
  // Frames from before consumer groups existed carry no `groups`.
  const group: GroupView | undefined = getOwn(frame?.groups, groupId);
  if (!group) return null;
  const owned = getOwn(group.assignment, node.id);
  const lag = (owned ?? []).reduce((sum, tp) => sum + (group.lag[tp] ?? 0), 0);
  return {
    groupId,
    partitions: owned ? sortTopicPartitions(owned).join(' ') : null,
    lag,
    crashed: group.crashed.includes(node.id),
    generation: group.generation,
  };
}
