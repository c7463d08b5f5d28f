import { DeathReason } from './message';
import { type QueueConfig, type QueueState, type Removal, removal } from './queue';

/**
 * Drops or dead-letters expired messages from the head only, as RabbitMQ does: an expired message
 * behind one that has not expired waits until it reaches the head.
 */
export function expire(q: QueueState, now: number, config: QueueConfig): Removal[] {
  const removed: Removal[] = [];
  for (let head = q.ready[0]; head?.expiresAt !== undefined && now >= head.expiresAt; head = q.ready[0]) {
    q.ready.shift();
    removed.push(removal(head, DeathReason.Expired, config));
  }
  return removed;
}

/** When the head expires: the time at which the caller should run `expire` next. */
export function nextExpiry(q: QueueState): number | undefined {
  return q.ready[0]?.expiresAt;
}
