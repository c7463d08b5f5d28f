import { describe, expect, it } from 'vitest';
import { isValidXMatch } from '../../../flow';
import { headerValuesEqual, matchHeaders } from './headersMatch';

describe('matchHeaders: x-match all (the default)', () => {
  it('matches when every binding argument is present with an equal value', () => {
    expect(matchHeaders({ format: 'pdf', type: 'report' }, { format: 'pdf', type: 'report' })).toBe(true);
    expect(matchHeaders({ 'x-match': 'all', format: 'pdf', type: 'report' }, { format: 'pdf', type: 'log' })).toBe(
      false,
    );
  });

  it('is the mode used when x-match is missing', () => {
    expect(matchHeaders({ format: 'pdf', type: 'report' }, { format: 'pdf' })).toBe(false);
  });

  it('ignores message headers the binding does not mention', () => {
    expect(matchHeaders({ format: 'pdf' }, { format: 'pdf', size: 3, 'x-trace': 'on' })).toBe(true);
  });

  it('fails when a binding argument is missing from the message, or the message has no headers', () => {
    expect(matchHeaders({ format: 'pdf' }, { type: 'report' })).toBe(false);
    expect(matchHeaders({ format: 'pdf' }, undefined)).toBe(false);
  });

  it('with nothing to compare, matches every message (even one without headers)', () => {
    expect(matchHeaders({}, undefined)).toBe(true);
    expect(matchHeaders({ 'x-match': 'all' }, { a: 1 })).toBe(true);
    expect(matchHeaders({ 'x-match': 'all', 'x-tenant': 'acme' }, {})).toBe(true);
  });

  it('ignores x- binding arguments', () => {
    expect(matchHeaders({ format: 'pdf', 'x-tenant': 'acme' }, { format: 'pdf' })).toBe(true);
    expect(matchHeaders({ format: 'pdf', 'x-tenant': 'acme' }, { format: 'pdf', 'x-tenant': 'other' })).toBe(true);
  });
});

describe('matchHeaders: x-match any', () => {
  it('matches when at least one binding argument matches', () => {
    expect(matchHeaders({ 'x-match': 'any', format: 'pdf', type: 'report' }, { format: 'zip', type: 'report' })).toBe(
      true,
    );
    expect(matchHeaders({ 'x-match': 'any', format: 'pdf', type: 'report' }, { format: 'zip', type: 'log' })).toBe(
      false,
    );
  });

  it('with nothing to compare, matches no message', () => {
    expect(matchHeaders({ 'x-match': 'any' }, { a: 1 })).toBe(false);
    expect(matchHeaders({ 'x-match': 'any', 'x-tenant': 'acme' }, { 'x-tenant': 'acme' })).toBe(false);
  });

  it('never matches on an x- argument alone', () => {
    expect(matchHeaders({ 'x-match': 'any', 'x-tenant': 'acme', format: 'pdf' }, { 'x-tenant': 'acme' })).toBe(false);
  });
});

describe('matchHeaders: -with-x modes', () => {
  it('all-with-x compares x- arguments too', () => {
    const binding = { 'x-match': 'all-with-x', 'x-tenant': 'acme', format: 'pdf' };
    expect(matchHeaders(binding, { 'x-tenant': 'acme', format: 'pdf' })).toBe(true);
    expect(matchHeaders(binding, { 'x-tenant': 'other', format: 'pdf' })).toBe(false);
    expect(matchHeaders(binding, { format: 'pdf' })).toBe(false);
  });

  it('any-with-x matches on an x- argument alone', () => {
    expect(matchHeaders({ 'x-match': 'any-with-x', 'x-tenant': 'acme', format: 'pdf' }, { 'x-tenant': 'acme' })).toBe(
      true,
    );
  });

  it('never compares x-match itself, so the message need not carry it', () => {
    expect(matchHeaders({ 'x-match': 'all-with-x', format: 'pdf' }, { format: 'pdf' })).toBe(true);
    expect(matchHeaders({ 'x-match': 'any-with-x' }, { 'x-match': 'any-with-x' })).toBe(false);
  });
});

describe('matchHeaders: values', () => {
  it('a null (void) binding argument matches on presence alone, whatever the value', () => {
    expect(matchHeaders({ urgent: null }, { urgent: false })).toBe(true);
    expect(matchHeaders({ urgent: null }, { urgent: null })).toBe(true);
    expect(matchHeaders({ urgent: null }, { other: 1 })).toBe(false);
    expect(matchHeaders({ 'x-match': 'any', urgent: null, format: 'pdf' }, { urgent: 'yes' })).toBe(true);
  });

  it('a null message header does not equal a non-null binding value', () => {
    expect(matchHeaders({ urgent: 'yes' }, { urgent: null })).toBe(false);
  });

  it('compares with types: the string "1" is not the number 1', () => {
    expect(matchHeaders({ version: '1' }, { version: 1 })).toBe(false);
    expect(matchHeaders({ version: 1 }, { version: 1 })).toBe(true);
    expect(matchHeaders({ flag: true }, { flag: 'true' })).toBe(false);
  });

  it('compares arrays and tables deeply', () => {
    expect(headerValuesEqual([1, 'a', { b: [true] }], [1, 'a', { b: [true] }])).toBe(true);
    expect(headerValuesEqual([1, 2], [2, 1])).toBe(false);
    expect(headerValuesEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(headerValuesEqual({ a: 1 }, [1])).toBe(false);
    expect(matchHeaders({ tags: ['a', 'b'] }, { tags: ['a', 'b'] })).toBe(true);
  });

  it('treats an unknown x-match value as all, as RabbitMQ does for old unvalidated bindings', () => {
    expect(matchHeaders({ 'x-match': 'most', a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(matchHeaders({ 'x-match': 'most', a: 1, b: 2 }, { a: 1, b: 2 })).toBe(true);
  });
});

describe('isValidXMatch', () => {
  it('accepts the four modes and a missing value, nothing else', () => {
    expect(['all', 'any', 'all-with-x', 'any-with-x', undefined].every(isValidXMatch)).toBe(true);
    expect(['ALL', 'most', '', 1, null].some((v) => isValidXMatch(v))).toBe(false);
  });
});
