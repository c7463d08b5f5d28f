/** The JSON types a schema's `type` can name ("integer" is a number with no fraction). */
export const SchemaType = {
  Null: 'null',
  Boolean: 'boolean',
  Object: 'object',
  Array: 'array',
  Number: 'number',
  Integer: 'integer',
  String: 'string',
} as const;
export type SchemaType = (typeof SchemaType)[keyof typeof SchemaType];

/** The formats `validate` checks; any other format is refused by `checkSchema` rather than ignored. */
export const SchemaFormat = { Email: 'email', DateTime: 'date-time', Date: 'date', Uuid: 'uuid' } as const;
export type SchemaFormat = (typeof SchemaFormat)[keyof typeof SchemaFormat];

/**
 * The draft 2020-12 subset Tidemark enforces for event payloads. `true` accepts everything,
 * `false` nothing; `{}` is the same as `true`.
 */
export type JsonSchema = boolean | SchemaObject;

export interface SchemaObject {
  readonly $schema?: string;
  readonly $id?: string;
  readonly $comment?: string;
  readonly $defs?: Readonly<Record<string, JsonSchema>>;
  /** `#` or `#/$defs/<name>`: local references only. */
  readonly $ref?: string;
  readonly title?: string;
  readonly description?: string;
  /** What a reader fills in for an absent property (see applyDefaults); compatibility checks rely on it. */
  readonly default?: unknown;
  readonly examples?: readonly unknown[];
  readonly deprecated?: boolean;
  readonly readOnly?: boolean;
  readonly writeOnly?: boolean;

  readonly type?: SchemaType | readonly SchemaType[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;

  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: JsonSchema;

  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;

  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;

  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: SchemaFormat;

  readonly allOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
}

/** Keywords that describe and never constrain: they are allowed anywhere and ignored by validation. */
export const ANNOTATION_KEYWORDS: readonly string[] = [
  '$schema',
  '$id',
  '$comment',
  '$defs',
  'title',
  'description',
  'default',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
];

/** Keywords that constrain a value. */
export const ASSERTION_KEYWORDS: readonly string[] = [
  '$ref',
  'type',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'allOf',
  'anyOf',
  'oneOf',
];

export function isSchemaObject(schema: unknown): schema is SchemaObject {
  return typeof schema === 'object' && schema !== null && !Array.isArray(schema);
}

/** A keyword's value if the schema has it as its own property (never one inherited from Object.prototype). */
export function keyword<K extends keyof SchemaObject>(schema: SchemaObject, name: K): SchemaObject[K] | undefined {
  return Object.hasOwn(schema, name) ? schema[name] : undefined;
}

/** The subschema a record keyword (`properties`, `$defs`) holds under a name chosen by a person. */
export function entry(record: Readonly<Record<string, JsonSchema>> | undefined, name: string): JsonSchema | undefined {
  return record !== undefined && Object.hasOwn(record, name) ? record[name] : undefined;
}

/** The types `type` allows, as a list; undefined when the schema does not say. */
export function typesOf(schema: SchemaObject): readonly SchemaType[] | undefined {
  const type = keyword(schema, 'type');
  if (type === undefined) return undefined;
  return typeof type === 'string' ? [type] : type;
}
