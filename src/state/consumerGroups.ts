import type { FlowDocument } from '../flow';
import type { Frame } from '../protocol';
import { groupIdOf } from './groupMembership';

/** The groups that read a topic: those of the subscribers wired to it, and any whose offsets name it. */
export function groupsOfTopic(flow: FlowDocument, frame: Frame | null, topicId: string): string[] {
  const ids = new Set<string>();
  for (const edge of flow.edges) {
    if (edge.source !== topicId) continue;
    const target = flow.nodes.find((n) => n.id === edge.target);
    if (target && (target.kind === 'consumer' || target.kind === 'projection')) ids.add(groupIdOf(target));
  }
  const prefix = `${topicId}:`;
  for (const [groupId, group] of Object.entries(frame?.groups ?? {})) {
    if (Object.keys(group.committed).some((tp) => tp.startsWith(prefix))) ids.add(groupId);
    if (Object.values(group.assignment).some((tps) => tps.some((tp) => tp.startsWith(prefix)))) ids.add(groupId);
  }
  return [...ids].sort();
}
