import { expire } from './expire';
import { DeathReason, type Message, type QueuedMessage, toMessage } from './message';
import { dropHeadOverflow, refusesNext } from './overflow';
import { Overflow, type Delivery, type QueueConfig, type QueueState, type Removal, removal } from './queue';
import { handOver, nextConsumer } from './roundRobin';

export type EnqueueResult =
  /** An idle consumer took it at once; it never waited in the queue. */
  | { readonly outcome: 'delivered'; readonly delivery: Delivery; readonly removed: Removal[] }
  /** It waits in the queue; `removed` are the messages drop-head or expiry took from the head. */
  | { readonly outcome: 'queued'; readonly removed: Removal[] }
  /** reject-publish(-dlx) turned it away; with -dlx it is in `removed`, dead-lettered as maxlen. */
  | { readonly outcome: 'rejected'; readonly removed: Removal[] };

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.min(a, b);
}

function toQueued(q: QueueState, message: Message, now: number, config: QueueConfig): QueuedMessage {
  // With both a queue TTL and a message expiration, the lower one applies.
  const ttl = minDefined(config.messageTtl, message.expiration);
  return {
    ...toMessage(message),
    seq: q.nextSeq++,
    redelivered: false,
    enqueuedAt: now,
    ...(ttl !== undefined ? { expiresAt: now + ttl } : {}),
  };
}

/**
 * A routed message arrives (rabbit_amqqueue_process): reject-publish checks come first; then an
 * idle consumer takes it directly when nothing is waiting; otherwise it joins the tail, the head
 * is trimmed to x-max-length (drop-head) and expired heads go (so a TTL of 0 drops a message that
 * no consumer could take at once).
 */
export function enqueue(q: QueueState, message: Message, now: number, config: QueueConfig): EnqueueResult {
  if (refusesNext(q, config)) {
    const removed =
      config.overflow === Overflow.RejectPublishDlx
        ? [removal(toQueued(q, message, now, config), DeathReason.Maxlen, config)]
        : [];
    return { outcome: 'rejected', removed };
  }
  const queued = toQueued(q, message, now, config);
  if (q.ready.length === 0) {
    const consumer = nextConsumer(q);
    if (consumer) return { outcome: 'delivered', delivery: handOver(q, consumer, queued), removed: [] };
  }
  q.ready.push(queued);
  return { outcome: 'queued', removed: [...dropHeadOverflow(q, config), ...expire(q, now, config)] };
}
