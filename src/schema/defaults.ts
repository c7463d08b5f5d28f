import { entry, isSchemaObject, keyword, type JsonSchema } from './jsonSchema';
import { resolveRef } from './refs';

/**
 * A copy of `value` with the `default` of every declared property that is absent filled in, in
 * objects at any depth (through properties, items and $ref). This is how a reader on a newer schema
 * reads data written before a field with a default existed; combinators are not entered, since which
 * branch applies is not known.
 */
export function applyDefaults(schema: JsonSchema, value: unknown): unknown {
  return fill(schema, schema, value, 0);
}

// Deep enough for any payload; a recursive schema on a recursive value stops here.
const MAX_DEPTH = 64;

function fill(root: JsonSchema, schema: JsonSchema, value: unknown, depth: number): unknown {
  if (!isSchemaObject(schema) || depth > MAX_DEPTH) return value;
  const ref = keyword(schema, '$ref');
  const target = ref === undefined ? undefined : resolveRef(root, ref);
  const filled = target === undefined ? value : fill(root, target, value, depth + 1);

  if (Array.isArray(filled)) {
    const items = keyword(schema, 'items');
    return items === undefined ? filled : filled.map((item) => fill(root, items, item, depth + 1));
  }
  if (filled === null || typeof filled !== 'object') return filled;
  const properties = keyword(schema, 'properties');
  if (properties === undefined) return filled;
  const source = filled as Record<string, unknown>;
  const copy: Record<string, unknown> = { ...source };
  for (const name of Object.keys(properties)) {
    const property = entry(properties, name);
    if (property === undefined) continue;
    const present = Object.hasOwn(source, name) && source[name] !== undefined;
    if (present) set(copy, name, fill(root, property, source[name], depth + 1));
    else if (isSchemaObject(property) && Object.hasOwn(property, 'default'))
      set(copy, name, structuredClone(property.default));
  }
  return copy;
}

function set(record: Record<string, unknown>, name: string, value: unknown): void {
  // defineProperty: a property named __proto__ is data, not the prototype.
  Object.defineProperty(record, name, { value, writable: true, enumerable: true, configurable: true });
}
