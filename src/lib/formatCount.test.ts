import { describe, expect, it } from 'vitest';
import { formatCount } from './formatCount';

describe('formatCount', () => {
  it('groups thousands with commas', () => {
    expect([0, 999, 1000, 10_000_000, 1234567].map(formatCount)).toEqual([
      '0',
      '999',
      '1,000',
      '10,000,000',
      '1,234,567',
    ]);
  });
});
