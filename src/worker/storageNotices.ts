import { StorageError, StorageErrorKind } from '../storage';

// What a person is told when storage refuses a write: what happened, and that everything already
// stored is as it was.

/** What went wrong, to start a clause: "browser storage is full". */
export function storageProblem(error: StorageError): string {
  if (error.kind === StorageErrorKind.Quota) return 'browser storage is full';
  const detail = error.cause instanceof Error ? error.cause.message : error.message;
  return `browser storage refused the write (${detail})`;
}

/**
 * The error for a change that was refused before anything changed: "Not opened: browser storage is
 * full. Your flow "Orders" and its run are unchanged." Anything but a StorageError is returned as it is.
 */
export function notDone(action: string, error: unknown, unchanged: string): unknown {
  if (!(error instanceof StorageError)) return error;
  return new Error(`${action}: ${storageProblem(error)}. ${unchanged}`, { cause: error });
}
