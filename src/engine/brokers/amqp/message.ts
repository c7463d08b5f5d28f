/** An AMQP field-table value as Tidemark carries it: plain JSON data, where `null` is AMQP's void. */
export type HeaderValue =
  string | number | boolean | null | readonly HeaderValue[] | { readonly [key: string]: HeaderValue };

/** A message's `headers` property (an AMQP field table). */
export type Headers = Readonly<Record<string, HeaderValue>>;

/** Why a queue let go of a message: the `reason` RabbitMQ writes in `x-death`. */
export const DeathReason = {
  /** Its TTL (per-queue `x-message-ttl` or per-message `expiration`) ran out at the head of the queue. */
  Expired: 'expired',
  /** A consumer rejected or nacked it with requeue=false. */
  Rejected: 'rejected',
  /** The queue was over `x-max-length`. */
  Maxlen: 'maxlen',
} as const;
export type DeathReason = (typeof DeathReason)[keyof typeof DeathReason];

/** One entry of a message's death history; RabbitMQ keeps one per (queue, reason). */
export interface Death {
  readonly queue: string;
  readonly reason: DeathReason;
  /** How many times the message died in this queue for this reason. */
  readonly count: number;
  /** The exchange the message had been published to when it first died here for this reason. */
  readonly exchange: string;
  /** Its routing keys at that first death. */
  readonly routingKeys: readonly string[];
  /** Virtual ms of the first death for this (queue, reason): x-death's `time`. */
  readonly time: number;
  /** Virtual ms of the latest death for this (queue, reason). */
  readonly lastTime: number;
  /** The per-message TTL it carried, as AMQP's string of ms; dead-lettering removes `expiration`. */
  readonly originalExpiration?: string;
}

/** A message as it travels from a publisher through exchanges (basic.publish + its properties). */
export interface Message {
  /** The `message-id` property. */
  readonly id: string;
  /** The exchange it was published to (or, once dead-lettered, the dead letter exchange). */
  readonly exchange: string;
  readonly routingKey: string;
  readonly headers: Headers;
  /** Plain data: it is cloned with every snapshot. */
  readonly body: unknown;
  /** Per-message TTL in virtual ms (AMQP's `expiration` property). */
  readonly expiration?: number;
  readonly replyTo?: string;
  readonly correlationId?: string;
  /** The broker's death history, most recent first; what x-death is rendered from. */
  readonly deaths?: readonly Death[];
}

/** A message held by one queue. */
export interface QueuedMessage extends Message {
  /** Enqueue order in this queue; a requeue puts the message back by it. */
  readonly seq: number;
  /** True once the message has been delivered and returned to the queue. */
  readonly redelivered: boolean;
  readonly enqueuedAt: number;
  /** When it expires: enqueuedAt + min(x-message-ttl, expiration); none without a TTL. */
  readonly expiresAt?: number;
}

/** Just the Message fields of `message`, without any queue's bookkeeping. */
export function toMessage(message: Message): Message {
  return {
    id: message.id,
    exchange: message.exchange,
    routingKey: message.routingKey,
    headers: message.headers,
    body: message.body,
    ...(message.expiration !== undefined ? { expiration: message.expiration } : {}),
    ...(message.replyTo !== undefined ? { replyTo: message.replyTo } : {}),
    ...(message.correlationId !== undefined ? { correlationId: message.correlationId } : {}),
    ...(message.deaths !== undefined ? { deaths: message.deaths } : {}),
  };
}
