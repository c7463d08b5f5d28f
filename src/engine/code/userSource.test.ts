import { describe, expect, it } from 'vitest';
import { CodeSandbox } from './codeSandbox';
import { checkExpression, checkProgram } from './userSource';

const GLOBALS = new Set(['Math', 'JSON', 'Object', 'Array']);

/** The value of `body` (which sets `out`) run natively and run guarded in a sandbox: they must agree. */
function bothWays(body: string): { native: unknown; guarded: unknown } {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the native run is the reference the sandbox must match
  const native = (new Function(`let out; ${body}; return out;`) as () => unknown)();
  const compiled = new CodeSandbox().handler(`function handle(event, ctx) { let out; ${body}; ctx.state.out = out; }`);
  if (!compiled.ok) throw new Error(compiled.error);
  const state: Record<string, unknown> = {};
  compiled.handle({} as never, { state } as never);
  return { native, guarded: state.out };
}

describe('loop guards keep the meaning of the code they guard', () => {
  const cases = [
    'out = 0; for (let i = 0; i < 5; i++) out += i',
    'out = []; for (const x of [1, 2]) for (const y of [3, 4]) out.push(x * y)',
    'out = []; for (const k in { a: 1, b: 2 }) out.push(k)',
    'out = 0; let i = 0; while (i < 3) i++, out += i',
    'out = 0; do out++; while (out < 4)',
    'out = 0; outer: for (let i = 0; i < 3; i++) { for (let j = 0; j < 3; j++) { if (j === 1) continue outer; out++; } }',
    'const add = (a) => (b) => a + b; out = add(2)(3)',
    'const make = () => ({ a: { b: 1 } }); out = make()',
    'out = [1, 2, 3].map((x) => x * 2).filter(function (x) { return x > 2; })',
    'for (;;) break; out = "after"',
    'out = 0; while (out < 2) out++',
    'const o = { get v() { return 7; }, m() { return 8; } }; out = [o.v, o.m()]',
    'class C { static s = 1; f() { return 2; } } out = [C.s, new C().f()]',
    'out = 0; for (const x of [1]) (() => { out = x; })()',
  ];
  for (const body of cases)
    it(body, () => {
      const { native, guarded } = bothWays(body);
      expect(guarded).toEqual(native);
    });
});

describe('checkProgram', () => {
  it('names what a program declares at its top level', () => {
    expect(
      [
        ...checkProgram('function handle() {}\nconst a = 1, b = 2;\nclass C {}\nlet [d] = [1];', GLOBALS).declared,
      ].sort(),
    ).toEqual(['C', 'a', 'b', 'handle']);
  });

  it('accepts names declared anywhere, parameters, caught errors and typeof of unknown names', () => {
    expect(() =>
      checkProgram(
        'function f({ a, b: [c = 1, ...d] }, ...e) { try {} catch (err) { return [a, c, d, e, err, arguments, Math.PI]; } }',
        GLOBALS,
      ),
    ).not.toThrow();
    expect(() => checkProgram('const t = typeof window;', GLOBALS)).not.toThrow();
    expect(() =>
      checkProgram('const o = { window: 1 }; o.window; label: for (;;) break label;', GLOBALS),
    ).not.toThrow();
  });

  it('refuses an undeclared name with its line', () => {
    expect(() => checkProgram('const a = 1;\nconst b = a + missing;', GLOBALS)).toThrow(
      'ReferenceError: missing is not defined (line 2)',
    );
  });

  it('refuses code nested too deeply to read, instead of overflowing', () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    expect(() => checkProgram(`const x = ${deep};`, GLOBALS)).toThrow('the code nests too deeply to be read');
  });
});

describe('checkExpression', () => {
  it('takes exactly one expression, parentheses included', () => {
    expect(checkExpression(' ({ a: 1 }) ', new Set())).toContain('({ a: 1 })');
    expect(() => checkExpression('1); while (true) {}; (1', new Set())).toThrow(/only one expression/);
  });
});
