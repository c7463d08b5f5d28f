import type { StepRecord } from './stepRecord';

/** What a timeline marker stands for; a person-made bookmark is not a step kind and lives apart. */
export const MarkerKind = {
  /** A node could not do its part: a fault, a failed delivery, a refused offsets reset. */
  Error: 'error',
  /** A consumer group's partitions were reassigned. */
  Rebalance: 'rebalance',
  /** A queue let messages go: dead-lettered, or dropped with no dead letter exchange. */
  DeadLetter: 'dead-letter',
  /** An aggregate's append met a wrong expected version. */
  Conflict: 'conflict',
  /** The step broke an invariant. */
  Invariant: 'invariant',
} as const;
export type MarkerKind = (typeof MarkerKind)[keyof typeof MarkerKind];

/**
 * The marker a step puts on the timeline, or null for an ordinary step. A new kind of marker
 * (dead-lettering, a conflict, a broken invariant) is one `case` here plus its entry in MarkerKind.
 * Called for every recorded step: a switch on the kind costs about nothing (measured against a table
 * lookup, which doubled the time of an ordinary step's check).
 */
export function markerKindOf(step: StepRecord): MarkerKind | null {
  // A broken invariant outranks whatever else the step did: it is why the run paused there.
  if (step.broken !== undefined) return MarkerKind.Invariant;
  switch (step.kind) {
    case 'fault':
      return MarkerKind.Error;
    case 'deliver':
    case 'pubsub-deliver':
      return step.outcome === 'failed' ? MarkerKind.Error : null;
    case 'queue-deliver':
      return step.deaths !== undefined ? MarkerKind.DeadLetter : step.outcome === 'failed' ? MarkerKind.Error : null;
    case 'publish':
      return step.deaths !== undefined ? MarkerKind.DeadLetter : null;
    case 'expire':
      return MarkerKind.DeadLetter;
    case 'command':
      return step.outcome === 'decided' ? null : MarkerKind.Error;
    case 'append':
      return step.outcome === 'conflict' ? MarkerKind.Conflict : step.outcome === 'failed' ? MarkerKind.Error : null;
    case 'offsets-reset':
      return step.error !== undefined ? MarkerKind.Error : null;
    case 'rebalance':
      return MarkerKind.Rebalance;
    default:
      return null;
  }
}
