import { errorMessage, stripTypes } from './compileHandler';
import { sandboxed } from './sandbox';

export type CompiledModule<T> = { ok: true; load: () => T } | { ok: false; error: string };

const cache = new Map<string, CompiledModule<unknown>>();

/**
 * Compiles user code (TypeScript, types stripped) that defines the named functions and values, and
 * returns a loader that runs the module body afresh each time: top-level variables cannot carry
 * state past a snapshot. Cached per (source, names).
 */
export function compileModule<T>(source: string, names: readonly string[]): CompiledModule<T> {
  const key = `${names.join(',')}\n${source}`;
  const cached = cache.get(key);
  if (cached) return cached as CompiledModule<T>;
  let result: CompiledModule<unknown>;
  try {
    const exported = names.map((n) => `${n}: typeof ${n} === 'undefined' ? undefined : ${n}`).join(', ');
    const load = sandboxed<[], unknown>([], `${stripTypes(source)}\n;return { ${exported} };`);
    load();
    result = { ok: true, load };
  } catch (error) {
    result = { ok: false, error: errorMessage(error) };
  }
  cache.set(key, result);
  return result as CompiledModule<T>;
}
