import { getOwn } from '../../../lib/ownRecord';
import { type AmqpError, ReplyCode } from './amqpError';
import { DeathReason, type QueuedMessage } from './message';
import { type QueueConfig, type QueueState, type Removal, type UnackedDelivery, removal } from './queue';
import { requeue } from './requeue';
import { unblock } from './roundRobin';

export type SettleResult =
  | {
      readonly ok: true;
      /** The messages this call settled, oldest delivery first. */
      readonly settled: QueuedMessage[];
      /** Those put back in the queue, marked redelivered. */
      readonly requeued: QueuedMessage[];
      /** Messages that left the queue: the rejected ones, or heads trimmed after a requeue. */
      readonly removed: Removal[];
    }
  | { readonly ok: false; readonly error: AmqpError };

/**
 * Takes the deliveries a settlement names (rabbit_channel:collect_acks): the tag itself must be
 * outstanding; `multiple` also takes every older one; tag 0 with `multiple` takes them all.
 */
function take(
  q: QueueState,
  consumerTag: string,
  deliveryTag: number,
  multiple: boolean,
): UnackedDelivery[] | AmqpError {
  const held = getOwn(q.unacked, consumerTag) ?? [];
  const all = multiple && deliveryTag === 0;
  const at = held.findIndex((d) => d.deliveryTag === deliveryTag);
  if (!all && at < 0)
    return { code: ReplyCode.PreconditionFailed, text: `PRECONDITION_FAILED - unknown delivery tag ${deliveryTag}` };
  const taken = all ? held.splice(0) : multiple ? held.splice(0, at + 1) : held.splice(at, 1);
  if (held.length === 0) delete q.unacked[consumerTag];
  unblock(q, consumerTag);
  return taken;
}

/** basic.ack. An unknown delivery tag is a channel error in RabbitMQ (its unacked then requeue: call crashConsumer). */
export function ack(q: QueueState, consumerTag: string, deliveryTag: number, multiple = false): SettleResult {
  const taken = take(q, consumerTag, deliveryTag, multiple);
  if (!Array.isArray(taken)) return { ok: false, error: taken };
  return { ok: true, settled: taken.map((d) => d.message), requeued: [], removed: [] };
}

export interface NackOptions {
  readonly multiple?: boolean;
  readonly requeue: boolean;
}

/** basic.nack: requeue puts messages back in place, redelivered; otherwise they die as `rejected`. */
export function nack(
  q: QueueState,
  consumerTag: string,
  deliveryTag: number,
  options: NackOptions,
  now: number,
  config: QueueConfig,
): SettleResult {
  const taken = take(q, consumerTag, deliveryTag, options.multiple === true);
  if (!Array.isArray(taken)) return { ok: false, error: taken };
  const settled = taken.map((d) => d.message);
  if (options.requeue) return { ok: true, settled, ...requeue(q, settled, now, config) };
  return {
    ok: true,
    settled,
    requeued: [],
    removed: settled.map((message) => removal(message, DeathReason.Rejected, config)),
  };
}

/** basic.reject: a nack of one delivery. */
export function reject(
  q: QueueState,
  consumerTag: string,
  deliveryTag: number,
  requeueIt: boolean,
  now: number,
  config: QueueConfig,
): SettleResult {
  return nack(q, consumerTag, deliveryTag, { requeue: requeueIt }, now, config);
}
