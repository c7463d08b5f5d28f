import { describe, expect, it } from 'vitest';
import { nextManualIds, samplePayload } from './samplePayload';

describe('samplePayload', () => {
  it('guesses simple template calls and leaves richer ones out', () => {
    const template = {
      orderId: "{{ id('ord') }}",
      customerId: "{{ pick('cust-ada', 'cust-alan') }}",
      quantity: '{{ int(1, 4) }}',
      items: '{{ repeat(int(1, 3), () => ({})) }}',
      currency: 'EUR',
    };
    expect(samplePayload(template)).toEqual({
      orderId: 'ord-manual-1',
      customerId: 'cust-ada',
      quantity: 1,
      currency: 'EUR',
    });
    expect(samplePayload('not an object')).toEqual({});
  });

  it('moves manual ids on after a publish', () => {
    expect(nextManualIds('{ "orderId": "ord-manual-9" }')).toBe('{ "orderId": "ord-manual-10" }');
  });
});
