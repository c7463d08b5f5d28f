import { describe, expect, it } from 'vitest';
import { findUncloneable } from './uncloneable';

describe('findUncloneable', () => {
  it('names the first function or symbol by its path', () => {
    expect(findUncloneable({ a: 1, b: [2, { c: () => 0 }], d: Symbol('x') }, 'ctx.state')).toBe(
      'ctx.state.b[1].c is a function',
    );
    expect(findUncloneable({ ok: [1, 'two', null, { three: true }] }, 'ctx.state')).toBeUndefined();
  });

  it('names a getter without calling it', () => {
    let called = false;
    const state = {
      get total() {
        called = true;
        throw new Error('ran user code');
      },
    };
    expect(findUncloneable({ row: state }, 'ctx.state')).toBe('ctx.state.row.total is a getter or setter');
    expect(called).toBe(false);
  });

  it('walks a state that refers to itself', () => {
    const state: Record<string, unknown> = { n: 1 };
    state.self = state;
    expect(findUncloneable(state, 'ctx.state')).toBeUndefined();
    state.f = () => 0;
    expect(findUncloneable(state, 'ctx.state')).toBe('ctx.state.f is a function');
  });
});
