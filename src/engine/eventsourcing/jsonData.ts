import { setOwn } from '../../lib/ownRecord';

/** A plain object from any realm: its prototype is Object.prototype (of some realm) or null. */
function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * A deep copy of `value` as JSON would store it, so what the store holds survives export and
 * reload unchanged: an undefined property is dropped, an undefined array item becomes null.
 * Throws a TypeError naming the first place that JSON cannot hold (a function, a Date, NaN, …).
 */
export function toJsonData(value: unknown, path: string): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path} is ${value}, which JSON cannot hold`);
      return value;
    case 'object':
      break;
    default:
      throw new TypeError(`${path} is a ${typeof value}, which JSON cannot hold`);
  }
  if (Array.isArray(value)) return value.map((item, i) => toJsonData(item, `${path}[${i}]`));
  if (!isPlainObject(value)) {
    throw new TypeError(
      `${path} is a ${value.constructor?.name ?? 'non-plain object'}, which JSON cannot hold: store plain objects`,
    );
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) setOwn(copy, key, toJsonData(item, `${path}.${key}`));
  }
  return copy;
}
