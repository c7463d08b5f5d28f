import { FORMAT_DESCRIPTIONS, matchesFormat } from './formats';
import { childPointer } from './jsonPointer';
import {
  entry,
  isSchemaObject,
  keyword,
  typesOf,
  type JsonSchema,
  type SchemaObject,
  type SchemaType,
} from './jsonSchema';
import { jsonEqual, jsonTypeOf, showValue } from './jsonValue';
import { resolveRef } from './refs';
import { compilePattern } from './regexCache';

/** One way a value fails its schema. */
export interface ValidationError {
  /** JSON Pointer to the value that fails, '' for the whole value: `/items/0/price`. */
  readonly path: string;
  /** The keyword that failed: `type`, `required`, `minimum`, … */
  readonly keyword: string;
  /** What is wrong, for a person: "must be a number, got string". */
  readonly message: string;
  /** JSON Pointer to the failing keyword in the schema. */
  readonly schemaPath: string;
}

interface Walk {
  readonly root: JsonSchema;
  /** `$ref@path` pairs being validated: meeting one again means a reference loop that consumes nothing. */
  readonly refsInProgress: Set<string>;
}

const ARTICLE: Readonly<Record<SchemaType, string>> = {
  null: 'null',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  number: 'a number',
  integer: 'an integer',
  string: 'a string',
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Code points, as JSON Schema counts a string's length (an emoji is one). */
function lengthOf(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function hasType(value: unknown, type: SchemaType): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return jsonTypeOf(value) === type;
  }
}

/**
 * The ways `value` fails `schema`, each with the path of the failing value and a reason a person
 * can act on; empty when it is valid. The schema should have passed `checkSchema`: a keyword outside
 * the supported subset is ignored here.
 */
export function validate(schema: JsonSchema, value: unknown): ValidationError[] {
  return validateAgainst(schema, schema, value);
}

/** `validate` against a subschema of `root`, whose $refs resolve in `root`. */
export function validateAgainst(root: JsonSchema, schema: JsonSchema, value: unknown): ValidationError[] {
  const errors: ValidationError[] = [];
  walk({ root, refsInProgress: new Set() }, schema, value, '', '', errors);
  return errors;
}

function walk(
  w: Walk,
  schema: JsonSchema,
  value: unknown,
  path: string,
  schemaPath: string,
  errors: ValidationError[],
): void {
  const fail = (kw: string, message: string, at = path): void => {
    errors.push({ path: at, keyword: kw, message, schemaPath: childPointer(schemaPath, kw) });
  };
  if (schema === true) return;
  if (schema === false || !isSchemaObject(schema)) {
    errors.push({ path, keyword: 'false', message: 'is not allowed here', schemaPath });
    return;
  }

  const ref = keyword(schema, '$ref');
  if (ref !== undefined) checkRef(w, ref, value, path, schemaPath, errors);

  const types = typesOf(schema);
  if (types && !types.some((type) => hasType(value, type))) {
    const got = typeof value === 'number' && !Number.isFinite(value) ? String(value) : jsonTypeOf(value);
    fail('type', `must be ${types.map((t) => ARTICLE[t] ?? t).join(' or ')}, got ${got}`);
  }
  if (Object.hasOwn(schema, 'const') && !jsonEqual(value, schema.const))
    fail('const', `must be ${showValue(schema.const)}, got ${showValue(value)}`);
  const allowed = keyword(schema, 'enum');
  if (allowed && !allowed.some((option) => jsonEqual(value, option))) {
    fail('enum', `must be one of ${allowed.map(showValue).join(', ')}, got ${showValue(value)}`);
  }

  if (typeof value === 'number') checkNumber(schema, value, fail);
  else if (typeof value === 'string') checkString(schema, value, fail);
  else if (Array.isArray(value)) checkArray(w, schema, value, path, schemaPath, errors, fail);
  else if (value !== null && typeof value === 'object')
    checkObject(w, schema, value as Record<string, unknown>, path, schemaPath, errors, fail);

  checkCombinators(w, schema, value, path, schemaPath, errors, fail);
}

type Fail = (keyword: string, message: string, at?: string) => void;

function checkRef(
  w: Walk,
  ref: string,
  value: unknown,
  path: string,
  schemaPath: string,
  errors: ValidationError[],
): void {
  const target = resolveRef(w.root, ref);
  const at = childPointer(schemaPath, '$ref');
  if (target === undefined) {
    errors.push({ path, keyword: '$ref', message: `cannot resolve $ref ${ref}`, schemaPath: at });
    return;
  }
  const key = `${ref}@${path}`;
  if (w.refsInProgress.has(key)) {
    errors.push({
      path,
      keyword: '$ref',
      message: `$ref ${ref} loops back to itself without reaching a property or item`,
      schemaPath: at,
    });
    return;
  }
  w.refsInProgress.add(key);
  walk(w, target, value, path, at, errors);
  w.refsInProgress.delete(key);
}

function checkNumber(schema: SchemaObject, value: number, fail: Fail): void {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
  if (minimum !== undefined && value < minimum) fail('minimum', `must be at least ${minimum}, got ${value}`);
  if (maximum !== undefined && value > maximum) fail('maximum', `must be at most ${maximum}, got ${value}`);
  if (exclusiveMinimum !== undefined && value <= exclusiveMinimum)
    fail('exclusiveMinimum', `must be greater than ${exclusiveMinimum}, got ${value}`);
  if (exclusiveMaximum !== undefined && value >= exclusiveMaximum)
    fail('exclusiveMaximum', `must be less than ${exclusiveMaximum}, got ${value}`);
}

function checkString(schema: SchemaObject, value: string, fail: Fail): void {
  const { minLength, maxLength, pattern, format } = schema;
  if (minLength !== undefined || maxLength !== undefined) {
    const length = lengthOf(value);
    if (minLength !== undefined && length < minLength)
      fail('minLength', `must be at least ${plural(minLength, 'character')} long, got ${length}`);
    if (maxLength !== undefined && length > maxLength)
      fail('maxLength', `must be at most ${plural(maxLength, 'character')} long, got ${length}`);
  }
  if (pattern !== undefined) {
    const regex = compilePattern(pattern);
    if (regex === null) fail('pattern', `cannot check the pattern ${pattern}: it is not a valid regular expression`);
    else if (!regex.test(value)) fail('pattern', `must match the pattern ${pattern}, got ${showValue(value)}`);
  }
  if (format !== undefined && Object.hasOwn(FORMAT_DESCRIPTIONS, format) && !matchesFormat(format, value)) {
    fail('format', `must be ${FORMAT_DESCRIPTIONS[format]}, got ${showValue(value)}`);
  }
}

function checkArray(
  w: Walk,
  schema: SchemaObject,
  value: readonly unknown[],
  path: string,
  schemaPath: string,
  errors: ValidationError[],
  fail: Fail,
): void {
  const { minItems, maxItems } = schema;
  if (minItems !== undefined && value.length < minItems)
    fail('minItems', `must have at least ${plural(minItems, 'item')}, got ${value.length}`);
  if (maxItems !== undefined && value.length > maxItems)
    fail('maxItems', `must have at most ${plural(maxItems, 'item')}, got ${value.length}`);
  const items = keyword(schema, 'items');
  if (items === undefined) return;
  for (const [i, item] of value.entries())
    walk(w, items, item, childPointer(path, i), childPointer(schemaPath, 'items'), errors);
}

function checkObject(
  w: Walk,
  schema: SchemaObject,
  value: Readonly<Record<string, unknown>>,
  path: string,
  schemaPath: string,
  errors: ValidationError[],
  fail: Fail,
): void {
  const properties = keyword(schema, 'properties');
  // An own property holding undefined is absent, as it would be once the value is JSON.
  const present = (name: string): boolean => Object.hasOwn(value, name) && value[name] !== undefined;
  for (const name of keyword(schema, 'required') ?? []) {
    if (!present(name)) fail('required', 'is required', childPointer(path, name));
  }
  const additional = keyword(schema, 'additionalProperties');
  for (const name of Object.keys(value)) {
    if (!present(name)) continue;
    const declared = entry(properties, name);
    if (declared !== undefined) {
      walk(
        w,
        declared,
        value[name],
        childPointer(path, name),
        childPointer(childPointer(schemaPath, 'properties'), name),
        errors,
      );
    } else if (additional === false) {
      fail(
        'additionalProperties',
        'is not a property the schema declares, and additional properties are not allowed',
        childPointer(path, name),
      );
    } else if (additional !== undefined) {
      walk(
        w,
        additional,
        value[name],
        childPointer(path, name),
        childPointer(schemaPath, 'additionalProperties'),
        errors,
      );
    }
  }
}

function checkCombinators(
  w: Walk,
  schema: SchemaObject,
  value: unknown,
  path: string,
  schemaPath: string,
  errors: ValidationError[],
  fail: Fail,
): void {
  const allOf = keyword(schema, 'allOf');
  allOf?.forEach((branch, i) =>
    walk(w, branch, value, path, childPointer(childPointer(schemaPath, 'allOf'), i), errors),
  );

  const matching = (kw: 'anyOf' | 'oneOf', branches: readonly JsonSchema[]): number[] =>
    branches.flatMap((branch, i) => {
      const branchErrors: ValidationError[] = [];
      walk(w, branch, value, path, childPointer(childPointer(schemaPath, kw), i), branchErrors);
      return branchErrors.length === 0 ? [i] : [];
    });

  const anyOf = keyword(schema, 'anyOf');
  if (anyOf && matching('anyOf', anyOf).length === 0)
    fail('anyOf', `must match at least one of the ${plural(anyOf.length, 'schema')} in anyOf, matched none`);
  const oneOf = keyword(schema, 'oneOf');
  if (oneOf) {
    const matched = matching('oneOf', oneOf);
    if (matched.length === 0)
      fail('oneOf', `must match exactly one of the ${plural(oneOf.length, 'schema')} in oneOf, matched none`);
    else if (matched.length > 1)
      fail(
        'oneOf',
        `must match exactly one of the schemas in oneOf, matched ${matched.length} (${matched.map((i) => `#${i}`).join(', ')})`,
      );
  }
}
