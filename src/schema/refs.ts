import { entry, isSchemaObject, keyword, type JsonSchema } from './jsonSchema';
import { escapeToken, unescapeToken } from './jsonPointer';

const DEFS_PREFIX = '#/$defs/';

/** The $defs name a supported $ref points to; '' for `#` (the root); undefined for a reference not supported. */
export function refTarget(ref: string): string | undefined {
  if (ref === '#') return '';
  if (!ref.startsWith(DEFS_PREFIX)) return undefined;
  const name = ref.slice(DEFS_PREFIX.length);
  if (name === '' || name.includes('/')) return undefined;
  try {
    // A fragment is percent-encoded: `#/$defs/unit%20price`.
    return unescapeToken(decodeURIComponent(name));
  } catch {
    return undefined;
  }
}

/** The schema a $ref names in `root`, or undefined when it names nothing there. */
export function resolveRef(root: JsonSchema, ref: string): JsonSchema | undefined {
  const name = refTarget(ref);
  if (name === undefined) return undefined;
  if (name === '') return root;
  return isSchemaObject(root) ? entry(keyword(root, '$defs'), name) : undefined;
}

/** The $ref that names a $defs entry: `#/$defs/<name>`, the name escaped as a pointer token in a URI fragment. */
export function defRef(name: string): string {
  return `${DEFS_PREFIX}${encodeURIComponent(escapeToken(name))}`;
}

/** The schema a $ref names, or `true` (no constraint) when it names nothing: checkSchema reports those. */
export function resolveRefOrTrue(root: JsonSchema, ref: string): JsonSchema {
  return resolveRef(root, ref) ?? true;
}
