import { getOwn } from '../../../lib/ownRecord';
import { type AmqpError, ReplyCode } from './amqpError';
import type { QueuedMessage } from './message';
import type { Consumer, QueueConfig, QueueState, Removal } from './queue';
import { requeue } from './requeue';

/** basic.consume: the new consumer joins the end of the round-robin line. */
export function addConsumer(q: QueueState, consumer: Consumer): AmqpError | undefined {
  if (q.consumers.some((c) => c.tag === consumer.tag)) {
    return { code: ReplyCode.NotAllowed, text: `NOT_ALLOWED - attempt to reuse consumer tag '${consumer.tag}'` };
  }
  q.consumers.push(consumer);
  q.roundRobin.push(consumer.tag);
  return undefined;
}

function forget(q: QueueState, tag: string): boolean {
  const before = q.consumers.length;
  q.consumers = q.consumers.filter((c) => c.tag !== tag);
  q.roundRobin = q.roundRobin.filter((t) => t !== tag);
  q.blocked = q.blocked.filter((t) => t !== tag);
  return q.consumers.length < before;
}

/**
 * basic.cancel: no more deliveries. As AMQP says, messages already delivered are not affected:
 * they stay unacked and can still be acked or nacked (they requeue only if the channel closes).
 */
export function cancelConsumer(q: QueueState, tag: string): boolean {
  return forget(q, tag);
}

/**
 * The consumer's channel closed or its connection died: its consumer goes, and every message it
 * held unacked returns to the queue in its original place, marked redelivered.
 */
export function crashConsumer(
  q: QueueState,
  tag: string,
  now: number,
  config: QueueConfig,
): { requeued: QueuedMessage[]; removed: Removal[] } {
  forget(q, tag);
  const held = getOwn(q.unacked, tag) ?? [];
  delete q.unacked[tag];
  return requeue(
    q,
    held.map((d) => d.message),
    now,
    config,
  );
}
