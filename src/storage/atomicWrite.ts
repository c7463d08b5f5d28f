import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { TidemarkSchema } from './schema';
import { toStorageError } from './storageError';

export type WriteTransaction<S extends StoreNames<TidemarkSchema>[]> = IDBPTransaction<TidemarkSchema, S, 'readwrite'>;

function ignore(): void {}

/**
 * Runs `work` in one readwrite transaction and waits for it to commit. `work` pushes each request
 * it makes onto `pending`. Any failure aborts the whole transaction and rejects with a StorageError.
 */
export async function atomicWrite<S extends StoreNames<TidemarkSchema>[]>(
  db: IDBPDatabase<TidemarkSchema>,
  stores: S,
  work: (tx: WriteTransaction<S>, pending: Promise<unknown>[]) => void | Promise<void>,
): Promise<void> {
  // relaxed: a run can be replayed from its inputs, so speed matters more than surviving a power cut
  const tx = db.transaction(stores, 'readwrite', { durability: 'relaxed' });
  const pending: Promise<unknown>[] = [tx.done];
  try {
    await work(tx, pending);
    await Promise.all(pending);
  } catch (error) {
    // requests made before a synchronous throw (e.g. DataCloneError) would otherwise reject unhandled
    for (const request of pending) request.catch(ignore);
    try {
      tx.abort();
    } catch {
      // already aborted by IndexedDB itself (quota) or finished
    }
    await tx.done.catch(ignore);
    throw toStorageError(error, tx.error);
  }
}
