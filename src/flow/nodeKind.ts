/** The kinds of node a flow can hold; the walking skeleton has these four. */
export const NodeKind = {
  Producer: 'producer',
  Topic: 'topic',
  Consumer: 'consumer',
  Projection: 'projection',
} as const;

export type NodeKind = (typeof NodeKind)[keyof typeof NodeKind];

export const NODE_KINDS: readonly NodeKind[] = Object.values(NodeKind);

/** Which kinds an edge may join: producers publish to topics; topics feed subscribers. */
export const CONNECTIONS: Readonly<Record<NodeKind, readonly NodeKind[]>> = {
  producer: ['topic'],
  topic: ['consumer', 'projection'],
  consumer: [],
  projection: [],
};

export function canConnect(source: NodeKind, target: NodeKind): boolean {
  return CONNECTIONS[source].includes(target);
}

/** Kinds whose behaviour is user code run per delivered event. */
export function hasHandlerCode(kind: NodeKind): boolean {
  return kind === NodeKind.Consumer || kind === NodeKind.Projection;
}
