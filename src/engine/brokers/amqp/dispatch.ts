import { expire } from './expire';
import type { Delivery, QueueConfig, QueueState, Removal } from './queue';
import { handOver, nextConsumer } from './roundRobin';

/**
 * Delivers ready messages head first, round-robin over consumers with room under their prefetch,
 * until the queue is empty or every consumer is full. Expired heads are dropped before each
 * delivery, so a consumer never receives an expired message.
 */
export function dispatch(
  q: QueueState,
  now: number,
  config: QueueConfig,
): { deliveries: Delivery[]; removed: Removal[] } {
  const deliveries: Delivery[] = [];
  const removed = expire(q, now, config);
  for (let head = q.ready[0]; head; head = q.ready[0]) {
    const consumer = nextConsumer(q);
    if (!consumer) break;
    q.ready.shift();
    deliveries.push(handOver(q, consumer, head));
    removed.push(...expire(q, now, config));
  }
  return { deliveries, removed };
}
