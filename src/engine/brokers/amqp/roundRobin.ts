import { getOwn, listOf } from '../../../lib/ownRecord';
import type { QueuedMessage } from './message';
import type { Consumer, Delivery, QueueState } from './queue';

function hasRoom(q: QueueState, consumer: Consumer): boolean {
  return (
    consumer.autoAck === true ||
    consumer.prefetch === 0 ||
    (getOwn(q.unacked, consumer.tag)?.length ?? 0) < consumer.prefetch
  );
}

/**
 * The consumer whose turn it is (rabbit_queue_consumers): one at its prefetch limit is set aside
 * as blocked and the turn passes on.
 */
export function nextConsumer(q: QueueState): Consumer | undefined {
  for (let tag = q.roundRobin[0]; tag !== undefined; tag = q.roundRobin[0]) {
    const consumer = q.consumers.find((c) => c.tag === tag);
    if (consumer && hasRoom(q, consumer)) return consumer;
    q.roundRobin.shift();
    if (consumer) q.blocked.push(tag);
  }
  return undefined;
}

/** Hands `message` to `consumer` and sends that consumer to the back of the line. */
export function handOver(q: QueueState, consumer: Consumer, message: QueuedMessage): Delivery {
  const at = q.roundRobin.indexOf(consumer.tag);
  if (at >= 0) q.roundRobin.splice(at, 1);
  q.roundRobin.push(consumer.tag);
  const deliveryTag = q.nextDeliveryTag++;
  if (consumer.autoAck !== true) listOf(q.unacked, consumer.tag).push({ deliveryTag, message });
  return { consumerTag: consumer.tag, deliveryTag, message, redelivered: message.redelivered };
}

/** After a settlement: a blocked consumer with room again rejoins at the end of the line. */
export function unblock(q: QueueState, consumerTag: string): void {
  const at = q.blocked.indexOf(consumerTag);
  const consumer = q.consumers.find((c) => c.tag === consumerTag);
  if (at < 0 || !consumer || !hasRoom(q, consumer)) return;
  q.blocked.splice(at, 1);
  q.roundRobin.push(consumerTag);
}
