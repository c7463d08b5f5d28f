import type { Frame } from '../protocol';

export interface LastFailure {
  readonly step: number;
  readonly error: string;
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
    if (record.kind !== 'deliver' || record.outcome !== 'failed' || record.step >= frame.cursor) continue;
    const known = (next ?? failures)[record.node];
    if (known && known.step >= record.step) continue;
    edit()[record.node] = { step: record.step, error: record.error ?? 'the handler failed' };
  }
  return next ?? failures;
}
