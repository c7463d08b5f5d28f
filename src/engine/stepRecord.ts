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
  /** Set when a person published the event by hand. */
  readonly manual?: true;
}

export interface DeliverStep extends StepBase {
  readonly kind: typeof StepKind.Deliver;
  readonly topic: string;
  readonly offset: number;
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

export type StepRecord = PublishStep | DeliverStep | FlowChangeStep | FaultStep;
