import { countOnEdge } from '../counters';
import type { QueueNode } from '../../flow';
import { getOwn, hasOwn, listOf, setOwn } from '../../lib/ownRecord';
import {
  dispatch,
  enqueue,
  expire,
  nextExpiry,
  publish,
  routeDeadLetter,
  createQueue,
  type Delivery,
  type Message,
  type QueueState,
  type Removal,
} from '../brokers/amqp';
import type { CloudEvent } from '../cloudEvent';
import type { AmqpRoute, DeathNote } from '../stepRecord';
import { connectionOf, queueConfig } from './amqpState';
import type { RunContext } from './runContext';

// Queues hold messages between exchanges and consumers. Everything a queue does here goes through
// the pure AMQP library; this module applies its results to the run: counters, edge counts, the
// consumer that must handle a delivery, the expiry check to schedule, and dead-lettering.

/** Dead-lettered copies can land in queues that dead-letter again; RabbitMQ stops cycles, this stops a runaway. */
const MAX_DEAD_LETTER_DEPTH = 8;

/** What a step collects while messages move: the deaths it shows. */
export interface Effects {
  readonly deaths: DeathNote[];
}

export const newEffects = (): Effects => ({ deaths: [] });

function queueNode(run: RunContext, id: string): QueueNode | undefined {
  const node = run.node(id);
  return node?.kind === 'queue' ? node : undefined;
}

/** The queue's state, created on first use. */
export function queueState(run: RunContext, id: string): QueueState {
  let q = getOwn(run.state.amqp.queues, id);
  if (!q) {
    q = createQueue();
    setOwn(run.state.amqp.queues, id, q);
  }
  return q;
}

const eventOf = (message: Message): CloudEvent => message.body as CloudEvent;

function countEdge(run: RunContext, source: string, target: string): void {
  const edge = run.edgeBetween(source, target);
  if (edge) countOnEdge(run.state.edges, edge.id);
}

/** Schedules the consumer's next handle step for this queue unless one is already due. */
export function scheduleHandle(run: RunContext, consumerId: string, queueId: string): void {
  const connection = connectionOf(run.state.amqp, consumerId);
  if (connection.crashed || hasOwn(connection.busy, queueId)) return;
  const waiting =
    (getOwn(getOwn(run.state.amqp.queues, queueId)?.unacked, consumerId)?.length ?? 0) +
    (getOwn(connection.inbox, queueId)?.length ?? 0);
  if (waiting === 0) return;
  const node = run.node(consumerId);
  const latency = node && 'latencyMs' in node ? node.latencyMs : 0;
  setOwn(connection.busy, queueId, true);
  run.schedule({
    kind: 'queue-handle',
    time: run.state.time + latency,
    seq: 0,
    node: consumerId,
    queue: queueId,
    incarnation: connection.incarnation,
  });
}

/** A delivery left the queue for a consumer: it is counted, and the consumer will handle it after its latency. */
function handedOver(run: RunContext, queueId: string, delivery: Delivery): void {
  run.nodeState(queueId).counters.delivered++;
  countEdge(run, queueId, delivery.consumerTag);
  const connection = connectionOf(run.state.amqp, delivery.consumerTag);
  const consumer = getOwn(run.state.amqp.queues, queueId)?.consumers.find((c) => c.tag === delivery.consumerTag);
  if (consumer?.autoAck === true)
    listOf(connection.inbox, queueId).push({ deliveryTag: delivery.deliveryTag, message: delivery.message });
  scheduleHandle(run, delivery.consumerTag, queueId);
}

/** Schedules an expiry check for when the head's TTL runs out, unless an earlier one is due. */
function scheduleExpiry(run: RunContext, queueId: string): void {
  const q = getOwn(run.state.amqp.queues, queueId);
  const at = q ? nextExpiry(q) : undefined;
  if (at === undefined) return;
  const scheduled = getOwn(run.state.amqp.expiries, queueId);
  if (scheduled !== undefined && scheduled <= at && scheduled >= run.state.time) return;
  setOwn(run.state.amqp.expiries, queueId, at);
  run.schedule({ kind: 'queue-expire', time: Math.max(at, run.state.time), seq: 0, node: queueId });
}

/** Messages a queue let go of: each is dead-lettered through the queue's DLX (and enqueued where that routes it) or dropped. */
export function settleRemovals(
  run: RunContext,
  queueId: string,
  removals: readonly Removal[],
  effects: Effects,
  depth = 0,
): void {
  const node = queueNode(run, queueId);
  if (!node) return;
  for (const removal of removals) {
    run.nodeState(queueId).counters.failed++;
    const base = {
      queue: queueId,
      messageId: removal.message.id,
      eventType: eventOf(removal.message).type,
      reason: removal.reason,
    };
    const dead =
      depth < MAX_DEAD_LETTER_DEPTH
        ? routeDeadLetter(run.topology(), queueId, removal, queueConfig(node), run.state.time)
        : undefined;
    if (!dead) {
      effects.deaths.push(base);
      continue;
    }
    run.nodeState(dead.message.exchange).counters.published++;
    countPath(run, dead.route.path, dead.deliverTo);
    for (const target of dead.deliverTo) enqueueMessage(run, target, dead.message, effects, depth + 1);
    effects.deaths.push({ ...base, exchange: dead.message.exchange, deadLetteredTo: dead.deliverTo });
  }
}

/** Hands ready messages to consumers with room, drops expired heads, and schedules the next expiry check. */
export function pump(run: RunContext, queueId: string, effects: Effects): void {
  const node = queueNode(run, queueId);
  if (!node) return;
  const { deliveries, removed } = dispatch(queueState(run, queueId), run.state.time, queueConfig(node));
  for (const delivery of deliveries) handedOver(run, queueId, delivery);
  settleRemovals(run, queueId, removed, effects);
  scheduleExpiry(run, queueId);
}

/** A routed message arrives at a queue; false when reject-publish turned it away. */
function enqueueMessage(run: RunContext, queueId: string, message: Message, effects: Effects, depth = 0): boolean {
  const node = queueNode(run, queueId);
  if (!node) return false;
  const result = enqueue(queueState(run, queueId), message, run.state.time, queueConfig(node));
  if (result.outcome === 'rejected') {
    run.nodeState(queueId).counters.failed++;
    settleRemovals(run, queueId, result.removed, effects, depth);
    return false;
  }
  run.nodeState(queueId).counters.published++;
  if (result.outcome === 'delivered') handedOver(run, queueId, result.delivery);
  settleRemovals(run, queueId, result.removed, effects, depth);
  scheduleExpiry(run, queueId);
  return true;
}

/** Counts the edges a routed message travelled: between the exchanges it visited, and into the queues it reached. */
function countPath(run: RunContext, path: readonly string[], queues: readonly string[]): void {
  const visited = new Set(path);
  for (const exchange of path) {
    for (const edge of run.outgoing(exchange)) {
      if ((visited.has(edge.target) && edge.target !== path[0]) || queues.includes(edge.target))
        countOnEdge(run.state.edges, edge.id);
    }
  }
}

/** basic.publish of one message: routed through the exchanges and enqueued in every queue it reaches. */
export function publishMessage(run: RunContext, message: Message, mandatory: boolean, effects: Effects): AmqpRoute {
  const outcome = publish(run.topology(), message, { mandatory });
  const base = { exchange: message.exchange, routingKey: message.routingKey };
  if (outcome.kind === 'refused') return { ...base, outcome: 'refused', queues: [], error: outcome.error.text };
  if (message.exchange !== '') {
    const counters = run.nodeState(message.exchange).counters;
    counters.published++;
    if (outcome.kind === 'routed') counters.delivered++;
    else counters.failed++;
  }
  const { route } = outcome;
  countPath(run, route.path, route.queues);
  const rejectedBy = route.queues.filter((queue) => !enqueueMessage(run, queue, message, effects));
  return {
    ...base,
    outcome: outcome.kind,
    queues: route.queues,
    ...(rejectedBy.length > 0 ? { rejectedBy } : {}),
    ...(route.viaAlternate ? { viaAlternate: true as const } : {}),
  };
}

/** A queue-expire step: heads past their TTL die; a step only when something expired. */
export function expireQueue(run: RunContext, queueId: string, scheduledFor: number): DeathNote[] | undefined {
  if (getOwn(run.state.amqp.expiries, queueId) === scheduledFor) delete run.state.amqp.expiries[queueId];
  const node = queueNode(run, queueId);
  const q = getOwn(run.state.amqp.queues, queueId);
  if (!node || !q) return undefined;
  const effects = newEffects();
  settleRemovals(run, queueId, expire(q, run.state.time, queueConfig(node)), effects);
  pump(run, queueId, effects);
  return effects.deaths.length > 0 ? effects.deaths : undefined;
}
