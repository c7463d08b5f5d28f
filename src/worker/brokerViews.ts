import { highWatermark, lag, tpKey, type KafkaState } from '../engine';
import { getOwn, setOwn } from '../lib/ownRecord';
import type { GroupView, TopicView } from '../protocol';

const nodeOf = (memberId: string): string => memberId.slice(0, memberId.lastIndexOf('#'));

/**
 * What the UI shows of the Kafka side: partition offsets per topic, and each group's assignment,
 * commits and lag. A node is shown by its current incarnation; it is crashed until it restarts,
 * even after its group has expired the old member.
 */
export function brokerViews(kafka: KafkaState): {
  topics: Record<string, TopicView>;
  groups: Record<string, GroupView>;
} {
  const topics: Record<string, TopicView> = {};
  for (const [id, topic] of Object.entries(kafka.topics)) {
    setOwn(topics, id, {
      partitions: topic.partitions.map((log) => ({
        logStartOffset: log.logStartOffset,
        highWatermark: highWatermark(log),
      })),
    });
  }
  const groups: Record<string, GroupView> = {};
  for (const [id, group] of Object.entries(kafka.groups)) {
    const assignment: Record<string, string[]> = {};
    for (const member of group.members) {
      const node = nodeOf(member.id);
      if (getOwn(kafka.members, node)?.memberId === member.id)
        setOwn(assignment, node, (getOwn(group.assignment, member.id) ?? []).map(tpKey));
    }
    const crashed = Object.entries(kafka.members)
      .filter(([, m]) => m.crashed && m.group === id)
      .map(([node]) => node);
    const groupLag = lag(group, kafka.topics);
    setOwn(groups, id, {
      generation: group.generation,
      assignor: group.assignor,
      assignment,
      crashed,
      committed: { ...group.committed },
      lag: Object.fromEntries(groupLag.partitions.map((p) => [tpKey(p), p.lag])),
      totalLag: groupLag.total,
    });
  }
  return { topics, groups };
}
