import { describe, expect, it } from 'vitest';
import { compilePattern } from './regexCache';

describe('compilePattern', () => {
  it('compiles a pattern once, with the u flag, and gives null for one that does not compile', () => {
    const regex = compilePattern('^[a-z]+$');
    expect(compilePattern('^[a-z]+$')).toBe(regex);
    expect(regex?.flags).toBe('u');
    expect(compilePattern('(')).toBeNull();
  });

  it('keeps a bounded number: past the bound an old pattern is compiled again and matches as before', () => {
    const first = compilePattern('^first-\\d+$');
    for (let i = 0; i < 5000; i++) compilePattern(`^p${i}$`);
    const again = compilePattern('^first-\\d+$');
    expect(again).not.toBe(first);
    expect([again?.test('first-12'), again?.test('first-x')]).toEqual([true, false]);
    expect(compilePattern('^p4999$')?.test('p4999')).toBe(true);
    expect(compilePattern('(')).toBeNull();
  });
});
