/**
 * Ambient types every handler editor gets: the event envelope and `ctx`. Keep `Context` in sync
 * with `HandlerContext` in src/engine/code/handlerContext.ts. The types of each event's data are
 * generated per node from the flow's schemas (handlerDeclarations.ts).
 */
export const HANDLER_TYPES = `
/** The CloudEvents 1.0 envelope around every event's data. */
interface EventEnvelope {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly time: string;
  /** Events read from an event store: the stream (aggregate id) the event belongs to. */
  readonly subject?: string;
  readonly datacontenttype: 'application/json';
  readonly dataschema?: string;
  readonly correlationid: string;
  readonly causationid?: string;
  readonly partitionkey?: string;
  /** The schema version the data is read as: the newest (older data is upcast before the handler sees it). */
  readonly schemaversion?: number;
  /** Position of the event in its producer's sequence, from 1. */
  readonly sequence: number;
}

/** An event of one type: the envelope with its type and data. */
type EventOf<Type extends string, Data> = EventEnvelope & { readonly type: Type; readonly data: Data };

interface Context {
  /** Virtual milliseconds since the run began. */
  now(): number;
  /** A seeded random number in [0, 1); the same on every replay. */
  random(): number;
  /** Writes a line to the event log beside this delivery. */
  log(...args: unknown[]): void;
  /** This node's state, kept between events (a projection's read model). */
  state: Record<string, any>;
  readonly node: { readonly id: string; readonly name: string };
  /** Kafka: where the event was read from: topic node id, partition, offset and record key. */
  readonly record?: { readonly topic: string; readonly partition: number; readonly offset: number; readonly key: string | null };
  /** AMQP: the delivery from a queue being handled. */
  readonly message?: {
    readonly queue: string;
    readonly exchange: string;
    readonly routingKey: string;
    readonly headers: Readonly<Record<string, unknown>>;
    /** Set when the message was delivered before and requeued. */
    readonly redelivered: boolean;
    readonly deliveryTag: number;
    readonly replyTo?: string;
    readonly correlationId?: string;
  };
  /** AMQP: answer the request being handled (sent to its reply_to queue with its correlation id). */
  reply?(data: unknown, type?: string): void;
  /** AMQP: settle with basic.nack instead of an ack; requeue defaults to false (dead-lettered or dropped). */
  nack?(options?: { requeue?: boolean }): void;
  /** Pub/sub: the channel the message was published on, and the pattern that matched it. */
  readonly channel?: { readonly name: string; readonly pattern?: string };
  /** Event store: the stream the event belongs to, its version there and its global position. */
  readonly stream?: { readonly id: string; readonly version: number; readonly position: number };
  /** A policy (a consumer wired to aggregates) sends a command; \`to\` names the aggregate when it is wired to several. */
  send?(command: { type: string; aggregateId: string; data?: unknown }, to?: string): void;
}
`;

/** Ambient types of an aggregate's decider code; the event unions are generated per node. */
export const AGGREGATE_TYPES = `
/** A command as decide receives it. */
interface Command {
  readonly id: string;
  readonly type: string;
  readonly aggregateId: string;
  readonly data: any;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** The command source, policy or "manual" that sent it. */
  readonly source: string;
}

/** decide's refusal of a command: nothing is appended and the reason is shown. */
interface Rejection {
  readonly rejected: string;
}

/** Who and what an event came from. */
interface EventMetadata {
  readonly eventId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** Virtual ms of the append. */
  readonly time: number;
}

/** An event as the store keeps it; evolve sees its data as the type's newest schema version. */
type StoredEventOf<Type extends string, Data> = {
  readonly streamId: string;
  /** 1-based position within its stream. */
  readonly version: number;
  /** 0-based position in the store's global log. */
  readonly globalPosition: number;
  readonly type: Type;
  /** The schema version the data was written with. */
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
};
`;
