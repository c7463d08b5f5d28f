import type { CloudEvent } from './cloudEvent';

/** What one step did; the append-only log is a sequence of these. */
export const StepKind = {
  /** A producer created an event and appended it to the topics it is wired to. */
  Publish: 'publish',
  /** A topic handed a record to one subscriber, whose handler ran. */
  Deliver: 'deliver',
  /** The flow was edited while the run was under way. */
  FlowChange: 'flow-change',
  /** A node could not do its part (a payload template that throws); nothing was published. */
  Fault: 'fault',
  /** A consumer group's partitions were reassigned. */
  Rebalance: 'rebalance',
  /** A consumer committed offsets (the next offset to read, per partition). */
  Commit: 'commit',
  /** A person crashed or restarted a consumer. */
  Consumer: 'consumer',
  /** Retention or compaction removed records from a topic. */
  Cleanup: 'cleanup',
  /** A person reset a stopped group's committed offsets (to replay, or to skip). */
  OffsetsReset: 'offsets-reset',
  /** An AMQP consumer handled a message from a queue and settled it (ack, requeue, dead-letter). */
  QueueDeliver: 'queue-deliver',
  /** Messages at a queue's head outlived their TTL and were dead-lettered or dropped. */
  Expire: 'expire',
  /** A pub/sub subscriber handled a message it received on a channel. */
  ChannelDeliver: 'pubsub-deliver',
  /** An aggregate loaded its stream and decided on a command: events to append, or a rejection. */
  Command: 'command',
  /** An aggregate appended what it decided, expecting the version it loaded; or met a conflict. */
  Append: 'append',
  /** A person rebuilt a read model: it was reset and reads the event store again from the start. */
  Rebuild: 'rebuild',
} as const;
export type StepKind = (typeof StepKind)[keyof typeof StepKind];

export const Outcome = { Handled: 'handled', Failed: 'failed' } as const;
export type Outcome = (typeof Outcome)[keyof typeof Outcome];

/** An invariant the step broke, with why. */
export interface InvariantBreak {
  readonly id: string;
  readonly name: string;
  readonly reason: string;
}

interface StepBase {
  /** Invariants this step broke (they held before it). */
  readonly broken?: readonly InvariantBreak[];
  /** Global index from 0. */
  readonly step: number;
  /** Virtual milliseconds since the run began. */
  readonly time: number;
  /** The node that acted. */
  readonly node: string;
}

/** Where one AMQP publish went: an exchange ('' is the default exchange) and the queues that took a copy. */
export interface AmqpRoute {
  readonly exchange: string;
  readonly routingKey: string;
  /** routed: some queue took it; returned: unroutable and mandatory; dropped: unroutable; refused: the broker said no. */
  readonly outcome: 'routed' | 'returned' | 'dropped' | 'refused';
  readonly queues: readonly string[];
  /** Queues whose reject-publish overflow turned it away. */
  readonly rejectedBy?: readonly string[];
  readonly viaAlternate?: true;
  readonly error?: string;
}

/** A message a queue let go of without an ack: dead-lettered to the queues named, or dropped. */
export interface DeathNote {
  readonly queue: string;
  readonly messageId: string;
  readonly eventType: string;
  readonly reason: 'expired' | 'rejected' | 'maxlen';
  /** The dead letter exchange it was republished to; absent when the queue has none (dropped). */
  readonly exchange?: string;
  /** Queues that took the dead-lettered copy (may be empty: nothing was bound). */
  readonly deadLetteredTo?: readonly string[];
}

/** One pub/sub publish: the channel and who was listening at that moment. */
export interface ChannelNote {
  readonly pubsub: string;
  readonly channel: string;
  /** Subscriber node ids, once per matching subscription; empty: the message is gone. */
  readonly receivers: readonly string[];
}

export interface PublishStep extends StepBase {
  readonly kind: typeof StepKind.Publish;
  readonly event: CloudEvent;
  /** Topics the event was appended to. */
  readonly topics: readonly string[];
  /** Where it landed in each topic. */
  readonly placed?: readonly { readonly topic: string; readonly partition: number; readonly offset: number }[];
  /** Set when a person published the event by hand. */
  readonly manual?: true;
  /** AMQP: one route per exchange or queue the producer is wired to. */
  readonly amqp?: readonly AmqpRoute[];
  /** Pub/sub: one note per pub/sub node the producer is wired to. */
  readonly channels?: readonly ChannelNote[];
  /** Messages that queues let go of because of this publish (x-max-length). */
  readonly deaths?: readonly DeathNote[];
}

export interface DeliverStep extends StepBase {
  readonly kind: typeof StepKind.Deliver;
  /** The topic, or for an event store subscription the aggregate that wrote the event (offset: its global position). */
  readonly topic: string;
  readonly partition?: number;
  readonly offset: number;
  /** Offsets committed in this step ("topic:partition" → next offset): an auto-commit or a commit before handling. */
  readonly committed?: Readonly<Record<string, number>>;
  /** The handler did not run: the record was fetched and committed, then handled in a later step. */
  readonly fetchedOnly?: true;
  readonly eventId: string;
  readonly eventType: string;
  readonly outcome: Outcome;
  readonly error?: string;
  /** Lines the handler wrote with ctx.log. */
  readonly logs?: readonly string[];
}

export interface FlowChangeStep extends StepBase {
  readonly kind: typeof StepKind.FlowChange;
  readonly summary: string;
}

export interface FaultStep extends StepBase {
  readonly kind: typeof StepKind.Fault;
  readonly error: string;
}

export interface RebalanceStep extends StepBase {
  readonly kind: typeof StepKind.Rebalance;
  readonly group: string;
  readonly generation: number;
  readonly reason: string;
  /** Member (node id) → "topic:partition" list, before and after. */
  readonly before: Readonly<Record<string, readonly string[]>>;
  readonly after: Readonly<Record<string, readonly string[]>>;
}

export interface CommitStep extends StepBase {
  readonly kind: typeof StepKind.Commit;
  readonly group: string;
  readonly offsets: Readonly<Record<string, number>>;
}

export interface ConsumerStep extends StepBase {
  readonly kind: typeof StepKind.Consumer;
  readonly action: 'crash' | 'restart';
  /** Its Kafka consumer group, when it reads topics. */
  readonly group?: string;
  /** AMQP: unacked messages returned to their queues by the crash, marked redelivered. */
  readonly requeued?: number;
  /** Messages it had taken but not handled that are gone: auto-ack deliveries and pub/sub messages. */
  readonly lost?: number;
  /** When the group will notice a crash (session.timeout.ms later). */
  readonly sessionExpiresAt?: number;
}

interface CleanupStep extends StepBase {
  readonly kind: typeof StepKind.Cleanup;
  readonly partition: number;
  readonly removed: number;
  readonly logStartOffset: number;
  readonly reason: 'retention' | 'compaction';
}

export interface OffsetsResetStep extends StepBase {
  readonly kind: typeof StepKind.OffsetsReset;
  readonly group: string;
  /** earliest, latest, offset N or timestamp T (virtual ms). */
  readonly target: string;
  /** "topic:partition" → the new committed offset; absent when refused. */
  readonly offsets?: Readonly<Record<string, number>>;
  readonly error?: string;
}

/** How a consumer settled a queue delivery. */
export type Settlement = 'ack' | 'requeue' | 'dead-letter' | 'drop' | 'auto-ack';

export interface QueueDeliverStep extends StepBase {
  readonly kind: typeof StepKind.QueueDeliver;
  readonly queue: string;
  readonly deliveryTag: number;
  readonly eventId: string;
  readonly eventType: string;
  readonly routingKey: string;
  /** Set by the broker on a message delivered before and requeued. */
  readonly redelivered: boolean;
  readonly outcome: Outcome;
  /** ack; requeue (nack, requeue=true); dead-letter or drop (reject without requeue, with or without a DLX); auto-ack (no-ack consumer). */
  readonly settle: Settlement;
  readonly error?: string;
  readonly logs?: readonly string[];
  /** The rejected message and anything else that died in this step. */
  readonly deaths?: readonly DeathNote[];
  /** The reply the handler sent with ctx.reply, and the id of the reply event. */
  readonly reply?: AmqpRoute;
  readonly replyEventId?: string;
  /** This message is a reply to a request a producer is waiting on (matched by correlation id). */
  readonly replyOf?: { readonly producer: string; readonly matched: boolean; readonly roundTripMs?: number };
}

interface ExpireStep extends StepBase {
  readonly kind: typeof StepKind.Expire;
  readonly deaths: readonly DeathNote[];
}

export interface ChannelDeliverStep extends StepBase {
  readonly kind: typeof StepKind.ChannelDeliver;
  readonly pubsub: string;
  readonly channel: string;
  /** The pattern subscription that matched (a pmessage); absent for an exact channel subscription. */
  readonly pattern?: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly outcome: Outcome;
  readonly error?: string;
  readonly logs?: readonly string[];
}

export interface CommandStep extends StepBase {
  readonly kind: typeof StepKind.Command;
  /** The command source, policy or "manual" that sent it. */
  readonly source: string;
  readonly commandId: string;
  readonly commandType: string;
  readonly streamId: string;
  /** The conversation it belongs to, and the event that caused it (null: a person or a command source sent it). */
  readonly correlationId: string;
  readonly causationId: string | null;
  /** The stream's version when loaded: the expected version of the append. */
  readonly version: number;
  readonly attempt: number;
  /** decided: events will be appended after the aggregate's latency; rejected by decide; failed: the code threw or an event broke its schema. */
  readonly outcome: 'decided' | 'rejected' | 'failed';
  /** Types of the events decided. */
  readonly events?: readonly string[];
  readonly reason?: string;
  /** How the state was loaded: from the snapshot at this version, plus the tail. */
  readonly snapshotVersion?: number;
  readonly replayed?: number;
}

export interface AppendStep extends StepBase {
  readonly kind: typeof StepKind.Append;
  readonly commandId: string;
  readonly commandType: string;
  readonly streamId: string;
  readonly expectedVersion: number;
  readonly attempt: number;
  /** failed: the aggregate's code did not compile, or evolve threw on the new events (nothing appended). */
  readonly outcome: 'appended' | 'conflict' | 'failed';
  /** Appended: each event with its stream version and global position. */
  readonly events?: readonly {
    readonly type: string;
    readonly eventId: string;
    readonly version: number;
    readonly position: number;
  }[];
  /** Conflict: the version the stream was really at. */
  readonly actualVersion?: number;
  /** Conflict: decided again on the fresh state (another append follows), rejected now, or failed after the last retry. */
  readonly then?: 'retry' | 'rejected' | 'failed';
  readonly reason?: string;
  /** Snapshots taken at these versions. */
  readonly snapshots?: readonly number[];
}

export interface RebuildStep extends StepBase {
  readonly kind: typeof StepKind.Rebuild;
  /** Events it will read again. */
  readonly events: number;
}

export type StepRecord =
  | CommandStep
  | AppendStep
  | RebuildStep
  | QueueDeliverStep
  | ExpireStep
  | ChannelDeliverStep
  | OffsetsResetStep
  | PublishStep
  | DeliverStep
  | FlowChangeStep
  | FaultStep
  | RebalanceStep
  | CommitStep
  | ConsumerStep
  | CleanupStep;
