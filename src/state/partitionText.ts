import { parseTopicPartition, sortTopicPartitions } from './topicPartition';

type NameOf = (nodeId: string) => string;

/** Partition numbers per topic, topics and partitions in order. */
function byTopic(keys: readonly string[]): Map<string, number[]> {
  const topics = new Map<string, number[]>();
  for (const key of sortTopicPartitions(keys)) {
    const { topic, partition } = parseTopicPartition(key);
    const list = topics.get(topic) ?? [];
    list.push(partition);
    topics.set(topic, list);
  }
  return topics;
}

/** ["orders:0", "orders:1"] → "orders[0,1]"; several topics are listed one after the other; none → "none". */
export function bracketList(keys: readonly string[], nameOf: NameOf): string {
  if (keys.length === 0) return 'none';
  return [...byTopic(keys)].map(([topic, partitions]) => `${nameOf(topic)}[${partitions.join(',')}]`).join(' ');
}

/** [0, 1, 2, 3, 5] → "p0–p3, p5": runs of three or more are written as a range, so a card stays one line. */
function compactList(partitions: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < partitions.length;) {
    let j = i;
    while (j + 1 < partitions.length && partitions[j + 1] === (partitions[j] ?? 0) + 1) j++;
    if (j - i >= 2) parts.push(`p${partitions[i]}–p${partitions[j]}`);
    else for (let k = i; k <= j; k++) parts.push(`p${partitions[k]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** For a card: "p0, p2" or "p0–p5" when all are of one topic, else "orders p0, p2 · payments p1". */
export function shortPartitionList(keys: readonly string[], nameOf: NameOf): string {
  const topics = [...byTopic(keys)];
  const list = compactList;
  if (topics.length === 1) return list(topics[0]?.[1] ?? []);
  return topics.map(([topic, partitions]) => `${nameOf(topic)} ${list(partitions)}`).join(' · ');
}

/** { "orders:2": 16 } → "orders[2] → 16", partitions in order. */
export function offsetList(offsets: Readonly<Record<string, number>>, nameOf: NameOf): string {
  return sortTopicPartitions(Object.keys(offsets))
    .map((key) => {
      const { topic, partition } = parseTopicPartition(key);
      return `${nameOf(topic)}[${partition}] → ${offsets[key] ?? '?'}`;
    })
    .join(', ');
}
