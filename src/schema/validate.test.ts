import { describe, expect, it } from 'vitest';
import type { JsonSchema } from './jsonSchema';
import { validate } from './validate';

/** `path: message` lines: what the UI shows. */
const problems = (schema: JsonSchema, value: unknown): string[] =>
  validate(schema, value).map((e) => `${e.path}: ${e.message}`);

const order: JsonSchema = {
  type: 'object',
  required: ['orderId', 'items'],
  additionalProperties: false,
  properties: {
    orderId: { type: 'string', pattern: '^ORD-[0-9]+$' },
    customer: { type: 'object', properties: { email: { type: 'string', format: 'email' } } },
    items: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['sku', 'price'],
        properties: {
          sku: { type: 'string', minLength: 1 },
          price: { type: 'number', minimum: 0 },
          qty: { type: 'integer', exclusiveMinimum: 0 },
        },
      },
    },
    note: { type: ['string', 'null'], maxLength: 5 },
  },
};

describe('validate: an order payload', () => {
  it('accepts a valid value', () => {
    expect(
      validate(order, {
        orderId: 'ORD-1',
        items: [{ sku: 'a', price: 0, qty: 1 }],
        note: null,
        customer: { email: 'a@b.io' },
      }),
    ).toEqual([]);
  });

  it('reports every failure with the path of the value and a reason', () => {
    const value = {
      orderId: 'ord-1',
      items: [
        { sku: 'a', price: 'free' },
        { price: -1, qty: 0 },
      ],
      extra: true,
      note: 'too long',
    };
    expect(problems(order, value)).toEqual([
      '/orderId: must match the pattern ^ORD-[0-9]+$, got "ord-1"',
      '/items/0/price: must be a number, got string',
      '/items/1/sku: is required',
      '/items/1/price: must be at least 0, got -1',
      '/items/1/qty: must be greater than 0, got 0',
      '/extra: is not a property the schema declares, and additional properties are not allowed',
      '/note: must be at most 5 characters long, got 8',
    ]);
  });

  it('names the keyword and where it sits in the schema', () => {
    expect(validate(order, { orderId: 'ORD-1', items: [{ sku: 'a', price: '1' }] })).toEqual([
      {
        path: '/items/0/price',
        keyword: 'type',
        message: 'must be a number, got string',
        schemaPath: '/properties/items/items/properties/price/type',
      },
    ]);
  });

  it('reports missing required properties at the place they should be', () => {
    expect(problems(order, {})).toEqual(['/orderId: is required', '/items: is required']);
  });
});

describe('validate: type', () => {
  it.each([
    ['string', 'a', true],
    ['string', 1, false],
    ['number', 1.5, true],
    ['number', '1', false],
    ['integer', 3, true],
    ['integer', 3.0, true],
    ['integer', 3.5, false],
    ['boolean', false, true],
    ['null', null, true],
    ['null', undefined, false],
    ['object', {}, true],
    ['object', [], false],
    ['object', null, false],
    ['array', [], true],
    ['array', {}, false],
  ] as const)('%s accepts %j: %s', (type, value, valid) => {
    expect(validate({ type }, value).length === 0).toBe(valid);
  });

  it('says what was expected and what came', () => {
    expect(problems({ type: 'integer' }, 2.5)).toEqual([': must be an integer, got number']);
    expect(problems({ type: ['string', 'null'] }, 1)).toEqual([': must be a string or null, got number']);
    expect(problems({ type: 'object' }, [1])).toEqual([': must be an object, got array']);
    expect(problems({ type: 'number' }, Number.NaN)).toEqual([': must be a number, got NaN']);
  });

  it('keywords of one type ignore values of another', () => {
    const schema: JsonSchema = { minimum: 5, minLength: 3, minItems: 2, required: ['a'], pattern: '^x' };
    expect(validate(schema, 'xyz')).toEqual([]);
    expect(validate(schema, true)).toEqual([]);
    expect(validate(schema, 7)).toEqual([]);
  });
});

describe('validate: enum and const', () => {
  it('compares JSON values deeply, objects whatever the key order', () => {
    expect(validate({ enum: ['a', 1, null, { x: [1, 2] }] }, { x: [1, 2] })).toEqual([]);
    expect(validate({ const: { a: 1, b: 2 } }, { b: 2, a: 1 })).toEqual([]);
    expect(problems({ const: { a: 1 } }, { a: 1, b: 2 })).toEqual([': must be {"a":1}, got {"a":1,"b":2}']);
    expect(problems({ enum: ['draft', 'placed'] }, 'shipped')).toEqual([
      ': must be one of "draft", "placed", got "shipped"',
    ]);
    expect(problems({ enum: [[1, 2]] }, [2, 1])).toHaveLength(1);
    expect(validate({ const: null }, null)).toEqual([]);
    expect(problems({ const: 0 }, false)).toEqual([': must be 0, got false']);
  });
});

describe('validate: numbers, strings and arrays', () => {
  it('applies inclusive and exclusive bounds exactly at the edge', () => {
    expect(validate({ minimum: 1, maximum: 3 }, 1)).toEqual([]);
    expect(validate({ minimum: 1, maximum: 3 }, 3)).toEqual([]);
    expect(problems({ maximum: 3 }, 3.01)).toEqual([': must be at most 3, got 3.01']);
    expect(problems({ exclusiveMaximum: 3 }, 3)).toEqual([': must be less than 3, got 3']);
    expect(validate({ exclusiveMinimum: 0 }, 0.001)).toEqual([]);
  });

  it('counts string length in characters (code points), not UTF-16 units', () => {
    expect(validate({ maxLength: 2 }, '🙂🙂')).toEqual([]);
    expect(problems({ minLength: 3 }, '🙂🙂')).toEqual([': must be at least 3 characters long, got 2']);
    expect(problems({ maxLength: 1 }, 'ab')).toEqual([': must be at most 1 character long, got 2']);
  });

  it('pattern is unanchored, as in JSON Schema', () => {
    expect(validate({ pattern: '[0-9]' }, 'abc1def')).toEqual([]);
    expect(validate({ pattern: '^[0-9]+$' }, 'abc1def')).toHaveLength(1);
    expect(validate({ pattern: '^\\p{Lu}' }, 'Émile')).toEqual([]);
  });

  it('checks item counts and every item', () => {
    expect(problems({ minItems: 2, items: { type: 'string' } }, [1])).toEqual([
      ': must have at least 2 items, got 1',
      '/0: must be a string, got number',
    ]);
    expect(problems({ maxItems: 1 }, [1, 2])).toEqual([': must have at most 1 item, got 2']);
    expect(problems({ items: false }, ['x'])).toEqual(['/0: is not allowed here']);
  });
});

describe('validate: objects', () => {
  it('an additionalProperties schema checks the undeclared properties only', () => {
    const schema: JsonSchema = { properties: { id: { type: 'string' } }, additionalProperties: { type: 'number' } };
    expect(validate(schema, { id: 'x', a: 1, b: 2 })).toEqual([]);
    expect(problems(schema, { id: 'x', a: 'one' })).toEqual(['/a: must be a number, got string']);
  });

  it('a property holding undefined counts as absent, as it will once stored as JSON', () => {
    expect(problems({ required: ['a'] }, { a: undefined })).toEqual(['/a: is required']);
    expect(validate({ additionalProperties: false }, { a: undefined })).toEqual([]);
  });

  it('property names that are Object.prototype members are ordinary names', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: { name: { type: 'string' } },
      additionalProperties: false,
    };
    expect(problems(schema, JSON.parse('{"constructor": 1, "__proto__": 2, "toString": 3}'))).toEqual([
      '/constructor: is not a property the schema declares, and additional properties are not allowed',
      '/__proto__: is not a property the schema declares, and additional properties are not allowed',
      '/toString: is not a property the schema declares, and additional properties are not allowed',
    ]);
    expect(
      validate(
        { properties: JSON.parse('{"__proto__": {"type": "string"}}') as Record<string, JsonSchema> },
        JSON.parse('{"__proto__": "x"}'),
      ),
    ).toEqual([]);
    expect(
      problems(
        { properties: JSON.parse('{"__proto__": {"type": "string"}}') as Record<string, JsonSchema> },
        JSON.parse('{"__proto__": 1}'),
      ),
    ).toEqual(['/__proto__: must be a string, got number']);
    expect(problems({ required: ['constructor'] }, {})).toEqual(['/constructor: is required']);
  });

  it('escapes / and ~ in paths as JSON Pointer does', () => {
    expect(
      problems({ properties: { 'a/b': { type: 'string' }, 'c~d': { type: 'string' } } }, { 'a/b': 1, 'c~d': 2 }),
    ).toEqual(['/a~1b: must be a string, got number', '/c~0d: must be a string, got number']);
  });
});

describe('validate: formats', () => {
  it.each([
    ['email', 'ada@example.com', true],
    ['email', 'ada@example', false],
    ['email', 'ada example@x.io', false],
    ['email', '@x.io', false],
    ['date-time', '2024-05-01T12:00:00Z', true],
    ['date-time', '2024-05-01t12:00:00.123+02:00', true],
    ['date-time', '2024-02-29T00:00:00Z', true],
    ['date-time', '2023-02-29T00:00:00Z', false],
    ['date-time', '2024-13-01T00:00:00Z', false],
    ['date-time', '2024-05-01T24:00:00Z', false],
    ['date-time', '2024-05-01T12:00:00', false],
    ['date-time', '2024-05-01 12:00:00Z', false],
    ['date-time', '2016-12-31T23:59:60Z', true],
    ['date', '2000-02-29', true],
    ['date', '1900-02-29', false],
    ['date', '2024-04-31', false],
    ['uuid', '123e4567-e89b-12d3-a456-426614174000', true],
    ['uuid', '123e4567e89b12d3a456426614174000', false],
  ] as const)('%s %s: %s', (format, value, valid) => {
    expect(validate({ format }, value).length === 0).toBe(valid);
  });

  it('says which format was expected, and ignores values that are not strings', () => {
    expect(problems({ format: 'date-time' }, 'yesterday')).toEqual([
      ': must be a date-time (RFC 3339, such as 2024-05-01T12:00:00Z), got "yesterday"',
    ]);
    expect(validate({ format: 'email' }, 42)).toEqual([]);
  });
});

describe('validate: combinators', () => {
  const payment: JsonSchema = {
    oneOf: [
      { type: 'object', required: ['card'], properties: { card: { type: 'string' } } },
      { type: 'object', required: ['iban'], properties: { iban: { type: 'string' } } },
    ],
  };

  it('oneOf needs exactly one match and says how many matched', () => {
    expect(validate(payment, { card: '4242' })).toEqual([]);
    expect(problems(payment, {})).toEqual([': must match exactly one of the 2 schemas in oneOf, matched none']);
    expect(problems(payment, { card: 'x', iban: 'y' })).toEqual([
      ': must match exactly one of the schemas in oneOf, matched 2 (#0, #1)',
    ]);
  });

  it('anyOf needs at least one', () => {
    const schema: JsonSchema = { anyOf: [{ type: 'string' }, { type: 'number', minimum: 0 }] };
    expect(validate(schema, 'x')).toEqual([]);
    expect(validate(schema, 3)).toEqual([]);
    expect(problems(schema, -3)).toEqual([': must match at least one of the 2 schemas in anyOf, matched none']);
  });

  it('allOf reports the failures of each branch', () => {
    const schema: JsonSchema = { allOf: [{ required: ['a'] }, { properties: { b: { type: 'string' } } }] };
    expect(problems(schema, { b: 1 })).toEqual(['/a: is required', '/b: must be a string, got number']);
    expect(validate(schema, { b: 1 })[0]?.schemaPath).toBe('/allOf/0/required');
  });
});

describe('validate: $ref', () => {
  const schema: JsonSchema = {
    type: 'object',
    properties: { total: { $ref: '#/$defs/money' }, lines: { type: 'array', items: { $ref: '#/$defs/line' } } },
    $defs: {
      money: {
        type: 'object',
        required: ['amount', 'currency'],
        properties: { amount: { type: 'integer' }, currency: { enum: ['EUR', 'USD'] } },
      },
      line: { type: 'object', properties: { price: { $ref: '#/$defs/money' } } },
    },
  };

  it('follows references into $defs', () => {
    expect(
      validate(schema, { total: { amount: 5, currency: 'EUR' }, lines: [{ price: { amount: 5, currency: 'EUR' } }] }),
    ).toEqual([]);
    expect(problems(schema, { total: { amount: 5 }, lines: [{ price: { amount: 1.5, currency: 'GBP' } }] })).toEqual([
      '/total/currency: is required',
      '/lines/0/price/amount: must be an integer, got number',
      '/lines/0/price/currency: must be one of "EUR", "USD", got "GBP"',
    ]);
  });

  it('a $ref applies together with the keywords beside it', () => {
    const s: JsonSchema = { $defs: { positive: { minimum: 0 } }, $ref: '#/$defs/positive', maximum: 10 };
    expect(problems(s, -1)).toEqual([': must be at least 0, got -1']);
    expect(problems(s, 11)).toEqual([': must be at most 10, got 11']);
  });

  it('validates recursive structures through # and $defs', () => {
    const tree: JsonSchema = {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#' } } },
    };
    expect(validate(tree, { name: 'a', children: [{ name: 'b', children: [{ name: 'c' }] }] })).toEqual([]);
    expect(problems(tree, { name: 'a', children: [{ name: 'b', children: [{}] }] })).toEqual([
      '/children/0/children/0/name: is required',
    ]);
  });

  it('reports a reference it cannot resolve, and a loop that consumes nothing, instead of hanging', () => {
    expect(problems({ $ref: '#/$defs/nope' }, 1)).toEqual([': cannot resolve $ref #/$defs/nope']);
    const loop: JsonSchema = { $defs: { a: { $ref: '#/$defs/a' } }, $ref: '#/$defs/a' };
    expect(problems(loop, 1)).toEqual([': $ref #/$defs/a loops back to itself without reaching a property or item']);
  });
});

describe('validate: boolean schemas', () => {
  it('true accepts everything and false nothing', () => {
    expect(validate(true, { any: 'thing' })).toEqual([]);
    expect(validate({}, null)).toEqual([]);
    expect(problems(false, 1)).toEqual([': is not allowed here']);
    expect(problems({ properties: { gone: false } }, { gone: 1 })).toEqual(['/gone: is not allowed here']);
  });
});
