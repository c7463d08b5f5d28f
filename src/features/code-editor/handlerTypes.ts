/** Ambient types the handler code is checked against in the editor (the worker strips types, it does not check them). */
export const HANDLER_TYPES = `
interface TidemarkEvent<T = any> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject?: string;
  datacontenttype: string;
  data: T;
  correlationid: string;
  causationid?: string;
  partitionkey?: string;
  sequence: number;
}

interface Context {
  /** Virtual milliseconds since the run began. */
  now(): number;
  /** A seeded random number in [0, 1); the same on every replay. */
  random(): number;
  /** Writes a line to the event log beside this delivery. */
  log(...args: unknown[]): void;
  /** This node's state, kept between events (a projection's read model). */
  state: Record<string, any>;
  node: { id: string; name: string };
  /** Kafka: where the event was read from: topic node id, partition, offset and record key. */
  record?: { topic: string; partition: number; offset: number; key: string | null };
  /** AMQP: the delivery from a queue being handled. */
  message?: {
    queue: string;
    exchange: string;
    routingKey: string;
    headers: Record<string, unknown>;
    /** Set when the message was delivered before and requeued. */
    redelivered: boolean;
    deliveryTag: number;
    replyTo?: string;
    correlationId?: string;
  };
  /** AMQP: answer the request being handled (sent to its reply_to queue with its correlation id). */
  reply?(data: unknown, type?: string): void;
  /** AMQP: settle with basic.nack instead of an ack; requeue defaults to false (dead-lettered or dropped). */
  nack?(options?: { requeue?: boolean }): void;
  /** Pub/sub: the channel the message was published on, and the pattern that matched it. */
  channel?: { name: string; pattern?: string };
}
`;
