import {
  ASSERTION_KEYWORDS,
  isSchemaObject,
  keyword,
  typesOf,
  type JsonSchema,
  type SchemaObject,
  type SchemaType,
} from './jsonSchema';
import { jsonEqual } from './jsonValue';
import { resolveRefOrTrue } from './refs';

type Mutable = { -readonly [K in keyof SchemaObject]: SchemaObject[K] };

/** A schema without its `$ref`: the target, or `allOf: [target, the rest]` when other keywords sit beside it. */
export function deref(root: JsonSchema, schema: JsonSchema): JsonSchema {
  let current = schema;
  // A loop of bare $refs is refused by checkSchema; the bound only keeps a bad schema from hanging.
  for (let hops = 0; hops < 32 && isSchemaObject(current); hops++) {
    const ref = keyword(current, '$ref');
    if (ref === undefined) return current;
    const target = resolveRefOrTrue(root, ref);
    const { $ref: _ref, ...rest } = current;
    if (!ASSERTION_KEYWORDS.some((kw) => Object.hasOwn(rest, kw))) {
      current = target;
      continue;
    }
    return { allOf: [target, rest] };
  }
  return current;
}

function intersectTypes(a: readonly SchemaType[], b: readonly SchemaType[]): SchemaType[] {
  const out = new Set<SchemaType>();
  for (const t of a) {
    if (b.includes(t)) out.add(t);
    else if ((t === 'number' && b.includes('integer')) || (t === 'integer' && b.includes('number'))) out.add('integer');
  }
  return [...out];
}

const pick = (values: (number | undefined)[], choose: (...n: number[]) => number): number | undefined => {
  const defined = values.filter((v): v is number => v !== undefined);
  return defined.length === 0 ? undefined : choose(...defined);
};

/**
 * One schema that every value valid under all of `schemas` satisfies (their intersection, or a
 * little more): `allOf` flattened. Where two keywords cannot be combined in one schema, one is kept,
 * which only widens the result, so a compatibility check on it errs on the side of reporting.
 */
export function mergeSchemas(root: JsonSchema, schemas: readonly JsonSchema[]): JsonSchema {
  const parts: SchemaObject[] = [];
  const flatten = (schema: JsonSchema): boolean => {
    const s = deref(root, schema);
    if (s === false) return false;
    if (s === true) return true;
    const { allOf, ...rest } = s;
    parts.push(rest);
    return (allOf ?? []).every(flatten);
  };
  if (!schemas.every(flatten)) return false;

  const merged: Mutable = {};
  let types: SchemaType[] | undefined;
  const unions: (readonly JsonSchema[])[] = [];
  const objectParts = parts.filter((p) => p.properties !== undefined || p.additionalProperties !== undefined);
  const properties: Record<string, JsonSchema> = {};
  const items: JsonSchema[] = [];
  for (const part of parts) {
    const partTypes = typesOf(part);
    if (partTypes) types = types === undefined ? [...partTypes] : intersectTypes(types, partTypes);
    if (Object.hasOwn(part, 'const') && !Object.hasOwn(merged, 'const')) merged.const = part.const;
    if (part.enum)
      merged.enum = merged.enum ? merged.enum.filter((v) => part.enum?.some((w) => jsonEqual(v, w))) : part.enum;
    for (const [name, schema] of Object.entries(part.properties ?? {})) {
      const existing = Object.hasOwn(properties, name) ? properties[name] : undefined;
      Object.defineProperty(properties, name, {
        value: existing === undefined ? schema : { allOf: [existing, schema] },
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }
    if (part.required) merged.required = [...new Set([...(merged.required ?? []), ...part.required])];
    if (part.items !== undefined) items.push(part.items);
    if (merged.pattern === undefined && part.pattern !== undefined) merged.pattern = part.pattern;
    if (merged.format === undefined && part.format !== undefined) merged.format = part.format;
    if (part.anyOf) unions.push(part.anyOf);
    if (part.oneOf) unions.push(part.oneOf);
  }
  if (types !== undefined) {
    if (types.length === 0) return false;
    merged.type = types;
  }
  if (merged.enum?.length === 0) return false;
  if (Object.keys(properties).length > 0) merged.properties = properties;
  // additionalProperties speaks of its own schema's properties: kept only when one part has object keywords.
  const only = objectParts.length === 1 ? objectParts[0]?.additionalProperties : undefined;
  if (only !== undefined) merged.additionalProperties = only;
  if (items.length > 0) merged.items = items.length === 1 ? (items[0] as JsonSchema) : { allOf: items };
  const bound = (
    kw:
      | 'minimum'
      | 'exclusiveMinimum'
      | 'minLength'
      | 'minItems'
      | 'maximum'
      | 'exclusiveMaximum'
      | 'maxLength'
      | 'maxItems',
    choose: (...n: number[]) => number,
  ): void => {
    const value = pick(
      parts.map((p) => p[kw]),
      choose,
    );
    if (value !== undefined) merged[kw] = value;
  };
  for (const kw of ['minimum', 'exclusiveMinimum', 'minLength', 'minItems'] as const) bound(kw, Math.max);
  for (const kw of ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems'] as const) bound(kw, Math.min);
  const [first, ...others] = unions;
  if (first) merged.anyOf = first;
  if (others.length > 0) merged.allOf = others.map((anyOf) => ({ anyOf }));
  return merged;
}
