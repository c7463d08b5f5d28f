import { describe, expect, it } from 'vitest';
import { diffState } from './diffState';

describe('diffState', () => {
  it('gives nothing for equal states, however deep', () => {
    const state = { counters: { handled: 3 }, rows: [{ id: 'a', tags: ['x'] }], none: null };
    expect(diffState(state, structuredClone(state))).toEqual([]);
    expect(diffState(1, 1)).toEqual([]);
    expect(diffState(Number.NaN, Number.NaN)).toEqual([]);
  });

  it('lists added, changed and removed keys of nested objects by path', () => {
    const before = { counters: { handled: 3, failed: 0 }, state: { 'cust-ada': { orders: 1 }, gone: true } };
    const after = {
      counters: { handled: 4, failed: 0 },
      state: { 'cust-ada': { orders: 2 }, 'cust-alan': { orders: 1 } },
    };
    expect(diffState(before, after)).toEqual([
      { path: 'counters.handled', change: 'changed', before: 3, after: 4 },
      { path: 'state.cust-ada.orders', change: 'changed', before: 1, after: 2 },
      { path: 'state.gone', change: 'removed', before: true },
      { path: 'state.cust-alan', change: 'added', after: { orders: 1 } },
    ]);
  });

  it('compares arrays index by index', () => {
    expect(diffState({ p: [1, 2, 3] }, { p: [1, 5] })).toEqual([
      { path: 'p[1]', change: 'changed', before: 2, after: 5 },
      { path: 'p[2]', change: 'removed', before: 3 },
    ]);
    expect(diffState([{ hw: 1 }], [{ hw: 2 }, { hw: 0 }])).toEqual([
      { path: '[0].hw', change: 'changed', before: 1, after: 2 },
      { path: '[1]', change: 'added', after: { hw: 0 } },
    ]);
  });

  it('reports a change of type as one change with both values', () => {
    expect(diffState({ a: { x: 1 } }, { a: [1] })).toEqual([
      { path: 'a', change: 'changed', before: { x: 1 }, after: [1] },
    ]);
    expect(diffState({ a: null }, { a: { x: 1 } })).toEqual([
      { path: 'a', change: 'changed', before: null, after: { x: 1 } },
    ]);
    expect(diffState({ a: '1' }, { a: 1 })).toEqual([{ path: 'a', change: 'changed', before: '1', after: 1 }]);
    expect(diffState(1, { a: 1 })).toEqual([{ path: '', change: 'changed', before: 1, after: { a: 1 } }]);
  });

  it('writes keys that would read ambiguously in brackets', () => {
    expect(diffState({}, { 'a.b': 1, '': 2, 'with space': 3 }).map((c) => c.path)).toEqual([
      '["a.b"]',
      '[""]',
      '["with space"]',
    ]);
    expect(diffState({ s: {} }, { s: { 'x[0]': 1 } }).map((c) => c.path)).toEqual(['s["x[0]"]']);
  });

  it('stops at the limit', () => {
    const before = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]));
    const after = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i + 1]));
    expect(diffState(before, after, 10)).toHaveLength(10);
    expect(diffState(before, after)).toHaveLength(50);
  });
});
