/** Freezes a JSON value in place: events are facts, and a handler must not rewrite one another handler sees. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    // for…in over a JSON value walks its own keys (array indices too) without building a list.
    for (const key in value) deepFreeze(value[key]);
  }
  return value;
}
