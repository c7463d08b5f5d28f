import type { CloudEvent } from '../cloudEvent';

/** What handler code receives besides the event. */
export interface HandlerContext {
  now(): number;
  random(): number;
  log(...args: unknown[]): void;
  state: Record<string, unknown>;
  readonly node: { readonly id: string; readonly name: string };
  /** Kafka: where the event was read from: the topic (node id), partition, offset and record key. */
  readonly record?: { readonly topic: string; readonly partition: number; readonly offset: number; readonly key: string | null };
  /** AMQP: the delivery being handled. */
  readonly message?: AmqpDeliveryInfo;
  /** AMQP: answers the request being handled: published to its reply_to queue with its correlation id. */
  reply?(data: unknown, type?: string): void;
  /** AMQP: settle with basic.nack instead of an ack (requeue defaults to false: dead-lettered or dropped). */
  nack?(options?: { requeue?: boolean }): void;
  /** Pub/sub: the channel the message was published on, and the pattern that matched it. */
  readonly channel?: { readonly name: string; readonly pattern?: string };
  /** Event store: the stream the event belongs to, its version there and its global position. */
  readonly stream?: { readonly id: string; readonly version: number; readonly position: number };
  /** A policy (a consumer wired to aggregates) sends a command; `to` names the aggregate when it is wired to several. */
  send?(command: { type: string; aggregateId: string; data?: unknown }, to?: string): void;
}

export interface AmqpDeliveryInfo {
  readonly queue: string;
  readonly exchange: string;
  readonly routingKey: string;
  readonly headers: Readonly<Record<string, unknown>>;
  readonly redelivered: boolean;
  readonly deliveryTag: number;
  readonly replyTo?: string;
  readonly correlationId?: string;
}

export type Handler = (event: CloudEvent, ctx: HandlerContext) => void;

export type CompiledHandler = { ok: true; handle: Handler } | { ok: false; error: string };
