/**
 * A memo of at most `capacity` entries that forgets the oldest first when full. A hit is one Map
 * lookup with no reordering, as these caches sit on per-event paths; keys that outlive the bound
 * are simply computed again.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!(Number.isInteger(capacity) && capacity > 0))
      throw new RangeError(`a cache holds a whole number > 0 of entries, not ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  clear(): void {
    this.entries.clear();
  }

  set(key: K, value: V): void {
    if (this.entries.size >= this.capacity && !this.entries.has(key))
      this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, value);
  }
}
