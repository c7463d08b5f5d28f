import type { StepRecord } from '../engine';
import { getOwn, setOwn } from '../lib/ownRecord';
import type { Frame } from '../protocol';

export interface LastFailure {
  readonly step: number;
  readonly error: string;
  /** The event (or command) it failed on: "OrderPlaced 6f1a…". */
  readonly subject?: string;
}

/** Keeps each node's latest failed delivery; forgets failures after the cursor and on another branch. */
export function collectFailures(
  previous: Frame | null,
  frame: Frame,
  failures: Readonly<Record<string, LastFailure>>,
): Readonly<Record<string, LastFailure>> {
  const sameRun = previous !== null && previous.branchId === frame.branchId && frame.head >= previous.head;
  let next: Record<string, LastFailure> | null = null;
  const edit = (): Record<string, LastFailure> => (next ??= { ...failures });
  for (const [nodeId, failure] of Object.entries(failures)) {
    if (!sameRun || failure.step >= frame.cursor) delete edit()[nodeId];
  }
  for (const record of frame.recent) {
    const error = failureOf(record);
    if (error === undefined || record.step >= frame.cursor) continue;
    const known = getOwn(next ?? failures, record.node);
    if (known && known.step >= record.step) continue;
    const subject = subjectOf(record);
    setOwn(
      edit(),
      record.node,
      subject === undefined ? { step: record.step, error } : { step: record.step, error, subject },
    );
  }
  return next ?? failures;
}

/** What a failed step was handling, so the node can say which event broke it. */
function subjectOf(record: StepRecord): string | undefined {
  if (record.kind === 'deliver' || record.kind === 'queue-deliver' || record.kind === 'pubsub-deliver')
    return `${record.eventType} ${record.eventId}`;
  if (record.kind === 'command' || record.kind === 'append') return `${record.commandType} for ${record.streamId}`;
  return undefined;
}

/** What went wrong in a step, shown on its node: a handler that failed, a command refused, an append that lost a conflict. */
function failureOf(record: StepRecord): string | undefined {
  switch (record.kind) {
    case 'deliver':
    case 'queue-deliver':
    case 'pubsub-deliver':
      return record.outcome === 'failed' ? (record.error ?? 'the handler failed') : undefined;
    case 'command':
      return record.outcome === 'decided'
        ? undefined
        : `${record.commandType} ${record.outcome}: ${record.reason ?? ''}`;
    case 'append':
      if (record.outcome === 'failed') return `${record.commandType} failed: ${record.reason ?? ''}`;
      return record.outcome === 'conflict' && record.then !== 'retry'
        ? `${record.commandType} ${record.then === 'rejected' ? 'rejected after a conflict' : 'failed after a conflict'} on ${record.streamId}`
        : undefined;
    default:
      return undefined;
  }
}
