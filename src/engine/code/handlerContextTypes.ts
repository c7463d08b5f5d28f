// What handler code receives besides the event: the engine builds it, and the code editor shows
// this file's text to Monaco as it stands (imported with `?raw`, `export ` removed). So: types
// only, no imports, and doc comments written for the person editing a handler.

/** What handler code receives besides the event (`ctx`). */
export interface HandlerContext<State = Record<string, unknown>> {
  /** Virtual milliseconds since the run began. */
  now(): number;
  /** A seeded random number in [0, 1); the same on every replay. */
  random(): number;
  /** Writes a line to the event log beside this delivery. */
  log(...args: unknown[]): void;
  /** This node's state, kept between events (a projection's read model). */
  state: State;
  readonly node: { readonly id: string; readonly name: string };
  /** Kafka: where the event was read from: topic node id, partition, offset and record key. */
  readonly record?: {
    readonly topic: string;
    readonly partition: number;
    readonly offset: number;
    readonly key: string | null;
  };
  /** AMQP: the delivery from a queue being handled. */
  readonly message?: AmqpDeliveryInfo;
  /** AMQP: answer the request being handled (sent to its reply_to queue with its correlation id). */
  reply?(data: unknown, type?: string): void;
  /** AMQP: settle with basic.nack instead of an ack; requeue defaults to false (dead-lettered or dropped). */
  nack?(options?: { requeue?: boolean }): void;
  /** Pub/sub: the channel the message was published on, and the pattern that matched it. */
  readonly channel?: { readonly name: string; readonly pattern?: string };
  /** Event store: the stream the event belongs to, its version there and its global position. */
  readonly stream?: { readonly id: string; readonly version: number; readonly position: number };
  /** A policy (a consumer wired to aggregates) sends a command; `to` names the aggregate when it is wired to several. */
  send?(command: { type: string; aggregateId: string; data?: unknown }, to?: string): void;
}

/** AMQP: the delivery from a queue being handled. */
export interface AmqpDeliveryInfo {
  readonly queue: string;
  readonly exchange: string;
  readonly routingKey: string;
  readonly headers: Readonly<Record<string, unknown>>;
  /** Set when the message was delivered before and requeued. */
  readonly redelivered: boolean;
  readonly deliveryTag: number;
  readonly replyTo?: string;
  readonly correlationId?: string;
}
