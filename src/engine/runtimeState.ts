import type { FlowDocument } from '../flow';
import type { Counters } from './counters';
import type { CloudEvent } from './cloudEvent';
import type { DomainEvent, LoadedAggregate } from './eventsourcing';
import type { Command } from './command';
import type { AmqpState } from './nodes/amqpState';
import type { EsState } from './nodes/esState';
import type { KafkaState } from './nodes/kafkaState';

/** A step waiting in the scheduler; ordered by (time, seq). `seq` is assigned by the scheduler. */
export type ScheduledAction =
  | { readonly kind: 'produce'; readonly time: number; seq: number; readonly node: string }
  /** A consumer polls one record and handles it (or, committing before handling, only fetches it). */
  | { readonly kind: 'fetch'; readonly time: number; seq: number; readonly node: string }
  /** Commit-before mode: the fetched record is handled. */
  | { readonly kind: 'handle'; readonly time: number; seq: number; readonly node: string }
  /** Commit-after mode: the offsets of a handled record are committed. */
  | {
      readonly kind: 'commit';
      readonly time: number;
      seq: number;
      readonly node: string;
      readonly memberId: string;
      readonly offsets: Readonly<Record<string, number>>;
    }
  | { readonly kind: 'session-expiry'; readonly time: number; seq: number; readonly node: ''; readonly group: string }
  /** A member joins (node set) or leaves (leave set), or the group rebalances with no membership change. */
  | {
      readonly kind: 'group-sync';
      readonly time: number;
      seq: number;
      readonly node: string;
      readonly group: string;
      readonly leave?: string;
    }
  /** Retention and compaction after a partition rolled a segment. */
  | { readonly kind: 'cleanup'; readonly time: number; seq: number; readonly node: string; readonly partition: number }
  /** An AMQP consumer handles the oldest delivery it holds from a queue. */
  | {
      readonly kind: 'queue-handle';
      readonly time: number;
      seq: number;
      readonly node: string;
      readonly queue: string;
      readonly incarnation: number;
    }
  /** A queue's head message reaches its TTL. */
  | { readonly kind: 'queue-expire'; readonly time: number; seq: number; readonly node: string }
  /** A command source sends its next command (and the aggregate decides on it in the same step). */
  | { readonly kind: 'command'; readonly time: number; seq: number; readonly node: string }
  /** A command sent by a policy reaches its aggregate, which decides on it. */
  | {
      readonly kind: 'aggregate-decide';
      readonly time: number;
      seq: number;
      readonly node: string;
      readonly command: Command;
    }
  /** An aggregate appends what it decided, expecting the version it loaded. */
  | {
      readonly kind: 'aggregate-append';
      readonly time: number;
      seq: number;
      readonly node: string;
      readonly command: Command;
      readonly loaded: LoadedAggregate<unknown>;
      readonly events: readonly DomainEvent[];
      readonly attempt: number;
    }
  /** An event store subscriber reads its next event. */
  | { readonly kind: 'store-read'; readonly time: number; seq: number; readonly node: string }
  /** A pub/sub subscriber handles a message it received (its latency after the publish). */
  | {
      readonly kind: 'pubsub-handle';
      readonly time: number;
      seq: number;
      readonly node: string;
      readonly pubsub: string;
      readonly channel: string;
      readonly pattern?: string;
      readonly event: CloudEvent;
      readonly incarnation: number;
    };

export interface NodeState {
  counters: Counters;
  /** Producer: events created so far; topic: the next offset. */
  sequence: number;
  /** Handler nodes: the JSON state their code keeps (a projection's read model). */
  data: Record<string, unknown>;
}

/** Everything a run knows, as plain data: cloning it is a snapshot. */
export interface RuntimeState {
  /** Steps executed so far (the index of the next step). */
  step: number;
  /** Virtual milliseconds. */
  time: number;
  /** The seeded generator's four words. */
  random: [number, number, number, number];
  /** Insertion counter that breaks ties between actions due at the same time. */
  seq: number;
  /** Binary min-heap of pending actions. */
  queue: ScheduledAction[];
  nodes: Record<string, NodeState>;
  edges: Record<string, number>;
  amqp: AmqpState;
  /** Invariant id → broken since an earlier step (a break is recorded once, when it happens). */
  broken: Record<string, true>;
  es: EsState;
  kafka: KafkaState;
}

export interface RuntimeSnapshot {
  readonly flow: FlowDocument;
  readonly state: RuntimeState;
}
