import { type FlowDocument, type QueueNode, FlowDefaults } from '../../flow';
import { getOwn, setOwn } from '../../lib/ownRecord';
import {
  DestinationType,
  type Binding,
  type Exchange,
  type PendingRequests,
  type QueueConfig,
  type QueueState,
  type QueuedMessage,
  type Topology,
} from '../brokers/amqp';
import type { PubSubState } from '../brokers/pubsub';

/** An auto-ack delivery a consumer has taken but not handled yet (a manual-ack one stays in the queue's unacked). */
interface InboxItem {
  readonly deliveryTag: number;
  readonly message: QueuedMessage;
}

/** A consumer's or subscriber's connection to the AMQP broker and the pub/sub server. */
export interface Connection {
  /** Crashed by a person: it consumes and receives nothing until restarted. */
  crashed: boolean;
  /** Bumped by a restart, so handling scheduled before the crash is not done after it. */
  incarnation: number;
  /** Queue node id → a handle step is scheduled for it. */
  busy: Record<string, true>;
  /** Queue node id → auto-ack deliveries waiting to be handled. */
  inbox: Record<string, InboxItem[]>;
}

/** The AMQP and pub/sub side of a run, as plain data. */
export interface AmqpState {
  /** Queue node id → the queue. */
  queues: Record<string, QueueState>;
  /** Queue node id → virtual time of the scheduled expiry check. */
  expiries: Record<string, number>;
  /** Producer node id → requests waiting for a reply. */
  requests: Record<string, PendingRequests>;
  /** Pub/sub node id → its subscriptions and counters. */
  pubsub: Record<string, PubSubState>;
  /** Consumer or projection node id → its connection. */
  connections: Record<string, Connection>;
}

export function emptyAmqpState(): AmqpState {
  return { queues: {}, expiries: {}, requests: {}, pubsub: {}, connections: {} };
}

export function queueConfig(node: QueueNode): QueueConfig {
  return {
    overflow: node.overflow ?? FlowDefaults.overflow,
    ...(node.messageTtlMs !== undefined ? { messageTtl: node.messageTtlMs } : {}),
    ...(node.maxLength !== undefined ? { maxLength: node.maxLength } : {}),
    ...(node.deadLetterExchange !== undefined ? { deadLetterExchange: node.deadLetterExchange } : {}),
    ...(node.deadLetterRoutingKey !== undefined ? { deadLetterRoutingKey: node.deadLetterRoutingKey } : {}),
  };
}

/** The AMQP topology a flow declares: exchange and queue nodes by id, bindings from exchange edges. */
export function topologyOf(flow: FlowDocument): Topology {
  const exchanges: Exchange[] = [];
  const queues: string[] = [];
  for (const node of flow.nodes) {
    if (node.kind === 'exchange')
      exchanges.push({
        name: node.id,
        type: node.exchangeType,
        ...(node.alternateExchange ? { alternateExchange: node.alternateExchange } : {}),
      });
    if (node.kind === 'queue') queues.push(node.id);
  }
  const exchangeIds = new Set(exchanges.map((e) => e.name));
  const queueIds = new Set(queues);
  const bindings: Binding[] = [];
  for (const edge of flow.edges) {
    if (!exchangeIds.has(edge.source)) continue;
    const destinationType = queueIds.has(edge.target)
      ? DestinationType.Queue
      : exchangeIds.has(edge.target)
        ? DestinationType.Exchange
        : undefined;
    if (!destinationType) continue;
    bindings.push({
      source: edge.source,
      destination: edge.target,
      destinationType,
      routingKey: edge.bindingKey ?? '',
      arguments: (edge.bindingArgs ?? {}) as Binding['arguments'],
    });
  }
  return { exchanges, queues, bindings };
}

export function connectionOf(amqp: AmqpState, nodeId: string): Connection {
  let connection = getOwn(amqp.connections, nodeId);
  if (!connection) {
    connection = { crashed: false, incarnation: 0, busy: {}, inbox: {} };
    setOwn(amqp.connections, nodeId, connection);
  }
  return connection;
}
