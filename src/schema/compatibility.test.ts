import { describe, expect, it } from 'vitest';
import { checkCompatibility } from './compatibility';
import type { CompatibilityMode } from './compatibilityRules';
import type { JsonSchema, SchemaObject } from './jsonSchema';

/** `direction path rule` per issue: what breaks where, and in which direction. */
const issues = (previous: JsonSchema, next: JsonSchema, mode: CompatibilityMode = 'full'): string[] =>
  checkCompatibility(previous, next, mode).issues.map((i) => `${i.direction} ${i.path || '/'} ${i.rule}`);

const object = (properties: Record<string, JsonSchema>, extra: Partial<SchemaObject> = {}): SchemaObject => ({
  type: 'object',
  properties,
  ...extra,
});

const v1 = object({ orderId: { type: 'string' }, total: { type: 'number' } }, { required: ['orderId', 'total'] });

describe('fields added and removed', () => {
  it('the same schema is fully compatible with itself', () => {
    expect(checkCompatibility(v1, v1, 'full')).toEqual({ compatible: true, issues: [] });
  });

  it('an optional field added: compatible both ways', () => {
    const v2 = object({ ...v1.properties, coupon: { type: 'string' } }, { required: ['orderId', 'total'] });
    expect(issues(v1, v2)).toEqual([]);
  });

  it('a required field added without a default breaks backward: old events lack it', () => {
    const v2 = object(
      { ...v1.properties, currency: { type: 'string' } },
      { required: ['orderId', 'total', 'currency'] },
    );
    expect(issues(v1, v2)).toEqual(['backward /currency required-added']);
    expect(checkCompatibility(v1, v2, 'backward').issues[0]?.message).toBe(
      'old data may lack currency, which the new schema requires without a default',
    );
    expect(checkCompatibility(v1, v2, 'forward').compatible).toBe(true);
  });

  it('a required field added with a default is compatible: the reader fills it in', () => {
    const v2 = object(
      { ...v1.properties, currency: { type: 'string', default: 'EUR' } },
      { required: ['orderId', 'total', 'currency'] },
    );
    expect(issues(v1, v2)).toEqual([]);
  });

  it('a required field removed breaks forward: old readers still require it', () => {
    const v2 = object({ orderId: { type: 'string' } }, { required: ['orderId'] });
    expect(issues(v1, v2)).toEqual(['forward /total required-added']);
    expect(checkCompatibility(v1, v2, 'forward').issues[0]?.message).toBe(
      'new data may lack total, which the old schema requires without a default',
    );
  });

  it('a field that became optional breaks forward only', () => {
    const v2 = object({ ...v1.properties }, { required: ['orderId'] });
    expect(issues(v1, v2)).toEqual(['forward /total required-added']);
  });
});

describe('closed content models (additionalProperties: false)', () => {
  it('a field added to a closed model breaks forward: old readers refuse the unknown field', () => {
    const old: SchemaObject = { ...v1, additionalProperties: false };
    const next: SchemaObject = { ...old, properties: { ...v1.properties, coupon: { type: 'string' } } };
    expect(issues(old, next)).toEqual(['forward /coupon closed-content-model']);
  });

  it('a field removed from a closed model breaks backward: old events still carry it', () => {
    const old = object({ a: { type: 'string' }, b: { type: 'string' } }, { additionalProperties: false });
    const next = object({ a: { type: 'string' } }, { additionalProperties: false });
    expect(issues(old, next)).toEqual(['backward /b closed-content-model']);
  });

  it('a field removed from an open model is compatible both ways', () => {
    expect(issues(object({ a: { type: 'string' }, b: { type: 'string' } }), object({ a: { type: 'string' } }))).toEqual(
      [],
    );
  });

  it('closing an open model breaks backward; opening a closed one breaks forward', () => {
    const open = object({ a: { type: 'string' } });
    const closed = object({ a: { type: 'string' } }, { additionalProperties: false });
    expect(issues(open, closed)).toEqual(['backward / closed-content-model']);
    expect(issues(closed, open)).toEqual(['forward / closed-content-model']);
  });

  it('an additionalProperties schema is compared like a property', () => {
    const old = object({}, { additionalProperties: { type: 'number' } });
    const next = object({}, { additionalProperties: { type: 'integer' } });
    expect(issues(old, next, 'backward')).toEqual(['backward /* type-narrowed']);
    // a field the reader declares, the writer's additionalProperties may already have written
    const declared = object({ qty: { type: 'string' } }, { additionalProperties: { type: 'number' } });
    expect(issues(old, declared, 'backward')).toEqual(['backward /qty type-changed']);
  });
});

describe('types', () => {
  it('a changed type breaks both ways, naming the field', () => {
    const v2 = object({ ...v1.properties, total: { type: 'string' } }, { required: ['orderId', 'total'] });
    expect(issues(v1, v2)).toEqual(['backward /total type-changed', 'forward /total type-changed']);
    expect(checkCompatibility(v1, v2, 'backward').issues[0]?.message).toBe(
      'type changed: old data is number, the new schema accepts string',
    );
  });

  it('integer widened to number is backward compatible, and breaks forward', () => {
    expect(issues({ type: 'integer' }, { type: 'number' })).toEqual(['forward / type-narrowed']);
    expect(checkCompatibility({ type: 'integer' }, { type: 'number' }, 'forward').issues[0]?.message).toBe(
      'new data may be any number here, the old schema accepts integers only',
    );
  });

  it('null allowed in the new schema: backward compatible, forward breaks (old readers refuse null)', () => {
    expect(issues({ type: 'string' }, { type: ['string', 'null'] })).toEqual(['forward / type-narrowed']);
    expect(checkCompatibility({ type: 'string' }, { type: ['string', 'null'] }, 'forward').issues[0]?.message).toBe(
      'new data may be null here, which the old schema does not accept',
    );
  });

  it('a type given where there was none narrows', () => {
    expect(issues({}, { type: 'string' }, 'backward')).toEqual(['backward / type-narrowed']);
    expect(issues({ type: 'string' }, {}, 'full')).toEqual(['forward / type-narrowed']);
  });
});

describe('enums and const', () => {
  const status = (...values: string[]): JsonSchema => ({ type: 'string', enum: values });

  it('a removed value breaks backward (old events may hold it), an added one breaks forward', () => {
    expect(issues(status('placed', 'paid', 'shipped'), status('placed', 'shipped'))).toEqual([
      'backward / enum-narrowed',
    ]);
    expect(checkCompatibility(status('placed', 'paid'), status('placed'), 'backward').issues[0]?.message).toBe(
      'old data may hold "paid" here, which the new schema refuses (value must be one of "placed", got "paid")',
    );
    expect(issues(status('placed'), status('placed', 'paid'))).toEqual(['forward / enum-narrowed']);
  });

  it('an enum where any string was allowed breaks backward', () => {
    expect(issues({ type: 'string' }, status('a'), 'backward')).toEqual(['backward / enum-added']);
  });

  it('enum values are checked against every keyword of the reader', () => {
    expect(issues({ enum: ['a', 'bb'] }, { type: 'string', maxLength: 1 }, 'backward')).toEqual([
      'backward / enum-narrowed',
    ]);
    expect(issues({ enum: ['a', 'b'] }, { type: 'string', maxLength: 1 }, 'backward')).toEqual([]);
    expect(issues({ const: 2 }, { type: 'integer', minimum: 1 }, 'backward')).toEqual([]);
  });

  it('a const changed breaks both ways', () => {
    expect(issues({ const: 'v1' }, { const: 'v2' })).toEqual(['backward / enum-narrowed', 'forward / enum-narrowed']);
  });
});

describe('bounds, patterns and formats', () => {
  it('a raised minimum or a new maximum breaks backward; the reverse breaks forward', () => {
    expect(issues({ type: 'number', minimum: 0 }, { type: 'number', minimum: 1 })).toEqual([
      'backward / range-narrowed',
    ]);
    expect(issues({ type: 'number' }, { type: 'number', maximum: 100 })).toEqual(['backward / range-narrowed']);
    expect(
      checkCompatibility({ type: 'number', minimum: 0 }, { type: 'number', exclusiveMinimum: 0 }, 'backward').issues[0]
        ?.message,
    ).toBe('minimum: old data may be ≥ 0, the new schema requires > 0');
    expect(issues({ type: 'number', exclusiveMinimum: 0 }, { type: 'number', minimum: 0 })).toEqual([
      'forward / range-narrowed',
    ]);
    expect(
      issues({ type: 'number', minimum: 5, exclusiveMinimum: 5 }, { type: 'number', exclusiveMinimum: 5 }),
    ).toEqual([]);
  });

  it('string lengths and item counts', () => {
    expect(issues({ type: 'string', maxLength: 10 }, { type: 'string', maxLength: 5 }, 'backward')).toEqual([
      'backward / range-narrowed',
    ]);
    expect(issues({ type: 'string' }, { type: 'string', minLength: 1 }, 'backward')).toEqual([
      'backward / range-narrowed',
    ]);
    expect(issues({ type: 'array' }, { type: 'array', minItems: 1 }, 'backward')).toEqual([
      'backward / range-narrowed',
    ]);
    expect(issues({ type: 'array', maxItems: 3 }, { type: 'array', maxItems: 4 }, 'backward')).toEqual([]);
  });

  it('a pattern or format added or changed breaks backward; removed breaks forward', () => {
    expect(issues({ type: 'string' }, { type: 'string', pattern: '^A' })).toEqual(['backward / pattern-changed']);
    expect(issues({ type: 'string', format: 'email' }, { type: 'string' })).toEqual(['forward / format-changed']);
    expect(issues({ type: 'string', pattern: '^A' }, { type: 'string', pattern: '^A' })).toEqual([]);
  });
});

describe('nesting, references and combinators', () => {
  it('names the breaking field deep inside arrays of objects', () => {
    const lines = (price: JsonSchema): JsonSchema => object({ lines: { type: 'array', items: object({ price }) } });
    expect(issues(lines({ type: 'number' }), lines({ type: 'integer' }))).toEqual([
      'backward /lines/*/price type-narrowed',
    ]);
  });

  it('follows $ref into $defs on each side', () => {
    const withMoney = (money: JsonSchema): JsonSchema => ({
      ...object({ total: { $ref: '#/$defs/money' } }),
      $defs: { money },
    });
    expect(
      issues(withMoney(object({ amount: { type: 'integer' } })), withMoney(object({ amount: { type: 'integer' } }))),
    ).toEqual([]);
    expect(
      issues(
        withMoney(object({ amount: { type: 'integer' } })),
        withMoney(object({ amount: { type: 'string' } })),
        'backward',
      ),
    ).toEqual(['backward /total/amount type-changed']);
    // one side inline, the other through a $ref: the same schema
    expect(
      issues(
        object({ total: object({ amount: { type: 'integer' } }) }),
        withMoney(object({ amount: { type: 'integer' } })),
      ),
    ).toEqual([]);
  });

  it('compares recursive schemas without looping', () => {
    const tree = (leaf: JsonSchema): JsonSchema => ({
      $defs: { node: object({ value: leaf, children: { type: 'array', items: { $ref: '#/$defs/node' } } }) },
      $ref: '#/$defs/node',
    });
    expect(issues(tree({ type: 'string' }), tree({ type: 'string' }))).toEqual([]);
    expect(issues(tree({ type: 'integer' }), tree({ type: 'number' }))).toEqual(['forward /value type-narrowed']);
  });

  it('a union branch removed breaks backward, added breaks forward', () => {
    const card = object({ card: { type: 'string' } }, { required: ['card'], additionalProperties: false });
    const iban = object({ iban: { type: 'string' } }, { required: ['iban'], additionalProperties: false });
    expect(issues({ oneOf: [card, iban] }, { oneOf: [card] })).toEqual(['backward / no-matching-branch']);
    expect(issues({ anyOf: [card] }, { anyOf: [card, iban] })).toEqual(['forward / no-matching-branch']);
    expect(checkCompatibility({ oneOf: [card, iban] }, { oneOf: [card] }, 'backward').issues[0]?.message).toMatch(
      /^old data here fits none of the new schema's oneOf branches \(closest: /,
    );
  });

  it('a type list the reader splits into anyOf branches is still compatible', () => {
    expect(
      issues({ type: ['string', 'integer'] }, { anyOf: [{ type: 'string' }, { type: 'number' }] }, 'backward'),
    ).toEqual([]);
  });

  it('the writer’s allOf is merged before comparing', () => {
    const base = object({ id: { type: 'string' } }, { required: ['id'] });
    const flat = object({ id: { type: 'string' }, at: { type: 'string' } }, { required: ['id', 'at'] });
    const composed: JsonSchema = { allOf: [base, object({ at: { type: 'string' } }, { required: ['at'] })] };
    expect(issues(composed, flat, 'backward')).toEqual([]);
    expect(issues(flat, composed, 'backward')).toEqual([]);
    expect(issues(base, composed, 'backward')).toEqual(['backward /at required-added']);
  });

  it('a property the reader forbids (false) breaks when the writer may send it', () => {
    expect(issues(object({ a: { type: 'string' } }), object({ a: false }), 'backward')).toEqual([
      'backward /a nothing-allowed',
    ]);
  });
});

describe('modes', () => {
  const v2 = object({ orderId: { type: 'string' } }, { required: ['orderId'] });

  it('backward and forward check one direction, full both, none nothing', () => {
    expect(checkCompatibility(v1, v2, 'backward').compatible).toBe(true);
    expect(checkCompatibility(v1, v2, 'forward').compatible).toBe(false);
    expect(checkCompatibility(v1, v2, 'full').compatible).toBe(false);
    expect(checkCompatibility(v1, { type: 'boolean' }, 'none')).toEqual({ compatible: true, issues: [] });
  });

  it('a schema outside the supported subset is reported, not compared', () => {
    const negated = { type: 'string', not: { const: '' } } as unknown as JsonSchema;
    expect(checkCompatibility({ type: 'string' }, negated, 'backward')).toEqual({
      compatible: false,
      issues: [
        {
          direction: 'backward',
          path: '/not',
          rule: 'invalid-schema',
          message: 'the new schema: unsupported keyword not: express the rule positively (enum, oneOf, …)',
        },
      ],
    });
  });
});
