export const StorageErrorKind = { Quota: 'quota', Failed: 'failed' } as const;
export type StorageErrorKind = (typeof StorageErrorKind)[keyof typeof StorageErrorKind];

/** A write that did not happen; nothing stored before it was changed. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly kind: StorageErrorKind;

  constructor(kind: StorageErrorKind, message: string, options?: ErrorOptions) {
    super(message, options);
    this.kind = kind;
  }
}

function isQuota(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'QuotaExceededError';
}

/** Turns whatever a failed write threw into a StorageError a person can read; a transaction's own error is checked too. */
export function toStorageError(error: unknown, transactionError?: DOMException | null): StorageError {
  if (error instanceof StorageError) return error;
  if (isQuota(error) || isQuota(transactionError)) {
    return new StorageError(
      StorageErrorKind.Quota,
      'Browser storage is full: the run was paused; nothing already stored was lost. Free space or reset old runs.',
      { cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new StorageError(
    StorageErrorKind.Failed,
    `Could not save to browser storage (${detail}): the run was paused; nothing already stored was lost.`,
    { cause: error },
  );
}
