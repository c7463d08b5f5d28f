import { NODE_SHAPES, type NodeKind } from '../kinds/nodeKinds';

export type { NodeKind };

/** Every kind, in palette order (the order of src/kinds/nodeKinds.ts). */
export const NODE_KINDS = Object.keys(NODE_SHAPES) as readonly NodeKind[];

/** Which kinds an edge may join, as each kind's node shape says. */
export const CONNECTIONS: Readonly<Record<NodeKind, readonly NodeKind[]>> = connectionsOf();

function connectionsOf(): Record<NodeKind, readonly NodeKind[]> {
  const connections: Partial<Record<NodeKind, readonly NodeKind[]>> = {};
  for (const kind of NODE_KINDS) connections[kind] = NODE_SHAPES[kind].connectsTo;
  return connections as Record<NodeKind, readonly NodeKind[]>;
}

export function canConnect(source: NodeKind, target: NodeKind): boolean {
  return CONNECTIONS[source].includes(target);
}

/** Kinds whose behaviour is user code: handlers run per delivered event, an aggregate's decide and evolve. */
export function hasHandlerCode(kind: NodeKind): boolean {
  return 'code' in NODE_SHAPES[kind];
}
