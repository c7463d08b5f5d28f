import { describe, expect, it } from 'vitest';
import { describeJsonProblem, jsonProblem, MAX_JSON_DEPTH, parseJsonText } from './jsonSafety';

/** `{ a: { a: … { a: leaf } } }` with `levels` objects, built without recursion. */
function nested(levels: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

function nestedArrays(levels: number): unknown {
  let value: unknown = 0;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

describe('jsonProblem', () => {
  it('accepts JSON data of every kind', () => {
    for (const value of [
      null,
      true,
      false,
      0,
      -1.5,
      '',
      'text',
      [],
      {},
      [1, 'a', null, { b: [true] }],
      { a: { b: [1, 2, { c: 'd' }] } },
    ])
      expect(jsonProblem(value)).toBeUndefined();
    expect(jsonProblem(Object.create(null) as object)).toBeUndefined();
  });

  it('accepts nesting up to the limit and refuses one level more, naming the path', () => {
    expect(jsonProblem(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(jsonProblem(nested(MAX_JSON_DEPTH + 1))).toEqual({
      path: 'a.a.a.a.a.a.a.a.a.a…a.a.a',
      reason: 'nesting deeper than 64 levels',
    });
    expect(jsonProblem(nestedArrays(3), { maxDepth: 2 })).toEqual({
      path: '[0][0]',
      reason: 'nesting deeper than 2 levels',
    });
    expect(jsonProblem({ a: [{}] }, { maxDepth: 2 })).toEqual({ path: 'a[0]', reason: 'nesting deeper than 2 levels' });
    expect(jsonProblem([], { maxDepth: 0 })).toEqual({ path: '', reason: 'nesting deeper than 0 levels' });
  });

  it('walks a value nested 100,000 deep without overflowing the stack', () => {
    expect(jsonProblem(nested(100_000))?.reason).toBe('nesting deeper than 64 levels');
    expect(jsonProblem(nestedArrays(100_000))?.reason).toBe('nesting deeper than 64 levels');
    expect(jsonProblem(nested(100_000), { maxDepth: 200_000 })).toBeUndefined();
  });

  it('refuses more values than maxNodes, containers included', () => {
    expect(jsonProblem([1, 2, 3], { maxNodes: 4 })).toBeUndefined();
    expect(jsonProblem([1, 2, 3, 4], { maxNodes: 4 })).toEqual({ path: '[3]', reason: 'more than 4 values' });
    expect(jsonProblem({ a: { b: 1 } }, { maxNodes: 2 })).toEqual({ path: 'a.b', reason: 'more than 2 values' });
  });

  it('stops a shared value that would be written exponentially many times', () => {
    let value: unknown = 0;
    for (let i = 0; i < 60; i++) value = [value, value];
    expect(jsonProblem(value)?.reason).toBe('more than 1,000,000 values');
  });

  it('refuses values that are not JSON, naming where they are', () => {
    expect(jsonProblem({ a: [1, () => 2] })).toEqual({ path: 'a[1]', reason: 'a function is not JSON data' });
    expect(jsonProblem({ s: Symbol('x') })).toEqual({ path: 's', reason: 'a Symbol is not JSON data' });
    expect(jsonProblem({ n: 10n })).toEqual({ path: 'n', reason: 'a BigInt is not a JSON number' });
    expect(jsonProblem({ n: Number.NaN })).toEqual({
      path: 'n',
      reason: 'NaN is not a JSON number (JSON would write null)',
    });
    expect(jsonProblem([Infinity])).toEqual({
      path: '[0]',
      reason: 'Infinity is not a JSON number (JSON would write null)',
    });
    expect(jsonProblem({ n: -Infinity })?.reason).toBe('-Infinity is not a JSON number (JSON would write null)');
    expect(jsonProblem(undefined)).toEqual({ path: '', reason: 'undefined is not JSON data' });
    expect(jsonProblem(() => 1)).toEqual({ path: '', reason: 'a function is not JSON data' });
  });

  it('refuses undefined and empty slots in an array, and leaves out a property that is undefined (as JSON does)', () => {
    expect(jsonProblem([1, undefined])).toEqual({
      path: '[1]',
      reason: 'undefined in an array (JSON would write null)',
    });
    // eslint-disable-next-line no-sparse-arrays
    expect(jsonProblem([1, , 3])).toEqual({ path: '[1]', reason: 'an empty slot in an array (JSON would write null)' });
    expect(jsonProblem({ a: 1, b: undefined })).toBeUndefined();
  });

  it('refuses a cycle, and accepts a value shared without one', () => {
    const cyclic: Record<string, unknown> = { a: { b: [] } };
    (cyclic.a as { b: unknown[] }).b.push(cyclic);
    expect(jsonProblem(cyclic)).toEqual({ path: 'a.b[0]', reason: 'a cycle: the value contains itself' });
    const self: unknown[] = [];
    self.push(self);
    expect(jsonProblem(self)).toEqual({ path: '[0]', reason: 'a cycle: the value contains itself' });
    const root: { a?: unknown } = {};
    let tip = root;
    for (let i = 0; i < 1000; i++) tip = tip.a = {};
    tip.a = root;
    expect(jsonProblem(root, { maxDepth: 10_000 })?.reason).toBe('a cycle: the value contains itself');
    const shared = { x: 1 };
    expect(jsonProblem({ a: shared, b: [shared, shared] })).toBeUndefined();
  });

  it('refuses a "__proto__" key, as JSON.parse makes it', () => {
    expect(jsonProblem(JSON.parse('{"a": {"__proto__": {"polluted": true}}}'))).toEqual({
      path: 'a.__proto__',
      reason: 'a key "__proto__" is not allowed (it would be dropped, or change the object\'s prototype)',
    });
    expect(jsonProblem(JSON.parse('{"constructor": {"prototype": 1}}'))).toBeUndefined();
  });

  it('refuses objects that are not plain data', () => {
    class Order {
      total = 1;
    }
    expect(jsonProblem({ at: new Date(0) })).toEqual({ path: 'at', reason: 'a Date, not a plain object' });
    expect(jsonProblem([new Map()])).toEqual({ path: '[0]', reason: 'a Map, not a plain object' });
    expect(jsonProblem({ o: new Order() })).toEqual({ path: 'o', reason: 'an Order, not a plain object' });
    expect(jsonProblem(new Uint8Array(2))).toEqual({ path: '', reason: 'an Uint8Array, not a plain object' });
    expect(jsonProblem({ r: /x/ })?.reason).toBe('a RegExp, not a plain object');
    class List extends Array<number> {}
    expect(jsonProblem({ l: new List() })).toEqual({ path: 'l', reason: 'a List, not a plain array' });
    expect(jsonProblem(Object.create({ inherited: 1 }) as object)).toEqual({
      path: '',
      reason: 'an Object, not a plain object',
    });
  });

  it('writes keys that would read ambiguously in brackets, and shortens long ones', () => {
    expect(jsonProblem({ 'a.b': { '': [{ 'x y': Number.NaN }] } })?.path).toBe('["a.b"][""][0]["x y"]');
    const long = 'k'.repeat(100);
    expect(jsonProblem({ [long]: Number.NaN })?.path).toBe(`${'k'.repeat(40)}…`);
  });
});

describe('describeJsonProblem', () => {
  it('puts the path after the reason, or gives the reason alone for the root', () => {
    expect(describeJsonProblem({ path: 'a[1]', reason: 'a function is not JSON data' })).toBe(
      'a function is not JSON data at a[1]',
    );
    expect(describeJsonProblem({ path: '', reason: 'undefined is not JSON data' })).toBe('undefined is not JSON data');
  });
});

describe('parseJsonText', () => {
  it('parses JSON text into a value', () => {
    expect(parseJsonText('{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it('refuses text that is not JSON', () => {
    const parsed = parseJsonText('{"a": ');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(/^not valid JSON \(/);
  });

  it('refuses JSON nested 100,000 deep, naming where, before anything recursive sees it', () => {
    const text = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const parsed = parseJsonText(text);
    expect(parsed).toEqual({ ok: false, reason: 'nesting deeper than 64 levels at a.a.a.a.a.a.a.a.a.a…a.a.a' });
  });

  it('refuses a "__proto__" key with its path', () => {
    expect(parseJsonText('{"user": {"__proto__": {"admin": true}}}')).toEqual({
      ok: false,
      reason:
        'a key "__proto__" is not allowed (it would be dropped, or change the object\'s prototype) at user.__proto__',
    });
  });

  it('refuses text longer than maxChars before parsing it', () => {
    expect(parseJsonText('[1,2,3]', { maxChars: 5 })).toEqual({ ok: false, reason: 'longer than 5 characters (7)' });
    expect(parseJsonText('[1,2,3]', { maxChars: 7 })).toEqual({ ok: true, value: [1, 2, 3] });
  });

  it('passes its limits on', () => {
    expect(parseJsonText('[[1]]', { maxDepth: 1 })).toEqual({
      ok: false,
      reason: 'nesting deeper than 1 levels at [0]',
    });
  });
});
