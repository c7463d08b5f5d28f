import { describe, expect, it } from 'vitest';
import { getOwn, hasOwn, listOf, ownEntry, recordOf, setOwn } from './ownRecord';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

describe('own-key records: any string is a key like any other', () => {
  it('reads nothing inherited, and reads back what was written', () => {
    const record: Record<string, number> = {};
    for (const name of NAMES) expect(getOwn(record, name)).toBeUndefined();
    NAMES.forEach((name, i) => setOwn(record, name, i));
    NAMES.forEach((name, i) => expect(getOwn(record, name)).toBe(i));
    expect(Object.keys(record)).toEqual(NAMES);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(getOwn(undefined, 'constructor')).toBeUndefined();
  });

  it('tells an own function or prototype value from an inherited member', () => {
    const own = (): number => 1;
    const record: Record<string, unknown> = {};
    setOwn(record, 'toString', own);
    setOwn(record, '__proto__', Object.prototype);
    expect(getOwn(record, 'toString')).toBe(own);
    expect(getOwn(record, '__proto__')).toBe(Object.prototype);
    expect(getOwn(record, 'valueOf')).toBeUndefined();
    expect(getOwn({}, '__proto__')).toBeUndefined();
    expect(getOwn(Object.create(null) as Record<string, unknown>, 'constructor')).toBeUndefined();
  });

  it('creates an entry once, for any name', () => {
    const record: Record<string, number[]> = {};
    for (const name of NAMES) listOf(record, name).push(1);
    for (const name of NAMES) listOf(record, name).push(2);
    for (const name of NAMES) expect(record[name]).toEqual([1, 2]);
    expect(ownEntry(record, '__proto__', () => [9])).toEqual([1, 2]);
    expect(hasOwn(record, 'isPrototypeOf')).toBe(false);
  });

  it('survives a structured clone and JSON, as snapshots and stored records do', () => {
    const record = recordOf(NAMES.map((name, i) => [name, { i }] as const));
    for (const copy of [structuredClone(record), JSON.parse(JSON.stringify(record)) as typeof record]) {
      expect(Object.keys(copy)).toEqual(NAMES);
      NAMES.forEach((name, i) => expect(getOwn(copy, name)).toEqual({ i }));
    }
  });
});
