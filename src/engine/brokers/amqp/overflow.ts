import { DeathReason } from './message';
import { Overflow, type QueueConfig, type QueueState, type Removal, removal } from './queue';

/** reject-publish(-dlx) turns a message away when one more would exceed x-max-length. */
export function refusesNext(q: QueueState, config: QueueConfig): boolean {
  return (
    config.maxLength !== undefined && config.overflow !== Overflow.DropHead && q.ready.length + 1 > config.maxLength
  );
}

/** drop-head removes the oldest ready messages until the queue is back within x-max-length. */
export function dropHeadOverflow(q: QueueState, config: QueueConfig): Removal[] {
  const removed: Removal[] = [];
  if (config.maxLength === undefined || config.overflow !== Overflow.DropHead) return removed;
  while (q.ready.length > config.maxLength) {
    const head = q.ready.shift();
    if (head) removed.push(removal(head, DeathReason.Maxlen, config));
  }
  return removed;
}
