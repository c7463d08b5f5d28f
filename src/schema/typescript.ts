import {
  entry,
  isSchemaObject,
  keyword,
  typesOf,
  type JsonSchema,
  type SchemaObject,
  type SchemaType,
} from './jsonSchema';
import { refTarget } from './refs';

/** A type expression and how tightly it binds: a union must be parenthesised inside `T[]`. */
interface Expr {
  readonly text: string;
  readonly binds: 'union' | 'intersection' | 'atom';
}

const atom = (text: string): Expr => ({ text, binds: 'atom' });
const UNKNOWN = atom('unknown');
const NEVER = atom('never');
const ANY_OBJECT = 'Record<string, unknown>';

// Global types a generated name must not shadow, since the output uses them or people expect them.
const RESERVED = new Set([
  'Record',
  'Array',
  'ReadonlyArray',
  'Partial',
  'Object',
  'String',
  'Number',
  'Boolean',
  'Date',
  'Function',
  'Promise',
  'Map',
  'Set',
]);

/** A PascalCase TypeScript identifier for an event type or $defs name: `order.placed` → `OrderPlaced`. */
export function toTypeName(name: string): string {
  const joined = name
    .split(/[^A-Za-z0-9_$]+/u)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  const base = joined === '' ? 'Type' : /^[0-9]/u.test(joined) ? `_${joined}` : joined;
  return RESERVED.has(base) ? `${base}Type` : base;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/u;
const propertyKey = (name: string): string => (IDENTIFIER.test(name) ? name : JSON.stringify(name));

function union(parts: readonly Expr[]): Expr {
  const distinct = new Map<string, Expr>();
  for (const part of parts) if (part.text !== 'never') distinct.set(part.text, part);
  const members = [...distinct.values()];
  if (distinct.has('unknown')) return UNKNOWN;
  if (members.length === 0) return NEVER;
  if (members.length === 1) return members[0] as Expr;
  return {
    text: members.map((p) => (p.binds === 'intersection' ? `(${p.text})` : p.text)).join(' | '),
    binds: 'union',
  };
}

function intersection(parts: readonly Expr[]): Expr {
  const useful = parts.filter((p) => p.text !== 'unknown');
  if (useful.some((p) => p.text === 'never')) return NEVER;
  if (useful.length === 0) return UNKNOWN;
  if (useful.length === 1) return useful[0] as Expr;
  return { text: useful.map((p) => (p.binds === 'union' ? `(${p.text})` : p.text)).join(' & '), binds: 'intersection' };
}

/** A JSON value as a literal type: "a", 3, null, [1, 2], { a: true }. */
function literal(value: unknown): Expr {
  if (value === null || typeof value !== 'object') return atom(JSON.stringify(value) ?? 'unknown');
  if (Array.isArray(value)) return atom(`[${value.map((v) => literal(v).text).join(', ')}]`);
  const fields = Object.entries(value).map(([k, v]) => `${propertyKey(k)}: ${literal(v).text}`);
  return atom(fields.length === 0 ? 'Record<string, never>' : `{ ${fields.join('; ')} }`);
}

// Editors render doc comments as Markdown (Monaco's hover does): an image or HTML in a schema's
// description would be fetched on hover. Escaping what starts images, links, autolinks (the ":" of
// "https://"), code and tags shows the text as typed.
const asPlainText = (line: string): string => line.replace(/[\\`[\]<>:]/gu, '\\$&');

function docComment(schema: JsonSchema, indent: string): string {
  if (!isSchemaObject(schema)) return '';
  const lines: string[] = [];
  const description = keyword(schema, 'description') ?? keyword(schema, 'title');
  if (description !== undefined) lines.push(...description.split('\n'));
  if (Object.hasOwn(schema, 'default')) lines.push(`@default ${JSON.stringify(schema.default)}`);
  if (keyword(schema, 'deprecated') === true) lines.push('@deprecated');
  if (lines.length === 0) return '';
  const safe = lines.map((line) => asPlainText(line).replaceAll('*/', '*\\/'));
  if (safe.length === 1) return `${indent}/** ${safe[0]} */\n`;
  return `${indent}/**\n${safe.map((line) => `${indent} * ${line}`.trimEnd()).join('\n')}\n${indent} */\n`;
}

interface Context {
  readonly rootName: string;
  /** $defs name → the type name it is emitted as. */
  readonly defNames: ReadonlyMap<string, string>;
}

/** The types a schema is about: its `type`, else what its keywords imply (`properties` → object). */
function impliedTypes(schema: SchemaObject): readonly SchemaType[] | undefined {
  const explicit = typesOf(schema);
  if (explicit) return explicit;
  const has = (...kws: string[]) => kws.some((kw) => Object.hasOwn(schema, kw));
  if (has('properties', 'additionalProperties', 'required')) return ['object'];
  if (has('items', 'minItems', 'maxItems')) return ['array'];
  if (has('minLength', 'maxLength', 'pattern', 'format')) return ['string'];
  if (has('minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum')) return ['number'];
  return undefined;
}

function objectLiteral(ctx: Context, schema: SchemaObject, indent: string): Expr {
  const properties = keyword(schema, 'properties') ?? {};
  const names = Object.keys(properties);
  const required = new Set(keyword(schema, 'required') ?? []);
  const additional = keyword(schema, 'additionalProperties');
  const undeclared = [...required].filter((name) => entry(properties, name) === undefined);
  if (names.length === 0 && undeclared.length === 0) {
    if (additional === false) return atom('Record<string, never>');
    if (additional === undefined || additional === true) return atom(ANY_OBJECT);
    return atom(`Record<string, ${render(ctx, additional, indent).text}>`);
  }
  const inner = `${indent}  `;
  const lines = names.map((name) => {
    const property = entry(properties, name) as JsonSchema;
    const optional = required.has(name) ? '' : '?';
    return `${docComment(property, inner)}${inner}${propertyKey(name)}${optional}: ${render(ctx, property, inner).text};`;
  });
  // Required but not declared: present, of any type.
  for (const name of undeclared) lines.push(`${inner}${propertyKey(name)}: unknown;`);
  // An index signature must admit every declared property's type, so it can only say unknown.
  if (additional !== undefined && additional !== true && additional !== false)
    lines.push(`${inner}[key: string]: unknown;`);
  return atom(`{\n${lines.join('\n')}\n${indent}}`);
}

function typeExpr(ctx: Context, schema: SchemaObject, type: SchemaType, indent: string): Expr {
  switch (type) {
    case 'string':
      return atom('string');
    case 'number':
    case 'integer':
      return atom('number');
    case 'boolean':
      return atom('boolean');
    case 'null':
      return atom('null');
    case 'array': {
      const items = keyword(schema, 'items');
      const item = items === undefined ? UNKNOWN : render(ctx, items, indent);
      return atom(item.binds === 'atom' ? `${item.text}[]` : `(${item.text})[]`);
    }
    case 'object':
      return objectLiteral(ctx, schema, indent);
  }
}

function refExpr(ctx: Context, ref: string): Expr {
  const name = refTarget(ref);
  if (name === '') return atom(ctx.rootName);
  const typeName = name === undefined ? undefined : ctx.defNames.get(name);
  return typeName === undefined ? UNKNOWN : atom(typeName);
}

/** The TypeScript type of the values a schema accepts, as far as types can say it (bounds and patterns cannot). */
function render(ctx: Context, schema: JsonSchema, indent: string): Expr {
  if (schema === true) return UNKNOWN;
  if (schema === false) return NEVER;
  const parts: Expr[] = [];
  const ref = keyword(schema, '$ref');
  if (ref !== undefined) parts.push(refExpr(ctx, ref));
  const values = Object.hasOwn(schema, 'const') ? [schema.const] : keyword(schema, 'enum');
  const anyOf = keyword(schema, 'anyOf') ?? keyword(schema, 'oneOf');
  const allOf = keyword(schema, 'allOf');
  if (values) {
    parts.push(union(values.map(literal)));
  } else {
    const types = impliedTypes(schema);
    const base = types === undefined ? undefined : union(types.map((type) => typeExpr(ctx, schema, type, indent)));
    // `type: object` beside a union of object branches adds nothing but noise.
    const redundant = base?.text === ANY_OBJECT && (anyOf !== undefined || allOf !== undefined || ref !== undefined);
    if (base && !redundant) parts.push(base);
  }
  if (anyOf) parts.push(union(anyOf.map((branch) => render(ctx, branch, indent))));
  if (allOf) parts.push(...allOf.map((branch) => render(ctx, branch, indent)));
  return intersection(parts);
}

/** Whether the schema can be emitted as an interface: a plain object type with nothing beside it. */
function isInterface(schema: JsonSchema): schema is SchemaObject {
  if (!isSchemaObject(schema)) return false;
  const types = impliedTypes(schema);
  const combined = ['$ref', 'enum', 'const', 'anyOf', 'oneOf', 'allOf'].some((kw) => Object.hasOwn(schema, kw));
  return !combined && types?.length === 1 && types[0] === 'object' && keyword(schema, 'properties') !== undefined;
}

function declaration(ctx: Context, name: string, schema: JsonSchema): string {
  const doc = docComment(schema, '');
  if (isInterface(schema)) return `${doc}export interface ${name} ${objectLiteral(ctx, schema, '').text}`;
  return `${doc}export type ${name} = ${render(ctx, schema, '').text};`;
}

/**
 * TypeScript declarations for the values a schema accepts, so the code editor can type a handler's
 * `event.data`: an interface for an object schema (a property is optional unless required), a type
 * alias otherwise, and one declaration per $defs entry. enum and const become literal unions,
 * anyOf/oneOf unions, allOf intersections; what types cannot say (bounds, patterns) is left out,
 * and a schema that says nothing about a value is `unknown`.
 */
export function schemaToTypeScript(typeName: string, schema: JsonSchema): string {
  const rootName = toTypeName(typeName);
  const used = new Set([rootName]);
  const defNames = new Map<string, string>();
  const defs = isSchemaObject(schema) ? (keyword(schema, '$defs') ?? {}) : {};
  for (const defName of Object.keys(defs)) {
    const base = toTypeName(defName);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}${n}`;
    used.add(name);
    defNames.set(defName, name);
  }
  const ctx: Context = { rootName, defNames };
  const declarations = [declaration(ctx, rootName, schema)];
  for (const [defName, name] of defNames) declarations.push(declaration(ctx, name, entry(defs, defName) as JsonSchema));
  return `${declarations.join('\n\n')}\n`;
}
