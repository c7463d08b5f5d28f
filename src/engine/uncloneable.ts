/**
 * The path of the first value in handler state that a snapshot cannot copy as data: a function, a
 * symbol, or a getter or setter (reading one would run user code at snapshot time). Read without
 * invoking anything, iteratively, and once per object (state may hold cycles).
 */
export function findUncloneable(value: unknown, path: string): string | undefined {
  const stack: { value: unknown; path: string }[] = [{ value, path }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === 'function' || typeof item.value === 'symbol')
      return `${item.path} is a ${typeof item.value}`;
    if (item.value === null || typeof item.value !== 'object' || seen.has(item.value)) continue;
    seen.add(item.value);
    const isArray = Array.isArray(item.value);
    const entries = Object.entries(Object.getOwnPropertyDescriptors(item.value));
    // Reversed onto the stack, so the first problem in document order is the one named.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, descriptor] = entries[i]!;
      const at = isArray ? `${item.path}[${key}]` : `${item.path}.${key}`;
      if (descriptor.get || descriptor.set) return `${at} is a getter or setter`;
      stack.push({ value: descriptor.value, path: at });
    }
  }
  return undefined;
}
