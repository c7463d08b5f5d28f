import type { FlowDocument, FlowNode, NodeKind } from '../flow';
import { NODE_SHAPES } from '../kinds/nodeKinds';

/** The code a new node starts with; null for kinds without code. */
export function defaultCode(kind: NodeKind): string | null {
  const shape = NODE_SHAPES[kind];
  return 'code' in shape ? shape.code : null;
}

/** The lowest n for which both `${kind}-${n}` and "<Kind> n" are free. */
function nextNumber(flow: FlowDocument, kind: NodeKind): number {
  const ids = new Set(flow.nodes.map((n) => n.id));
  const names = new Set(flow.nodes.map((n) => n.name));
  let n = 1;
  while (ids.has(`${kind}-${n}`) || names.has(`${NODE_SHAPES[kind].title} ${n}`)) n++;
  return n;
}

/** A node of the given kind with the defaults a person can run at once (its kind's `defaults`). */
export function createNode(flow: FlowDocument, kind: NodeKind): FlowNode {
  const n = nextNumber(flow, kind);
  // structuredClone: a new node never shares a payload template object with the kind's defaults.
  return {
    id: `${kind}-${n}`,
    name: `${NODE_SHAPES[kind].title} ${n}`,
    kind,
    ...structuredClone(NODE_SHAPES[kind].defaults),
  } as FlowNode;
}
