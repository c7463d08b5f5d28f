import type { RecordedInput, RunInput } from '../engine';
import { formatCount } from '../lib/formatCount';
import { StorageError, StorageErrorKind } from '../storage';

// What a person is told when storage refuses a write: what happened, what was not saved, and that
// everything already stored is as it was.

/** What went wrong, to start a clause: "browser storage is full". */
export function storageProblem(error: StorageError): string {
  if (error.kind === StorageErrorKind.Quota) return 'browser storage is full';
  const detail = error.cause instanceof Error ? error.cause.message : error.message;
  return `browser storage refused the write (${detail})`;
}

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The error for a change that was refused before anything changed: "Not opened: browser storage is
 * full. Your flow "Orders" and its run are unchanged." Anything but a StorageError is returned as it is.
 */
export function notDone(action: string, error: unknown, unchanged: string): unknown {
  if (!(error instanceof StorageError)) return error;
  return new Error(`${action}: ${storageProblem(error)}. ${unchanged}`, { cause: error });
}

const INPUT_NAMES: Record<RunInput['type'], readonly [one: string, many: string]> = {
  publish: ['event published by hand', 'events published by hand'],
  command: ['command sent by hand', 'commands sent by hand'],
  flow: ['edit to the flow', 'edits to the flow'],
  consumer: ['consumer crash or restart', 'consumer crashes and restarts'],
  'reset-offsets': ['offset reset', 'offset resets'],
  rebuild: ['projection rebuild', 'projection rebuilds'],
};

/** "2 events published by hand and 1 edit to the flow". */
function describeInputs(inputs: readonly RecordedInput[]): string {
  const byType = new Map<RunInput['type'], number>();
  for (const { input } of inputs) byType.set(input.type, (byType.get(input.type) ?? 0) + 1);
  const parts = [...byType].map(([type, n]) => `${formatCount(n)} ${INPUT_NAMES[type][n === 1 ? 0 : 1]}`);
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** What a failed write cost the run: the steps recorded after the stored head, and the inputs made by hand among them or after. */
export interface DiscardedWork {
  /** The last stored step (a timeline position): the run went back to it. */
  readonly storedHead: number;
  /** Where the run had got to. */
  readonly head: number;
  readonly inputs: readonly RecordedInput[];
  /** Where the cursor is now. */
  readonly cursor: number;
}

/**
 * "Browser storage is full: steps 18,945–46,848 could not be saved and were discarded; the run is
 * paused at step 18,944, the last one stored. Free some space (delete a branch, or Reset run), then press Play to continue."
 */
export function discardedNotice(error: StorageError, work: DiscardedWork): string {
  const { storedHead, head, inputs, cursor } = work;
  const lost: string[] = [];
  if (head > storedHead + 1)
    lost.push(`steps ${formatCount(storedHead + 1)}–${formatCount(head)} could not be saved and were discarded`);
  else if (head === storedHead + 1) lost.push(`step ${formatCount(head)} could not be saved and was discarded`);
  if (inputs.length > 0) {
    const what = describeInputs(inputs);
    if (lost.length > 0) lost[0] += `, with ${what}`;
    else lost.push(`${what} could not be saved and ${inputs.length === 1 ? 'was' : 'were'} discarded`);
  }
  const where =
    cursor === storedHead
      ? `the run is paused at step ${formatCount(storedHead)}, the last one stored`
      : `the run is paused; step ${formatCount(storedHead)} is the last one stored`;
  return `${capitalized(storageProblem(error))}: ${[...lost, where].join('; ')}. Free some space (delete a branch, or Reset run), then press Play to continue.`;
}
