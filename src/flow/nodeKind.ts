/** The kinds of node a flow can hold. */
export const NodeKind = {
  Producer: 'producer',
  Topic: 'topic',
  Exchange: 'exchange',
  Queue: 'queue',
  PubSub: 'pubsub',
  Command: 'command',
  Aggregate: 'aggregate',
  Consumer: 'consumer',
  Projection: 'projection',
} as const;

export type NodeKind = (typeof NodeKind)[keyof typeof NodeKind];

export const NODE_KINDS: readonly NodeKind[] = Object.values(NodeKind);

/**
 * Which kinds an edge may join: producers publish to topics, exchanges, queues (through the default
 * exchange) and pub/sub; exchanges bind to queues and exchanges; brokers feed subscribers.
 */
export const CONNECTIONS: Readonly<Record<NodeKind, readonly NodeKind[]>> = {
  producer: ['topic', 'exchange', 'queue', 'pubsub'],
  topic: ['consumer', 'projection'],
  exchange: ['queue', 'exchange'],
  queue: ['consumer', 'projection'],
  pubsub: ['consumer', 'projection'],
  command: ['aggregate'],
  aggregate: ['consumer', 'projection'],
  // A consumer wired to an aggregate is a policy: ctx.send() issues commands to it.
  consumer: ['aggregate'],
  projection: [],
};

export function canConnect(source: NodeKind, target: NodeKind): boolean {
  return CONNECTIONS[source].includes(target);
}

/** Kinds whose behaviour is user code: handlers run per delivered event, an aggregate's decide and evolve. */
export function hasHandlerCode(kind: NodeKind): boolean {
  return kind === NodeKind.Consumer || kind === NodeKind.Projection || kind === NodeKind.Aggregate;
}
