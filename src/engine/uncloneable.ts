/** The path of the first value structuredClone would refuse (a function, a symbol), for an error a person can act on. */
export function findUncloneable(value: unknown, path: string): string | undefined {
  if (typeof value === 'function' || typeof value === 'symbol') return `${path} is a ${typeof value}`;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = findUncloneable(item, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}
