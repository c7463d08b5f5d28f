import { describe, expect, it } from 'vitest';
import { schemaFromPayload } from './schemaFromPayload';

describe('a first schema guessed from a payload template', () => {
  it('reads the plain template calls and leaves the rest open', () => {
    const template = {
      orderId: "{{ id('ord') }}",
      ref: '{{ uuid() }}',
      customerId: "{{ pick('cust-ada', 'cust-alan') }}",
      quantity: '{{ int(1, 4) }}',
      price: '{{ money(2, 40) }}',
      gift: '{{ bool(0.1) }}',
      items: '{{ repeat(2, () => ({})) }}',
      total: '{{ data.price * data.quantity }}',
      note: 'order #{{ seq }}',
      currency: 'EUR',
      tags: ['a'],
      flags: { rush: false, count: 2, none: null },
    };
    expect(schemaFromPayload(template)).toEqual({
      type: 'object',
      required: Object.keys(template),
      properties: {
        orderId: { type: 'string' },
        ref: { type: 'string', format: 'uuid' },
        customerId: { type: 'string' },
        quantity: { type: 'integer' },
        price: { type: 'number' },
        gift: { type: 'boolean' },
        items: { type: 'array' },
        total: {},
        note: { type: 'string' },
        currency: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' } },
        flags: {
          type: 'object',
          required: ['rush', 'count', 'none'],
          properties: { rush: { type: 'boolean' }, count: { type: 'number' }, none: { type: 'null' } },
        },
      },
    });
  });
});
