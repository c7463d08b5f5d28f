// The JSON Schema subset Tidemark enforces (docs/schemas.md), written as a schema for Monaco's JSON
// editor: it completes and explains the keywords, and underlines one outside the subset while the
// person types. Saving still runs checkSchema, which is the rule; this is only the early hint.

const schemaRef = { $ref: '#/definitions/schema' };
const count = { type: 'integer', minimum: 0 };

const KEYWORDS: Record<string, Record<string, unknown>> = {
  $schema: { type: 'string', description: 'The dialect: draft 2020-12.' },
  $id: { type: 'string' },
  $comment: { type: 'string', description: 'A note for people; ignored when validating.' },
  $defs: {
    type: 'object',
    additionalProperties: schemaRef,
    description: 'Named schemas, at the root only; refer to one with "$ref": "#/$defs/<name>".',
  },
  $ref: {
    type: 'string',
    pattern: '^#(/\\$defs/[^/]+)?$',
    description: '"#" or "#/$defs/<name>": local references only.',
  },
  title: { type: 'string' },
  description: { type: 'string', description: "Shown in the handler editor as the field's documentation." },
  default: {
    description: 'What a reader fills in for an absent property: it makes a new required field backward compatible.',
  },
  examples: { type: 'array' },
  deprecated: { type: 'boolean' },
  readOnly: { type: 'boolean' },
  writeOnly: { type: 'boolean' },
  type: {
    description: 'integer is a number with no fraction.',
    anyOf: [
      { enum: ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'] },
      { type: 'array', items: { enum: ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'] } },
    ],
  },
  enum: { type: 'array', description: 'The only values allowed.' },
  const: { description: 'The one value allowed.' },
  properties: { type: 'object', additionalProperties: schemaRef },
  required: { type: 'array', items: { type: 'string' }, description: 'Properties that must be present.' },
  additionalProperties: {
    ...schemaRef,
    description: 'false closes the object: a property it does not declare is refused.',
  },
  items: { ...schemaRef, description: 'One schema for every item (tuples are not supported).' },
  minItems: count,
  maxItems: count,
  minimum: { type: 'number' },
  maximum: { type: 'number' },
  exclusiveMinimum: { type: 'number' },
  exclusiveMaximum: { type: 'number' },
  minLength: { ...count, description: 'Counted in characters: an emoji is one.' },
  maxLength: { ...count, description: 'Counted in characters: an emoji is one.' },
  pattern: { type: 'string', description: 'An ECMA-262 regular expression with the u flag, unanchored.' },
  format: { enum: ['email', 'date-time', 'date', 'uuid'], description: 'The formats Tidemark checks.' },
  allOf: { type: 'array', items: schemaRef },
  anyOf: { type: 'array', items: schemaRef },
  oneOf: { type: 'array', items: schemaRef, description: 'Exactly one branch must match.' },
};

/** The meta-schema Monaco validates event schemas with. */
export const JSON_SCHEMA_SUBSET = {
  $ref: '#/definitions/schema',
  definitions: {
    schema: {
      anyOf: [{ type: 'boolean' }, { type: 'object', properties: KEYWORDS, additionalProperties: false }],
    },
  },
};

/** Models whose file name ends so are event schemas. */
export const EVENT_SCHEMA_SUFFIX = '.eventschema.json';
