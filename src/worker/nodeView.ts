import { highWatermark, tpKey, zeroCounters, type RuntimeState } from '../engine';
import type { FlowDocument } from '../flow';
import { getOwn } from '../lib/ownRecord';

/**
 * A node's state as "Compare steps" diffs it: its counters, and what its kind keeps (a producer's
 * sequence, a topic's partitions, a subscriber's handler state and group membership). A copy: the
 * runtime it was read from goes on changing. A node not in the flow at that step has {}.
 */
export function nodeView(state: RuntimeState, flow: FlowDocument, nodeId: string): Record<string, unknown> {
  const node = flow.nodes.find((n) => n.id === nodeId);
  if (!node) return {};
  const own = getOwn(state.nodes, nodeId);
  const view: Record<string, unknown> = { counters: { ...(own?.counters ?? zeroCounters()) } };
  switch (node.kind) {
    case 'producer':
      view.sequence = own?.sequence ?? 0;
      break;
    case 'topic':
      view.partitions = (getOwn(state.kafka.topics, nodeId)?.partitions ?? []).map((log) => ({
        logStartOffset: log.logStartOffset,
        highWatermark: highWatermark(log),
      }));
      break;
    case 'consumer':
    case 'projection': {
      view.state = structuredClone(own?.data ?? {});
      const groupId = node.group ?? node.id;
      const group = getOwn(state.kafka.groups, groupId);
      const member = getOwn(state.kafka.members, nodeId);
      view.group = {
        id: groupId,
        generation: group?.generation ?? 0,
        partitions: member && group ? (getOwn(group.assignment, member.memberId) ?? []).map(tpKey) : [],
        committed: { ...group?.committed },
        crashed: member?.crashed ?? false,
      };
      break;
    }
  }
  return view;
}
