import { expire } from './expire';
import type { QueuedMessage } from './message';
import { dropHeadOverflow } from './overflow';
import type { QueueConfig, QueueState, Removal } from './queue';

/** Index of the first ready message enqueued after `seq`. */
function insertionPoint(ready: readonly QueuedMessage[], seq: number): number {
  let low = 0;
  let high = ready.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((ready[mid] as QueuedMessage).seq < seq) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Puts messages back where they were enqueued (rabbit_variable_queue merges by seq id), marked
 * redelivered; ahead of everything enqueued after them, which is "closer to the head" once older
 * messages have gone. Then, like requeue_and_run, trims to x-max-length and drops expired heads.
 */
export function requeue(
  q: QueueState,
  messages: readonly QueuedMessage[],
  now: number,
  config: QueueConfig,
): { requeued: QueuedMessage[]; removed: Removal[] } {
  const requeued = messages.map((message) => ({ ...message, redelivered: true }));
  for (const message of requeued) q.ready.splice(insertionPoint(q.ready, message.seq), 0, message);
  const removed = [...dropHeadOverflow(q, config), ...expire(q, now, config)];
  return { requeued, removed };
}
