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
} as const;
export type StepKind = (typeof StepKind)[keyof typeof StepKind];

export const Outcome = { Handled: 'handled', Failed: 'failed' } as const;
export type Outcome = (typeof Outcome)[keyof typeof Outcome];

interface StepBase {
  /** Global index from 0. */
  readonly step: number;
  /** Virtual milliseconds since the run began. */
  readonly time: number;
  /** The node that acted. */
  readonly node: string;
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
}

export interface DeliverStep extends StepBase {
  readonly kind: typeof StepKind.Deliver;
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
  readonly group: string;
  /** When the group will notice a crash (session.timeout.ms later). */
  readonly sessionExpiresAt?: number;
}

export interface CleanupStep extends StepBase {
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

export type StepRecord = OffsetsResetStep | PublishStep | DeliverStep | FlowChangeStep | FaultStep | RebalanceStep | CommitStep | ConsumerStep | CleanupStep;
