import { describe, expect, it } from 'vitest';
import { applyDefaults } from './defaults';
import type { JsonSchema } from './jsonSchema';
import { validate } from './validate';

const v2: JsonSchema = {
  type: 'object',
  required: ['orderId', 'currency', 'lines'],
  properties: {
    orderId: { type: 'string' },
    currency: { type: 'string', default: 'EUR' },
    lines: { type: 'array', items: { $ref: '#/$defs/line' }, default: [] },
    gift: { type: 'object', properties: { wrap: { type: 'boolean', default: false } } },
  },
  $defs: {
    line: {
      type: 'object',
      required: ['qty'],
      properties: { sku: { type: 'string' }, qty: { type: 'integer', default: 1 } },
    },
  },
};

describe('applyDefaults', () => {
  it('fills absent properties with their defaults, at any depth and through $ref, so old data validates', () => {
    const old = { orderId: 'o1', gift: {}, items: 'kept' };
    expect(validate(v2, old).map((e) => e.path)).toEqual(['/currency', '/lines']);
    const filled = applyDefaults(v2, old);
    expect(filled).toEqual({ orderId: 'o1', currency: 'EUR', lines: [], gift: { wrap: false }, items: 'kept' });
    expect(validate(v2, filled)).toEqual([]);
    expect(applyDefaults(v2, { orderId: 'o', lines: [{ sku: 'a' }, { sku: 'b', qty: 3 }] })).toMatchObject({
      lines: [
        { sku: 'a', qty: 1 },
        { sku: 'b', qty: 3 },
      ],
    });
  });

  it('keeps values that are present, even falsy ones, and leaves the input untouched', () => {
    const input = { orderId: 'o', currency: '', lines: [{ qty: 0 }] };
    const copy = structuredClone(input);
    expect(applyDefaults(v2, input)).toEqual({ orderId: 'o', currency: '', lines: [{ qty: 0 }] });
    expect(input).toEqual(copy);
  });

  it('gives each filled value its own copy of the default', () => {
    const a = applyDefaults(v2, { orderId: 'a' }) as { lines: unknown[] };
    const b = applyDefaults(v2, { orderId: 'b' }) as { lines: unknown[] };
    a.lines.push(1);
    expect(b.lines).toEqual([]);
  });

  it('leaves values that are not objects or arrays as they are', () => {
    expect(applyDefaults(v2, 'text')).toBe('text');
    expect(applyDefaults(v2, null)).toBeNull();
    expect(applyDefaults(true, { a: 1 })).toEqual({ a: 1 });
  });
});
