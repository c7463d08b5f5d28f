// For tests only (nothing in the app imports it): a full origin, and what a database holds.
import { openDB } from 'idb';
import { StoreName } from './schema';

/**
 * From the `nth` put on (counting from 1), IndexedDB refuses every put with a QuotaExceededError, as
 * a full origin does. Returns the function that ends it.
 */
export function refusePutsFrom(nth: number): () => void {
  const proto = IDBObjectStore.prototype;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to restore it, and called with apply(this)
  const put = proto.put;
  let calls = 0;
  proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>): IDBRequest<IDBValidKey> {
    calls++;
    if (calls >= nth) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  };
  return () => {
    proto.put = put;
  };
}

/** Every key and value of every store of a database, in key order: compare two with a byte-exact serializer. */
export async function storedContents(name: string): Promise<Record<string, [IDBValidKey, unknown][]>> {
  const db = await openDB(name);
  const contents: Record<string, [IDBValidKey, unknown][]> = {};
  try {
    for (const store of Object.values(StoreName)) {
      const keys = await db.getAllKeys(store);
      const values = await db.getAll(store);
      contents[store] = keys.map((key, i) => [key, values[i]]);
    }
  } finally {
    db.close();
  }
  return contents;
}
