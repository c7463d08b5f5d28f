import type { FlowDocument } from '../../flow';
import { getOwn } from '../../lib/ownRecord';
import type { CanvasNode } from './canvasTypes';

/** Nodes for React Flow from the document, keeping what React Flow measured so nodes do not flicker. */
export function toCanvasNodes(
  flow: FlowDocument | null,
  selectedId: string | null,
  previous: readonly CanvasNode[],
): CanvasNode[] {
  if (!flow) return [];
  const before = new Map(previous.map((n) => [n.id, n]));
  return flow.nodes.map((node, i) => {
    const old = before.get(node.id);
    const position = getOwn(flow.layout, node.id) ?? { x: 40 + (i % 4) * 240, y: 40 + Math.floor(i / 4) * 160 };
    return {
      id: node.id,
      type: 'flowNode',
      position,
      data: { node },
      ariaLabel: `${node.kind} ${node.name}`,
      selected: node.id === selectedId,
      ...(old?.measured ? { measured: old.measured } : {}),
    };
  });
}
