export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** "orders:2" → { topic: 'orders', partition: 2 }; the topic is a node id (ids hold no ':'). */
export function parseTopicPartition(key: string): TopicPartition {
  const at = key.lastIndexOf(':');
  return { topic: key.slice(0, at), partition: Number(key.slice(at + 1)) };
}

/** Sorts "topic:partition" keys by topic, then partition as a number (so 10 comes after 9). */
export function sortTopicPartitions(keys: readonly string[]): string[] {
  return keys
    .map((key) => ({ key, ...parseTopicPartition(key) }))
    .sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1))
    .map((tp) => tp.key);
}
