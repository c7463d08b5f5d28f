import type { FlowDocument } from '../flow';

/**
 * The kinds of node a node feeds ('out') or is fed by ('in'), sorted and joined by spaces: one
 * string, so a store selector returning it re-renders only when the wiring really changed.
 */
export function neighbourKinds(flow: FlowDocument | null, nodeId: string, direction: 'in' | 'out'): string {
  if (!flow) return '';
  const kinds = new Set<string>();
  for (const edge of flow.edges) {
    const [self, other] = direction === 'out' ? [edge.source, edge.target] : [edge.target, edge.source];
    if (self !== nodeId) continue;
    const kind = flow.nodes.find((n) => n.id === other)?.kind;
    if (kind) kinds.add(kind);
  }
  return [...kinds].sort().join(' ');
}
