import { describe, expect, it } from 'vitest';
import { checkSchema } from './checkSchema';

const lines = (schema: unknown): string[] => checkSchema(schema).map((p) => `${p.path}: ${p.message}`);

describe('checkSchema', () => {
  it('accepts a schema that uses only the subset', () => {
    expect(
      checkSchema({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: 'urn:tidemark:OrderPlaced',
        title: 'OrderPlaced',
        description: 'An order was placed',
        type: 'object',
        required: ['id'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: '^[A-Z]', minLength: 1, maxLength: 20, examples: ['A1'] },
          at: { type: 'string', format: 'date-time' },
          total: { $ref: '#/$defs/money', description: 'gross' },
          tags: { type: 'array', items: { enum: ['a', 'b'] }, minItems: 0, maxItems: 3 },
          kind: { const: 'web', default: 'web', deprecated: true },
          pay: {
            oneOf: [
              { type: 'null' },
              { anyOf: [{ type: 'integer', minimum: 0 }, { allOf: [{ type: 'number', exclusiveMaximum: 5 }] }] },
            ],
          },
        },
        $defs: { money: { type: ['number', 'null'], exclusiveMinimum: 0 } },
      }),
    ).toEqual([]);
    expect(checkSchema(true)).toEqual([]);
    expect(checkSchema({})).toEqual([]);
  });

  it('names each unsupported keyword with its path, and what to use instead where there is an answer', () => {
    expect(lines({ properties: { a: { not: { type: 'string' }, uniqueItems: true } }, definitions: {} })).toEqual([
      '/properties/a/not: unsupported keyword not: express the rule positively (enum, oneOf, …)',
      '/properties/a/uniqueItems: unsupported keyword uniqueItems',
      '/definitions: unsupported keyword definitions: use $defs (draft 2020-12) instead',
    ]);
    expect(lines({ items: [{ type: 'string' }] })).toEqual([
      '/items: items is one schema for every item in 2020-12; tuples (prefixItems) are not supported',
    ]);
  });

  it('refuses formats it does not check instead of ignoring them', () => {
    expect(lines({ format: 'uri' })).toEqual([
      '/format: format "uri" is not checked; the formats checked are email, date-time, date, uuid',
    ]);
  });

  it('reports malformed keyword values', () => {
    expect(
      lines({
        type: 'float',
        required: 'id',
        minLength: -1,
        maxItems: 1.5,
        minimum: '3',
        exclusiveMinimum: true,
        pattern: '(',
        enum: [],
        anyOf: [],
        properties: { a: 3 },
        additionalProperties: 'no',
        const: Number.NaN,
      }),
    ).toEqual([
      '/type: unknown type "float"; the types are null, boolean, object, array, number, integer, string',
      '/required: required is an array of property names',
      '/minLength: minLength is a whole number ≥ 0, got -1',
      '/maxItems: maxItems is a whole number ≥ 0, got 1.5',
      '/minimum: minimum is a number, got string',
      "/exclusiveMinimum: exclusiveMinimum is a number in 2020-12 (the boolean form is draft-04's)",
      expect.stringMatching(/^\/pattern: pattern is not a valid regular expression: /),
      '/enum: enum is a non-empty array of the values allowed',
      '/anyOf: anyOf is a non-empty array of schemas',
      '/properties/a: a schema is an object or a boolean, got number',
      '/additionalProperties: a schema is an object or a boolean, got string',
      '/const: const must be a JSON value',
    ]);
    expect(lines('string')).toEqual([': a schema is an object or a boolean, got string']);
    expect(lines({ type: [] })).toEqual([
      '/type: type is one of null, boolean, object, array, number, integer, string, or a non-empty array of them',
    ]);
    expect(lines({ type: ['string', 'string'] })).toEqual(['/type: type lists a type twice']);
    expect(lines({ required: ['a', 'a'] })).toEqual(['/required: required lists a property twice']);
  });

  it('accepts only local references into $defs that exist', () => {
    expect(lines({ $ref: 'http://example.com/schema' })).toEqual([
      '/$ref: $ref "http://example.com/schema" is not supported: only # and #/$defs/<name> are',
    ]);
    expect(lines({ $ref: '#/properties/a' })).toEqual([
      '/$ref: $ref "#/properties/a" is not supported: only # and #/$defs/<name> are',
    ]);
    expect(lines({ properties: { a: { $ref: '#/$defs/missing' } } })).toEqual([
      '/properties/a/$ref: $ref #/$defs/missing names no schema in $defs',
    ]);
    expect(lines({ $defs: { 'unit price': { type: 'number' } }, $ref: '#/$defs/unit%20price' })).toEqual([]);
    expect(lines({ properties: { a: { $defs: {} } } })).toEqual([
      '/properties/a/$defs: $defs is supported only at the root of the schema, where $ref can reach it',
    ]);
  });

  it('refuses a $ref loop that never reaches a property or item, but not recursion through one', () => {
    expect(
      lines({
        $defs: { a: { allOf: [{ $ref: '#/$defs/b' }] }, b: { anyOf: [{ $ref: '#/$defs/a' }] } },
        $ref: '#/$defs/a',
      }),
    ).toEqual(['/$defs/a: $ref loop that never reaches a property or item: #/$defs/a → #/$defs/b → #/$defs/a']);
    expect(lines({ $ref: '#' })).toEqual([': $ref loop that never reaches a property or item: # → #']);
    expect(lines({ properties: { next: { $ref: '#' } } })).toEqual([]);
  });

  it('reports bounds no value can meet', () => {
    expect(lines({ minimum: 5, maximum: 1, minLength: 3, maxLength: 2, minItems: 2, maxItems: 1 })).toEqual([
      '/minimum: minimum 5 is above maximum 1: no value can be valid',
      '/minLength: minLength 3 is above maxLength 2: no value can be valid',
      '/minItems: minItems 2 is above maxItems 1: no value can be valid',
    ]);
    expect(lines({ required: ['a', 'b'], properties: { a: true }, additionalProperties: false })).toEqual([
      '/required: b is required but not declared in properties, and additional properties are not allowed: no value can be valid',
    ]);
  });

  it('escapes property names in paths and treats Object.prototype names as ordinary', () => {
    expect(lines({ properties: { 'a/b': { typ: 'string' } } })).toEqual([
      '/properties/a~1b/typ: unsupported keyword typ',
    ]);
    expect(lines(JSON.parse('{"properties": {"constructor": {"type": "nope"}}}'))).toEqual([
      '/properties/constructor/type: unknown type "nope"; the types are null, boolean, object, array, number, integer, string',
    ]);
    expect(lines({ toString: 1 })).toEqual(['/toString: unsupported keyword toString']);
  });
});
