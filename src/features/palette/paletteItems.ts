import type { NodeKind } from '../../flow/nodeKind';

/** The drag-and-drop data type that carries a node kind from the palette to the canvas. */
export const NODE_DRAG_TYPE = 'application/tidemark-node';

export interface PaletteItemSpec {
  readonly kind: NodeKind;
  readonly title: string;
  readonly description: string;
}

export const PALETTE_ITEMS: readonly PaletteItemSpec[] = [
  { kind: 'producer', title: 'Producer', description: 'Publishes events at a steady rate' },
  { kind: 'topic', title: 'Topic', description: 'A partitioned log of events (Kafka)' },
  { kind: 'exchange', title: 'Exchange', description: 'Routes messages to queues by key or headers (RabbitMQ)' },
  { kind: 'queue', title: 'Queue', description: 'Holds messages until a consumer acks them (RabbitMQ)' },
  { kind: 'pubsub', title: 'Pub/sub', description: 'Channels with no storage: only listeners receive (Redis)' },
  { kind: 'command', title: 'Command', description: 'Sends commands to an aggregate (PlaceOrder)' },
  { kind: 'aggregate', title: 'Aggregate', description: 'Decides events from commands; its streams are the event store' },
  { kind: 'consumer', title: 'Consumer', description: 'Runs a handler for each event; wired to an aggregate it is a policy' },
  { kind: 'projection', title: 'Projection', description: 'Folds events into a read model' },
];
