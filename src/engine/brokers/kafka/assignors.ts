import { getOwn, setOwn } from '../../../lib/ownRecord';
import { compareIds, compareTopicPartitions, type Assignment, type TopicPartition } from './topicPartition';

/** Member id → the topics it subscribes to. */
export type Subscriptions = Readonly<Record<string, readonly string[]>>;

/**
 * What every assignor is given, in Kafka's terms: the group's members, what each subscribes to, the
 * partitions of those topics, and what each member owned before this rebalance.
 */
export type AssignorFn<R> = (
  members: readonly string[],
  subscriptions: Subscriptions,
  partitions: readonly TopicPartition[],
  previous: Readonly<Assignment>,
) => R;

export function emptyAssignment(members: readonly string[]): Assignment {
  const out: Assignment = {};
  for (const id of members) setOwn(out, id, []);
  return out;
}

const subscribes = (subscriptions: Subscriptions, member: string, topic: string): boolean =>
  getOwn(subscriptions, member)?.includes(topic) ?? false;

/** Partitions grouped by topic, each list in partition order. */
function byTopic(partitions: readonly TopicPartition[]): Map<string, TopicPartition[]> {
  const topics = new Map<string, TopicPartition[]>();
  for (const tp of [...partitions].sort(compareTopicPartitions)) {
    const list = topics.get(tp.topic) ?? [];
    list.push(tp);
    topics.set(tp.topic, list);
  }
  return topics;
}

/**
 * RangeAssignor (`range`, the Java consumer's default): topic by topic, partitions in order are cut
 * into contiguous ranges over that topic's subscribers sorted by id; the first `partitions % members`
 * subscribers get one extra. With several topics the same first members get the extras every time.
 */
export const range: AssignorFn<Assignment> = (members, subscriptions, partitions) => {
  const assignment = emptyAssignment(members);
  for (const [topic, topicPartitions] of byTopic(partitions)) {
    const consumers = members.filter((m) => subscribes(subscriptions, m, topic)).sort(compareIds);
    if (consumers.length === 0) continue;
    const perConsumer = Math.floor(topicPartitions.length / consumers.length);
    const withExtra = topicPartitions.length % consumers.length;
    consumers.forEach((consumer, i) => {
      const start = perConsumer * i + Math.min(i, withExtra);
      const length = perConsumer + (i + 1 > withExtra ? 0 : 1);
      getOwn(assignment, consumer)?.push(...topicPartitions.slice(start, start + length));
    });
  }
  return assignment;
};

/**
 * RoundRobinAssignor (`roundrobin`): all subscribed partitions sorted by (topic, partition) are
 * dealt one by one to the members sorted by id, cyclically, skipping a member not subscribed to the
 * partition's topic.
 */
export const roundRobin: AssignorFn<Assignment> = (members, subscriptions, partitions) => {
  const assignment = emptyAssignment(members);
  const sorted = [...members].sort(compareIds);
  const dealt = [...partitions]
    .filter((tp) => sorted.some((m) => subscribes(subscriptions, m, tp.topic)))
    .sort(compareTopicPartitions);
  let next = 0;
  for (const tp of dealt) {
    while (!subscribes(subscriptions, sorted[next] ?? '', tp.topic)) next = (next + 1) % sorted.length;
    getOwn(assignment, sorted[next] ?? '')?.push(tp);
    next = (next + 1) % sorted.length;
  }
  return assignment;
};
