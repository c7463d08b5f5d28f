/** One difference between two states, at a path such as `counters.handled` or `partitions[0].highWatermark`. */
export type StateChange =
  | { readonly path: string; readonly change: 'added'; readonly after: unknown }
  | { readonly path: string; readonly change: 'removed'; readonly before: unknown }
  | { readonly path: string; readonly change: 'changed'; readonly before: unknown; readonly after: unknown };

type Shape = 'array' | 'object' | 'value';

function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' && value !== null ? 'object' : 'value';
}

// Keys that would read ambiguously after a dot are written in brackets: state["a.b"], state[""].
const PLAIN_KEY = /^[^.[\]\s"]+$/;

function childPath(path: string, key: string): string {
  if (!PLAIN_KEY.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}

/**
 * What changed from `a` to `b`, path by path, in the order the keys appear: objects by key, arrays by
 * index, and a value whose type changed (object ↔ array ↔ value) as one change. Equal states give [].
 * At most `limit` changes are listed (a huge read model would otherwise flood the view).
 */
export function diffState(a: unknown, b: unknown, limit = Number.POSITIVE_INFINITY): StateChange[] {
  const changes: StateChange[] = [];
  const walk = (before: unknown, after: unknown, path: string): void => {
    if (changes.length >= limit || Object.is(before, after)) return;
    const shape = shapeOf(before);
    if (shape !== shapeOf(after) || shape === 'value') {
      changes.push({ path, change: 'changed', before, after });
      return;
    }
    if (shape === 'array') {
      const from = before as readonly unknown[];
      const to = after as readonly unknown[];
      for (let i = 0; i < Math.max(from.length, to.length); i++) {
        const at = `${path}[${i}]`;
        if (i >= to.length) changes.push({ path: at, change: 'removed', before: from[i] });
        else if (i >= from.length) changes.push({ path: at, change: 'added', after: to[i] });
        else walk(from[i], to[i], at);
        if (changes.length >= limit) return;
      }
      return;
    }
    const from = before as Readonly<Record<string, unknown>>;
    const to = after as Readonly<Record<string, unknown>>;
    for (const key of Object.keys(from)) {
      if (!Object.hasOwn(to, key)) changes.push({ path: childPath(path, key), change: 'removed', before: from[key] });
      else walk(from[key], to[key], childPath(path, key));
      if (changes.length >= limit) return;
    }
    for (const key of Object.keys(to)) {
      if (!Object.hasOwn(from, key)) changes.push({ path: childPath(path, key), change: 'added', after: to[key] });
      if (changes.length >= limit) return;
    }
  };
  walk(a, b, '');
  return changes.slice(0, limit);
}
