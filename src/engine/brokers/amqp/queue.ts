import { getOwn } from '../../../lib/ownRecord';
import type { DeathReason, QueuedMessage } from './message';

/** x-overflow: what a queue at x-max-length does with one more message. */
export const Overflow = {
  /** Drop (or dead-letter) the oldest ready messages to make room: RabbitMQ's default. */
  DropHead: 'drop-head',
  /** Refuse the new message (the publisher hears basic.nack if it uses confirms). */
  RejectPublish: 'reject-publish',
  /** Refuse the new message and dead-letter it. */
  RejectPublishDlx: 'reject-publish-dlx',
} as const;
export type Overflow = (typeof Overflow)[keyof typeof Overflow];

/** A queue's declared arguments. */
export interface QueueConfig {
  /** x-message-ttl: virtual ms a message may wait in this queue. */
  readonly messageTtl?: number;
  /** x-max-length: how many ready messages the queue holds; unacked ones do not count. */
  readonly maxLength?: number;
  readonly overflow: Overflow;
  /** x-dead-letter-exchange ('' is the default exchange); without it, dead messages are dropped. */
  readonly deadLetterExchange?: string;
  /** x-dead-letter-routing-key; without it, a dead message keeps its routing key. */
  readonly deadLetterRoutingKey?: string;
}

export interface Consumer {
  readonly tag: string;
  /** basic.qos prefetch count: unacked deliveries it may hold at once; 0 means unlimited. */
  readonly prefetch: number;
  /** basic.consume with no-ack: a delivery counts as acked once sent, and prefetch does not apply. */
  readonly autoAck?: boolean;
}

export interface UnackedDelivery {
  readonly deliveryTag: number;
  readonly message: QueuedMessage;
}

/** One queue as plain data: what it holds, who consumes it, and whose turn is next. */
export interface QueueState {
  /** Ready messages, head first, in enqueue (seq) order. */
  ready: QueuedMessage[];
  /** Deliveries awaiting ack, per consumer tag, oldest first; a cancelled consumer's stay until settled. */
  unacked: Record<string, UnackedDelivery[]>;
  /** Active consumers in the order they subscribed. */
  consumers: Consumer[];
  /** Active consumers in the order they get the next message; the one served moves to the end. */
  roundRobin: string[];
  /** Consumers found at their prefetch limit on their turn; an ack that frees room puts them back at the end. */
  blocked: string[];
  /** The next message's seq. */
  nextSeq: number;
  /** The next delivery tag (RabbitMQ numbers them per channel from 1). */
  nextDeliveryTag: number;
}

export interface Delivery {
  readonly consumerTag: string;
  readonly deliveryTag: number;
  readonly message: QueuedMessage;
  readonly redelivered: boolean;
}

/** A message that left the queue without being acked: dead-lettered when `deadLetter`, else dropped. */
export interface Removal {
  readonly message: QueuedMessage;
  readonly reason: DeathReason;
  readonly deadLetter: boolean;
}

export function createQueue(): QueueState {
  return { ready: [], unacked: {}, consumers: [], roundRobin: [], blocked: [], nextSeq: 0, nextDeliveryTag: 1 };
}

export function removal(message: QueuedMessage, reason: DeathReason, config: QueueConfig): Removal {
  return { message, reason, deadLetter: config.deadLetterExchange !== undefined };
}

/** Unacked deliveries held by one consumer, or by all when no tag is given. */
export function unackedCount(q: QueueState, consumerTag?: string): number {
  if (consumerTag !== undefined) return getOwn(q.unacked, consumerTag)?.length ?? 0;
  return Object.values(q.unacked).reduce((sum, list) => sum + list.length, 0);
}
