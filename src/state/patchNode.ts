import type { FlowDocument, FlowNode } from '../flow';
import { updateNode } from './flowEdits';

type NodeOfKind<K extends FlowNode['kind']> = Extract<FlowNode, { kind: K }>;

/** Fields to set on a node; `undefined` removes an optional field (the document never stores undefined). */
export type NodePatch<N> = { [P in Exclude<keyof N, 'id' | 'kind'>]?: N[P] | undefined };

/** Sets or removes fields of a node of the given kind(s); a node of another kind is left alone. */
export function patchNode<K extends FlowNode['kind']>(
  flow: FlowDocument,
  nodeId: string,
  kind: K,
  patch: NodePatch<NodeOfKind<K>>,
): FlowDocument {
  return updateNode(flow, nodeId, (node) => {
    if (node.kind !== kind) return node;
    const next: Record<string, unknown> = { ...node };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete next[key];
      else next[key] = value;
    }
    return next as FlowNode;
  });
}
