import { aggregateNode } from './aggregate/aggregateNode';
import { commandNode } from './command/commandNode';
import { consumerNode } from './consumer/consumerNode';
import { exchangeNode } from './exchange/exchangeNode';
import { producerNode } from './producer/producerNode';
import { projectionNode } from './projection/projectionNode';
import { pubsubNode } from './pubsub/pubsubNode';
import { queueNode } from './queue/queueNode';
import { topicNode } from './topic/topicNode';

/**
 * Every kind of node a flow can hold, in palette order: its document schema, the kinds it may
 * feed, its title and how a new node of it starts (fields, handler code). `NodeKind` is the keys of this object; the pure and
 * UI registries (registry.ts, uiRegistry.ts) must have an entry for each.
 */
export const NODE_SHAPES = {
  producer: producerNode,
  topic: topicNode,
  exchange: exchangeNode,
  queue: queueNode,
  pubsub: pubsubNode,
  command: commandNode,
  aggregate: aggregateNode,
  consumer: consumerNode,
  projection: projectionNode,
} as const;

export type NodeKind = keyof typeof NODE_SHAPES;

// Each shape's schema must be for its own kind, and may connect only to kinds that exist.
type ShapeKinds = { [K in NodeKind]: ReturnType<(typeof NODE_SHAPES)[K]['schema']>['shape']['kind']['value'] };
type Targets = (typeof NODE_SHAPES)[NodeKind]['connectsTo'][number];
const _shapesAreConsistent: [Exclude<Targets, NodeKind>] extends [never]
  ? { [K in NodeKind]: K } extends ShapeKinds
    ? true
    : never
  : never = true;
