// Plain IndexedDB, without idb or our store: the limits the persisted figure is quoted beside.

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });

const done = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });

export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error(`could not delete ${name}`));
    // another connection still open: the delete completes when it closes
    req.onblocked = () => undefined;
  });
}

export async function openRawStore(name: string, store: string): Promise<IDBDatabase> {
  await deleteDatabase(name);
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(store);
  return request(open);
}

/** Writes `records` as [key, value] pairs in one readwrite transaction (durability as in our store). */
export function putAll(
  db: IDBDatabase,
  store: string,
  records: readonly (readonly [number, unknown])[],
): Promise<void> {
  const tx = db.transaction(store, 'readwrite', { durability: 'relaxed' });
  const target = tx.objectStore(store);
  for (const [key, value] of records) target.put(value, key);
  return done(tx);
}

/** A small event object shaped like a delivery step record. */
export function smallEvent(n: number): Record<string, string | number> {
  return {
    kind: 'deliver',
    step: n,
    time: n * 0.01,
    node: `consumer-${n % 6}`,
    topic: 'items',
    offset: n,
    eventId: `0000${n.toString(16)}-1b2c-4d3e-8f40-${(n * 7919).toString(16).padStart(12, '0')}`,
    eventType: 'ItemAdded',
    outcome: 'handled',
  };
}
