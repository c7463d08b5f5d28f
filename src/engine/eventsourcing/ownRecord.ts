/**
 * Stream ids, event types and event ids are chosen by people, so they can be `constructor` or
 * `__proto__`: plain-object records are read and written through these, never by `record[key]`.
 */
export type OwnRecord<T> = Record<string, T>;

export function getOwn<T>(record: OwnRecord<T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function setOwn<T>(record: OwnRecord<T>, key: string, value: T): void {
  // defineProperty, because `record['__proto__'] = value` would replace the prototype instead.
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}

/** The list stored under `key`, created empty on first use. */
export function listOf<T>(record: OwnRecord<T[]>, key: string): T[] {
  const existing = getOwn(record, key);
  if (existing) return existing;
  const list: T[] = [];
  setOwn(record, key, list);
  return list;
}
