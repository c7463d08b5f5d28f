import { getOwn } from '../../../lib/ownRecord';
import { groupStatus } from './consumerGroup';
import type { ConsumerGroupState } from './groupState';
import { highWatermark, offsetForTimestamp } from './partitionLog';
import type { Topics } from './topic';
import {
  compareIds,
  compareTopicPartitions,
  parseTpKey,
  partitionsOf,
  tpKey,
  type TopicPartition,
} from './topicPartition';

/** Where `kafka-consumer-groups --reset-offsets` moves a group. */
export type ResetTarget =
  | { readonly to: 'earliest' }
  | { readonly to: 'latest' }
  | { readonly to: 'offset'; readonly offset: number }
  | { readonly to: 'timestamp'; readonly timestamp: number };

export type ResetResult =
  | { readonly ok: true; readonly offsets: Readonly<Record<string, number>> }
  | { readonly ok: false; readonly error: string };

/**
 * `kafka-consumer-groups --reset-offsets --execute` for every partition of `topicNames` (default:
 * the topics the group has committed offsets for). Refused while the group has members, a stopped
 * one whose session has not expired included: a running consumer would overwrite the new offsets
 * with its own on its next commit, so Kafka makes you stop the group first. An offset outside the
 * log is clamped to it; a timestamp with no record at or after it resets to the log end.
 */
export function resetOffsets(
  group: ConsumerGroupState,
  topics: Topics,
  target: ResetTarget,
  topicNames?: readonly string[],
): ResetResult {
  if (group.members.length > 0) {
    return {
      ok: false,
      error: `Assignments can only be reset if the group '${group.groupId}' is inactive, but the current state is ${groupStatus(group)}.`,
    };
  }
  const names =
    topicNames ?? [...new Set(Object.keys(group.committed).map((key) => parseTpKey(key).topic))].sort(compareIds);
  const offsets: Record<string, number> = {};
  for (const name of names) {
    const topic = getOwn(topics, name);
    if (!topic) return { ok: false, error: `Topic ${name} does not exist.` };
    topic.partitions.forEach((log, partition) => {
      const start = log.logStartOffset;
      const end = highWatermark(log);
      const offset =
        target.to === 'earliest'
          ? start
          : target.to === 'latest'
            ? end
            : target.to === 'offset'
              ? Math.min(Math.max(target.offset, start), end)
              : offsetForTimestamp(log, target.timestamp);
      offsets[tpKey({ topic: name, partition })] = offset;
    });
  }
  Object.assign(group.committed, offsets);
  return { ok: true, offsets };
}

interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  /** Null when the group never committed for this partition (`kafka-consumer-groups` prints "-"). */
  readonly committed: number | null;
  readonly logStartOffset: number;
  readonly logEndOffset: number;
  /** High watermark − committed, or − log start when nothing is committed. */
  readonly lag: number;
  readonly owner: string | null;
}

export interface GroupLag {
  readonly partitions: readonly PartitionLag[];
  readonly total: number;
}

/** Consumer lag per partition of every topic the group subscribes to or has committed for, and the total. */
export function lag(group: ConsumerGroupState, topics: Topics): GroupLag {
  const names = new Set<string>();
  for (const member of group.members) for (const name of member.topics) names.add(name);
  for (const key of Object.keys(group.committed)) names.add(parseTpKey(key).topic);
  const owners = new Map<string, string>();
  for (const [id, list] of Object.entries(group.assignment)) for (const tp of list) owners.set(tpKey(tp), id);

  const all: TopicPartition[] = [];
  for (const name of names) {
    const topic = getOwn(topics, name);
    if (topic) all.push(...partitionsOf(name, topic.partitions.length));
  }
  const partitions = all.sort(compareTopicPartitions).flatMap((tp): PartitionLag[] => {
    const log = getOwn(topics, tp.topic)?.partitions[tp.partition];
    if (!log) return [];
    const key = tpKey(tp);
    const committed = group.committed[key] ?? null;
    const end = highWatermark(log);
    return [
      {
        topic: tp.topic,
        partition: tp.partition,
        committed,
        logStartOffset: log.logStartOffset,
        logEndOffset: end,
        lag: end - (committed ?? log.logStartOffset),
        owner: owners.get(key) ?? null,
      },
    ];
  });
  return { partitions, total: partitions.reduce((sum, p) => sum + p.lag, 0) };
}
