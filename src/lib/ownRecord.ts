/**
 * Records keyed by ids, names and keys that people or their data choose, so a key can be
 * `constructor` or `__proto__`: read and write them through these, never by `record[key]`, `in`,
 * `??=` or `Object.assign`, which all meet Object.prototype. A structured clone (a snapshot,
 * postMessage, IndexedDB) keeps an own `__proto__` key but makes every record an ordinary object,
 * so reads stay own-property reads rather than relying on a null prototype.
 */
export type OwnRecord<T> = Record<string, T>;

/** The value stored under `key` itself, never one inherited from Object.prototype; undefined without a record. */
export function getOwn<T>(record: Readonly<OwnRecord<T>> | null | undefined, key: string): T | undefined {
  if (record == null) return undefined;
  const value = record[key];
  // Object.prototype's own members are methods and the __proto__ accessor (it reads the prototype): any other value is the record's own.
  if (value === undefined || (typeof value !== 'function' && value !== Object.prototype)) return value;
  return Object.hasOwn(record, key) ? value : undefined;
}

export function hasOwn(record: object, key: string): boolean {
  return Object.hasOwn(record, key);
}

export function setOwn<T>(record: OwnRecord<T>, key: string, value: NoInfer<T>): void {
  // `record['__proto__'] = value` would replace the prototype instead; every other name is an ordinary write.
  if (key === '__proto__')
    Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  else record[key] = value;
}

/** The value stored under `key`, created by `create` on first use (`record[key] ??= create()`, own keys only). */
export function ownEntry<T>(record: OwnRecord<T>, key: string, create: () => NoInfer<T>): T {
  if (Object.hasOwn(record, key)) return record[key]!;
  const value = create();
  setOwn(record, key, value);
  return value;
}

/** The list stored under `key`, created empty on first use (without a closure: it runs on every delivery). */
export function listOf<T>(record: OwnRecord<T[]>, key: string): T[] {
  const existing = getOwn(record, key);
  if (existing !== undefined) return existing;
  const list: T[] = [];
  setOwn(record, key, list);
  return list;
}

/** A record of the given entries, with a `__proto__` key kept as a key (as `Object.fromEntries` does). */
export function recordOf<T>(entries: Iterable<readonly [string, T]>): OwnRecord<T> {
  return Object.fromEntries(entries);
}
