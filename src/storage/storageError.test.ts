import { describe, expect, it } from 'vitest';
import { StorageError, StorageErrorKind, toStorageError } from './storageError';

describe('toStorageError', () => {
  it('reports a QuotaExceededError as a full browser storage', () => {
    const cause = new DOMException('quota', 'QuotaExceededError');
    const error = toStorageError(cause);
    expect(error).toBeInstanceOf(StorageError);
    expect(error.kind).toBe(StorageErrorKind.Quota);
    expect(error.message).toMatch(/storage is full.*nothing already stored was lost/);
    expect(error.cause).toBe(cause);
  });

  it("reports quota when only the transaction's error names it", () => {
    const error = toStorageError(
      new DOMException('aborted', 'AbortError'),
      new DOMException('quota', 'QuotaExceededError'),
    );
    expect(error.kind).toBe(StorageErrorKind.Quota);
  });

  it('reports anything else as a failed write with its detail', () => {
    const error = toStorageError(new DOMException('could not be cloned', 'DataCloneError'));
    expect(error.kind).toBe(StorageErrorKind.Failed);
    expect(error.message).toContain('could not be cloned');
    expect(error.name).toBe('StorageError');
  });

  it('passes a StorageError through unchanged', () => {
    const error = new StorageError(StorageErrorKind.Failed, 'already mapped');
    expect(toStorageError(error)).toBe(error);
  });
});
