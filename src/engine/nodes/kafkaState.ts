import { BoundedCache } from '../../lib/boundedCache';
import { setOwn } from '../../lib/ownRecord';
import type { ConsumerGroupState, KafkaTopic } from '../brokers/kafka';
import type { CloudEvent } from '../cloudEvent';

/** A consumer node's side of its group membership. */
export interface MemberState {
  /** The group it is a member of (its `group` setting when it joined). */
  group: string;
  /** The id it has in its group now; a restart joins with a new one, as Kafka's dynamic membership does. */
  memberId: string;
  incarnation: number;
  crashed: boolean;
  /** A fetch is already scheduled, so an append need not wake it again. */
  scheduled: boolean;
  /** Commit-before mode: a record fetched and committed, waiting to be handled. */
  inflight?: {
    readonly topic: string;
    readonly partition: number;
    readonly offset: number;
    readonly event: CloudEvent;
  };
}

/** The Kafka side of a run: topic logs by topic node id, groups by group id, members by node id. Plain data. */
export interface KafkaState {
  topics: Record<string, KafkaTopic>;
  groups: Record<string, ConsumerGroupState>;
  members: Record<string, MemberState>;
}

export function emptyKafkaState(): KafkaState {
  return { topics: {}, groups: {}, members: {} };
}

// Bounded: every restart of a consumer makes a new member id, so a long run would grow it without end.
const nodesOfMembers = new BoundedCache<string, string>(4096);

/** The node id of a member id ("consumer-1#2" → "consumer-1"); remembered, as wakes ask on every append. */
export function memberNode(memberId: string): string {
  let node = nodesOfMembers.get(memberId);
  if (node === undefined) {
    node = memberId.slice(0, memberId.lastIndexOf('#'));
    nodesOfMembers.set(memberId, node);
  }
  return node;
}

/**
 * A copy for a snapshot that shares closed segments' record arrays: records are never changed once
 * appended and the cleaner assigns new arrays, so sharing keeps a snapshot's cost bounded by the
 * active segments, not the whole log.
 */
export function copyKafkaState(kafka: KafkaState): KafkaState {
  const topics: Record<string, KafkaTopic> = {};
  for (const [id, topic] of Object.entries(kafka.topics)) {
    // Same key order as the originals, so a copy serialises exactly like the state it copies.
    setOwn(topics, id, {
      name: topic.name,
      partitions: topic.partitions.map((log) => ({
        segments: log.segments.map((s, i) => ({
          ...s,
          records: i === log.segments.length - 1 ? s.records.slice() : s.records,
        })),
        logStartOffset: log.logStartOffset,
        logEndOffset: log.logEndOffset,
      })),
      partitioner: { ...topic.partitioner },
    });
  }
  return { topics, groups: structuredClone(kafka.groups), members: structuredClone(kafka.members) };
}
