import { aggregateKind } from './aggregate/aggregateKind';
import { commandKind } from './command/commandKind';
import { consumerKind } from './consumer/consumerKind';
import { exchangeKind } from './exchange/exchangeKind';
import type { KindModule } from './kindModule';
import type { NodeKind } from './nodeKinds';
import { producerKind } from './producer/producerKind';
import { projectionKind } from './projection/projectionKind';
import { pubsubKind } from './pubsub/pubsubKind';
import { queueKind } from './queue/queueKind';
import { topicKind } from './topic/topicKind';

/** What the engine does with each kind of node (no React: the worker and the CLI load this). */
const KINDS = {
  producer: producerKind,
  topic: topicKind,
  exchange: exchangeKind,
  queue: queueKind,
  pubsub: pubsubKind,
  command: commandKind,
  aggregate: aggregateKind,
  consumer: consumerKind,
  projection: projectionKind,
} as const satisfies { readonly [K in NodeKind]: KindModule<K> };

/** A kind's module seen through the node union, for code that holds a node of any kind. */
export function kindModule(kind: NodeKind): KindModule<NodeKind> {
  return KINDS[kind];
}
