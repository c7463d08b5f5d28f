import { getOwn, setOwn } from '../../../lib/ownRecord';

/** One partition of one topic, as Kafka's `TopicPartition`. */
export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** Member id → the partitions that member owns (an idle member has an empty list). */
export type Assignment = Record<string, TopicPartition[]>;

// Keys are looked up on every fetch and append: each is built once and reused.
const keysByTopic = new Map<string, string[]>();

/** `"topic:partition"` of a topic and a partition number, built once per pair. */
export function partitionKey(topic: string, partition: number): string {
  let keys = keysByTopic.get(topic);
  if (!keys) {
    keys = [];
    keysByTopic.set(topic, keys);
  }
  return (keys[partition] ??= `${topic}:${partition}`);
}

/**
 * `"topic:partition"`: the key of offsets and positions. Topic names cannot hold ':' in Kafka, so
 * no such key is ever the name of an Object.prototype member, and these records are read directly.
 */
export function tpKey(tp: TopicPartition): string {
  return partitionKey(tp.topic, tp.partition);
}

export function parseTpKey(key: string): TopicPartition {
  const colon = key.lastIndexOf(':');
  return { topic: key.slice(0, colon), partition: Number(key.slice(colon + 1)) };
}

/** Orders ids as Java's `String.compareTo` does (UTF-16 code units), which is what the assignors sort by. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** By topic name, then partition number: the order Kafka lays partitions out in. */
export function compareTopicPartitions(a: TopicPartition, b: TopicPartition): number {
  return compareIds(a.topic, b.topic) || a.partition - b.partition;
}

/** Partitions 0..count-1 of a topic. */
export function partitionsOf(topic: string, count: number): TopicPartition[] {
  return Array.from({ length: count }, (_, partition) => ({ topic, partition }));
}

/** A copy with every member's list sorted by (topic, partition) and members in id order. */
export function sortedAssignment(assignment: Readonly<Record<string, readonly TopicPartition[]>>): Assignment {
  const out: Assignment = {};
  for (const id of Object.keys(assignment).sort(compareIds))
    setOwn(out, id, [...(getOwn(assignment, id) ?? [])].sort(compareTopicPartitions));
  return out;
}
