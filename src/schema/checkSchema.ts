import { childPointer } from './jsonPointer';
import {
  ANNOTATION_KEYWORDS,
  ASSERTION_KEYWORDS,
  isSchemaObject,
  SchemaFormat,
  SchemaType,
  type JsonSchema,
} from './jsonSchema';
import { isJsonValue, jsonTypeOf } from './jsonValue';
import { defRef, refTarget, resolveRef } from './refs';
import { patternError } from './regexCache';

/** Something in a schema that Tidemark cannot enforce, or that is not a schema at all. */
export interface SchemaProblem {
  /** JSON Pointer into the schema: `/properties/price/exclusiveMinimum`. */
  readonly path: string;
  readonly message: string;
}

const KNOWN = new Set([...ANNOTATION_KEYWORDS, ...ASSERTION_KEYWORDS]);
const TYPES: readonly string[] = Object.values(SchemaType);
const FORMATS: readonly string[] = Object.values(SchemaFormat);

/** What to write instead of keywords people reach for that the subset leaves out. */
const HINTS: Readonly<Record<string, string>> = {
  definitions: 'use $defs (draft 2020-12) instead',
  prefixItems: 'tuples are not supported; use items with one schema for every item',
  patternProperties: 'list the properties in properties, or use additionalProperties with a schema',
  not: 'express the rule positively (enum, oneOf, …)',
  if: 'use oneOf with one branch per case',
  then: 'use oneOf with one branch per case',
  else: 'use oneOf with one branch per case',
  dependentRequired: 'use oneOf with one branch per case',
  dependentSchemas: 'use oneOf with one branch per case',
  unevaluatedProperties: 'use additionalProperties',
  $dynamicRef: 'use $ref to #/$defs/<name>',
  $anchor: 'use $ref to #/$defs/<name>',
};

const isWholeNumber = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;
const isFiniteNumber = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);

/**
 * The problems that would make `validate` enforce less than the schema says: keywords outside the
 * supported subset, malformed keyword values, references it cannot follow, and bounds that no value
 * can meet. An empty list means the schema is enforced exactly as written.
 */
export function checkSchema(schema: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  checkNode(schema, schema as JsonSchema, '', problems);
  if (problems.length === 0) checkRefLoops(schema as JsonSchema, problems);
  return problems;
}

function checkNode(schema: unknown, root: JsonSchema, path: string, problems: SchemaProblem[]): void {
  const problem = (at: string, message: string): void => {
    problems.push({ path: at, message });
  };
  if (typeof schema === 'boolean') return;
  if (!isSchemaObject(schema)) {
    problem(path, `a schema is an object or a boolean, got ${jsonTypeOf(schema)}`);
    return;
  }
  const node = schema as Readonly<Record<string, unknown>>;
  const at = (kw: string): string => childPointer(path, kw);
  const sub = (value: unknown, subPath: string): void => checkNode(value, root, subPath, problems);
  const schemaList = (kw: string, value: unknown): void => {
    if (!Array.isArray(value) || value.length === 0) return problem(at(kw), `${kw} is a non-empty array of schemas`);
    value.forEach((item, i) => sub(item, childPointer(at(kw), i)));
  };
  const schemaRecord = (kw: string, value: unknown): void => {
    if (!isSchemaObject(value)) return problem(at(kw), `${kw} is an object of schemas, got ${jsonTypeOf(value)}`);
    for (const [name, item] of Object.entries(value)) sub(item, childPointer(at(kw), name));
  };

  for (const [kw, value] of Object.entries(node)) {
    if (!KNOWN.has(kw)) {
      const hint = Object.hasOwn(HINTS, kw) ? `: ${HINTS[kw]}` : '';
      problem(at(kw), `unsupported keyword ${kw}${hint}`);
      continue;
    }
    switch (kw) {
      case '$schema':
      case '$id':
      case '$comment':
      case 'title':
      case 'description':
        if (typeof value !== 'string') problem(at(kw), `${kw} is a string`);
        break;
      case 'deprecated':
      case 'readOnly':
      case 'writeOnly':
        if (typeof value !== 'boolean') problem(at(kw), `${kw} is true or false`);
        break;
      case 'default':
      case 'const':
        if (!isJsonValue(value)) problem(at(kw), `${kw} must be a JSON value`);
        break;
      case 'examples':
        if (!Array.isArray(value) || !value.every(isJsonValue)) problem(at(kw), 'examples is an array of JSON values');
        break;
      case '$defs':
        if (path !== '') problem(at(kw), '$defs is supported only at the root of the schema, where $ref can reach it');
        else schemaRecord(kw, value);
        break;
      case '$ref':
        checkRef(value, root, at(kw), problem);
        break;
      case 'type':
        checkType(value, at(kw), problem);
        break;
      case 'enum':
        if (!Array.isArray(value) || value.length === 0)
          problem(at(kw), 'enum is a non-empty array of the values allowed');
        else if (!value.every(isJsonValue)) problem(at(kw), 'enum must list JSON values');
        break;
      case 'properties':
        schemaRecord(kw, value);
        break;
      case 'additionalProperties':
      case 'items':
        if (kw === 'items' && Array.isArray(value))
          problem(at(kw), 'items is one schema for every item in 2020-12; tuples (prefixItems) are not supported');
        else sub(value, at(kw));
        break;
      case 'required':
        if (!Array.isArray(value) || !value.every((name) => typeof name === 'string'))
          problem(at(kw), 'required is an array of property names');
        else if (new Set(value).size !== value.length) problem(at(kw), 'required lists a property twice');
        break;
      case 'minItems':
      case 'maxItems':
      case 'minLength':
      case 'maxLength':
        if (!isWholeNumber(value)) problem(at(kw), `${kw} is a whole number ≥ 0, got ${JSON.stringify(value)}`);
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        if (typeof value === 'boolean')
          problem(at(kw), `${kw} is a number in 2020-12 (the boolean form is draft-04's)`);
        else if (!isFiniteNumber(value)) problem(at(kw), `${kw} is a number, got ${jsonTypeOf(value)}`);
        break;
      case 'pattern': {
        const error = typeof value === 'string' ? patternError(value) : 'pattern is a string';
        if (error !== undefined) problem(at(kw), `pattern is not a valid regular expression: ${error}`);
        break;
      }
      case 'format':
        if (typeof value !== 'string' || !FORMATS.includes(value)) {
          problem(
            at(kw),
            `format ${JSON.stringify(value)} is not checked; the formats checked are ${FORMATS.join(', ')}`,
          );
        }
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        schemaList(kw, value);
        break;
    }
  }
  checkSatisfiable(node, path, problem);
}

function checkType(value: unknown, path: string, problem: (at: string, message: string) => void): void {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0 || !list.every((t) => typeof t === 'string')) {
    problem(path, `type is one of ${TYPES.join(', ')}, or a non-empty array of them`);
    return;
  }
  const unknown = list.find((t) => !TYPES.includes(t));
  if (unknown !== undefined)
    problem(path, `unknown type ${JSON.stringify(unknown)}; the types are ${TYPES.join(', ')}`);
  else if (new Set(list).size !== list.length) problem(path, 'type lists a type twice');
}

function checkRef(
  value: unknown,
  root: JsonSchema,
  path: string,
  problem: (at: string, message: string) => void,
): void {
  if (typeof value !== 'string' || refTarget(value) === undefined) {
    problem(path, `$ref ${JSON.stringify(value)} is not supported: only # and #/$defs/<name> are`);
  } else if (resolveRef(root, value) === undefined) {
    problem(path, `$ref ${value} names no schema in $defs`);
  }
}

/** Bounds that exclude every value: the schema would refuse every event, which is never what was meant. */
function checkSatisfiable(
  node: Readonly<Record<string, unknown>>,
  path: string,
  problem: (at: string, message: string) => void,
): void {
  const pairs: [string, string][] = [
    ['minimum', 'maximum'],
    ['minLength', 'maxLength'],
    ['minItems', 'maxItems'],
  ];
  for (const [low, high] of pairs) {
    const lo = node[low];
    const hi = node[high];
    if (typeof lo === 'number' && typeof hi === 'number' && lo > hi)
      problem(childPointer(path, low), `${low} ${lo} is above ${high} ${hi}: no value can be valid`);
  }
  const properties = isSchemaObject(node.properties) ? node.properties : {};
  if (node.additionalProperties === false && Array.isArray(node.required)) {
    for (const name of node.required) {
      if (typeof name === 'string' && !Object.hasOwn(properties, name)) {
        problem(
          childPointer(path, 'required'),
          `${name} is required but not declared in properties, and additional properties are not allowed: no value can be valid`,
        );
      }
    }
  }
}

/**
 * A $ref loop that meets no property or item (`a` is `allOf: [{ $ref: b }]` and `b` refers back to
 * `a`) would validate forever: such schemas are refused.
 */
function checkRefLoops(root: JsonSchema, problems: SchemaProblem[]): void {
  // Keyed by $defs name ('' for the root), so `#/$defs/a%20b` and `#/$defs/a b` are one target.
  const refsOf = (schema: JsonSchema): string[] => {
    if (!isSchemaObject(schema)) return [];
    const direct = schema.$ref !== undefined ? [refTarget(schema.$ref) ?? ''] : [];
    const branches = [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
    return [...direct, ...branches.flatMap(refsOf)];
  };
  const defs = isSchemaObject(root) && isSchemaObject(root.$defs) ? Object.keys(root.$defs) : [];
  const where = (name: string): string => (name === '' ? '' : childPointer('/$defs', name));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, trail: string[]): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      const loop = [...trail.slice(trail.indexOf(name)), name].map((n) => (n === '' ? '#' : `#/$defs/${n}`));
      problems.push({
        path: where(name),
        message: `$ref loop that never reaches a property or item: ${loop.join(' → ')}`,
      });
      return;
    }
    state.set(name, 'visiting');
    const schema = resolveRef(root, name === '' ? '#' : defRef(name));
    if (schema !== undefined) for (const next of refsOf(schema)) visit(next, [...trail, name]);
    state.set(name, 'done');
  };
  for (const name of ['', ...defs]) visit(name, []);
}
