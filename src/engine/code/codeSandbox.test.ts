import { describe, expect, it } from 'vitest';
import type { CloudEvent } from '../cloudEvent';
import { CodeSandbox, NOT_TRUSTED } from './codeSandbox';
import type { Handler, HandlerContext } from './handlerContext';
import { stripTypes } from './userSource';

const sandbox = new CodeSandbox();
const compileHandler = (source: string) => sandbox.handler(source);

const event: CloudEvent = {
  specversion: '1.0',
  id: 'e-1',
  source: '/producers/orders',
  type: 'OrderPlaced',
  time: '2026-01-01T00:00:00.500Z',
  datacontenttype: 'application/json',
  data: { total: 12.5 },
  correlationid: 'e-1',
  sequence: 1,
};

function makeCtx(): HandlerContext & { lines: unknown[][] } {
  const lines: unknown[][] = [];
  return {
    now: () => 1234,
    random: () => 0.25,
    log: (...args) => void lines.push(args),
    state: {},
    node: { id: 'n', name: 'N' },
    lines,
  };
}

function compiled(source: string): Handler {
  const result = compileHandler(source);
  if (!result.ok) throw new Error(`expected the handler to compile: ${result.error}`);
  return result.handle;
}

/** Runs a handler whose body is `body` and returns what it threw (or undefined). */
function thrownBy(body: string): string | undefined {
  const handle = compiled(`function handle(event, ctx) { ${body} }`);
  try {
    handle(event, makeCtx());
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('compileHandler', () => {
  it('strips TypeScript types and runs the handler with the event and ctx', () => {
    const handle = compiled(`
      interface Order { total: number }
      type Ctx = { state: Record<string, number> };
      function handle(event: { data: Order }, ctx: Ctx): void {
        const seen: number = (ctx.state.seen ?? 0) + 1;
        ctx.state.seen = seen;
        ctx.state.total = event.data.total as number;
      }
    `);
    const ctx = makeCtx();
    handle(event, ctx);
    handle(event, ctx);
    expect(ctx.state).toEqual({ seen: 2, total: 12.5 });
  });

  it('gives the handler ctx.now(), ctx.random(), ctx.log() and its node', () => {
    const ctx = makeCtx();
    compiled('function handle(e, ctx) { ctx.log("at", ctx.now(), ctx.random(), ctx.node.id); }')(event, ctx);
    expect(ctx.lines).toEqual([['at', 1234, 0.25, 'n']]);
  });

  it('refuses code that defines no handle function, saying what is expected', () => {
    expect(compileHandler('const handler = () => {};')).toEqual({
      ok: false,
      error: 'the code must define a function named handle(event, ctx)',
    });
    expect(compileHandler('const handle = 42;')).toMatchObject({
      ok: false,
      error: expect.stringContaining('function named handle'),
    });
  });

  it('reports a syntax error as { ok: false } instead of throwing', () => {
    const result = compileHandler('function handle(event, ctx) { if (');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/SyntaxError|Unexpected/);
  });

  it('reports an error thrown by top-level code as { ok: false }', () => {
    expect(compileHandler('throw new Error("config missing");\nfunction handle() {}')).toEqual({
      ok: false,
      error: 'config missing',
    });
  });

  it('accepts an arrow function or function expression bound to the name handle', () => {
    const ctx = makeCtx();
    compiled('const handle = (e: unknown, ctx: { state: Record<string, unknown> }) => { ctx.state.arrow = true; };')(
      event,
      ctx,
    );
    expect(ctx.state).toEqual({ arrow: true });
  });
});

describe('handler code is shadowed from non-deterministic globals', () => {
  it('new Date() and Date() throw a message pointing to ctx.now()', () => {
    expect(thrownBy('new Date();')).toMatch(/Date is not available.*ctx\.now\(\)/);
    expect(thrownBy('Date();')).toMatch(/ctx\.now\(\)/);
  });

  it('Date.now() and Date.parse() throw a message pointing to ctx.now(), not "is not a function"', () => {
    expect(thrownBy('Date.now();')).toMatch(/Date.* is not available.*ctx\.now\(\)/);
    expect(thrownBy('Date.parse("2026-01-01");')).toMatch(/Date.* is not available.*ctx\.now\(\)/);
  });

  it('Math.random throws a message pointing to ctx.random()', () => {
    expect(thrownBy('Math.random();')).toMatch(/Math\.random is not available.*ctx\.random\(\)/);
  });

  it('fetch, XMLHttpRequest and timers throw with the reason', () => {
    expect(thrownBy('fetch("https://example.com");')).toMatch(/fetch is not available.*network/);
    expect(thrownBy('new XMLHttpRequest();')).toMatch(/network/);
    expect(thrownBy('setTimeout(() => {}, 10);')).toMatch(/setTimeout is not available/);
  });

  it('keeps the rest of Math working', () => {
    const ctx = makeCtx();
    compiled(
      'function handle(e, ctx) { ctx.state.v = [Math.max(3, 9, 4), Math.round(2.5), Math.floor(Math.PI * 100)]; }',
    )(event, ctx);
    expect(ctx.state.v).toEqual([9, 3, 314]);
  });

  it('does not let handlers change Math for other handlers', () => {
    expect(thrownBy('Math.max = () => 0;')).toMatch(/read.only|Cannot assign/);
  });

  it('hides globalThis, process, require and storage', () => {
    const ctx = makeCtx();
    compiled(`function handle(e, ctx) {
      ctx.state.types = [typeof globalThis, typeof process, typeof require, typeof localStorage, typeof indexedDB, typeof self, typeof window];
    }`)(event, ctx);
    expect(ctx.state.types).toEqual(Array(7).fill('undefined'));
    // Refused when compiled, naming the line: the compartment's scope would read it as undefined.
    expect(compileHandler('function handle() {\n  globalThis.anything = 1;\n}')).toEqual({
      ok: false,
      error: 'ReferenceError: globalThis is not defined (line 2)',
    });
  });

  it('knows the global values every script may use', () => {
    expect(
      outcome('ctx.state.out = [undefined === void 0, Number.isNaN(NaN), Infinity > 1, typeof JSON, parseInt("7")];'),
    ).toEqual([true, true, true, 'object', 7]);
  });

  it('refuses a name the code never declares, so an undeclared assignment cannot create a global', () => {
    expect(compileHandler('function handle() { leaked = 1; }')).toEqual({
      ok: false,
      error: 'ReferenceError: leaked is not defined (line 1)',
    });
  });
});

describe('stripTypes', () => {
  it('removes annotations, interfaces and type-only imports but keeps the code', () => {
    const js = stripTypes(
      'interface A { x: number }\nconst a: A = { x: 1 };\nfunction f(n: number): string { return String(n as number); }',
    );
    expect(js).not.toMatch(/interface|: number|: string|as number/);
    expect(js).toContain('const a = { x: 1 }');
  });
});

/** What a handler whose body is `body` stored in ctx.state, or what it threw. */
function outcome(body: string, sandbox = new CodeSandbox()): unknown {
  const result = sandbox.handler(`function handle(event, ctx) { ${body} }`);
  if (!result.ok) return `does not compile: ${result.error}`;
  const ctx = makeCtx();
  try {
    result.handle(event, ctx);
    return ctx.state.out;
  } catch (error) {
    return `threw: ${(error as Error).message}`;
  }
}

describe('the sandbox holds against code that tries to get out', () => {
  it('reaches no evaluator: Function constructors throw, eval and Function are not there', () => {
    expect(outcome('ctx.state.out = (function () {}).constructor("return this")();')).toMatch(
      /^threw: .*not a valid constructor/,
    );
    expect(outcome('ctx.state.out = Object.getPrototypeOf(function* () {}).constructor("yield 1");')).toMatch(
      /^threw: .*not a valid constructor/,
    );
    expect(outcome('ctx.state.out = (0, eval)("this");')).toBe(
      'does not compile: ReferenceError: eval is not defined (line 1)',
    );
    expect(outcome('ctx.state.out = new Function("return this")();')).toBe(
      'does not compile: ReferenceError: Function is not defined (line 1)',
    );
    expect(outcome('ctx.state.out = typeof Compartment + typeof lockdown + typeof harden;')).toBe(
      'undefinedundefinedundefined',
    );
  });

  it('finds no worker global behind ctx: its functions lead to a throwing constructor', () => {
    expect(outcome('ctx.state.out = ctx.log.constructor("return this")();')).toMatch(
      /^threw: .*not a valid constructor/,
    );
    expect(outcome('ctx.state.out = ctx.now.constructor.constructor("return fetch")();')).toMatch(
      /^threw: .*not a valid constructor/,
    );
  });

  it('cannot change the shared prototypes, so other code keeps its behaviour', () => {
    expect(outcome('Array.prototype.reduce = () => 42;')).toMatch(/^threw: .*read.only property 'reduce'/);
    expect(outcome('Object.prototype.polluted = true;')).toMatch(/^threw: .*not extensible/);
    expect(outcome('Object.defineProperty(JSON, "stringify", { value: () => "forged" });')).toMatch(
      /^threw: Cannot redefine property/,
    );
    expect([1, 2, 3].reduce((a, b) => a + b, 0)).toBe(6);
    expect(JSON.stringify({ a: 1 })).toBe('{"a":1}');
  });

  it('keeps nothing between calls or between flows: the global scope is frozen and each flow has its own', () => {
    expect(compileHandler('var kept = 0;\nfunction handle(e, ctx) { ctx.state.out = ++kept; }')).toMatchObject({
      ok: true,
    });
    const handle = compiled('var kept = 0;\nfunction handle(e, ctx) { ctx.state.out = ++kept; }');
    const ctx = makeCtx();
    handle(event, ctx);
    handle(event, ctx);
    expect(ctx.state.out).toBe(1);
    expect(outcome('Object.defineProperty(Object.getPrototypeOf(ctx.log), "x", { value: 1 });')).toMatch(
      /^threw: Cannot define property x/,
    );
  });

  it('lets handler state use keys named like Object.prototype members, though the prototypes are frozen', () => {
    expect(
      outcome(
        'for (const k of ["constructor", "toString", "hasOwnProperty"]) ctx.state[k] = 1; ctx.state.out = Object.keys(ctx.state).length;',
      ),
    ).toBe(3);
  });

  it('freezes the parts of ctx that every call shares', () => {
    expect(outcome('ctx.state.out = [Object.isFrozen(Math), Object.isFrozen(Math.max)];')).toEqual([true, true]);
  });

  it('cannot install a stack hook that the worker would call', () => {
    outcome('try { Error.prepareStackTrace = () => "hijacked"; } catch {}');
    expect(new Error('worker error').stack).not.toBe('hijacked');
  });

  it('refuses async code and promises: nothing may run after its step', () => {
    expect(outcome('ctx.state.out = (async () => 1)();')).toMatch(/^does not compile: async code is not allowed/);
    expect(sandbox.handler('async function handle(event, ctx) { await 0; }')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/async code is not allowed/),
    });
    expect(outcome('ctx.state.out = Promise.resolve(1);')).toBe(
      'does not compile: ReferenceError: Promise is not defined (line 1)',
    );
    expect(outcome('ctx.state.out = new Proxy({}, {});')).toBe(
      'does not compile: ReferenceError: Proxy is not defined (line 1)',
    );
    expect(outcome('ctx.state.out = import("https://example.com/x.js");')).toMatch(
      /^does not compile: import is not allowed/,
    );
  });

  it('refuses the names its guards use', () => {
    expect(outcome('let __tm_loops = -1e9; while (true) {}')).toMatch(
      /^does not compile: names starting with __tm_ are reserved/,
    );
  });
});

describe('endless loops end as errors of the code that ran them', () => {
  it('stops a loop in a handler call and throws, so the delivery fails instead of the worker hanging', () => {
    expect(outcome('while (true) {}')).toMatch(
      /^threw: stopped after 10,000,000 loop iterations and calls in one run: an endless loop\?/,
    );
    expect(outcome('for (;;) ;')).toMatch(/^threw: stopped after/);
    expect(outcome('do {} while (true);')).toMatch(/^threw: stopped after/);
    expect(
      outcome('const spin = () => spin2(); const spin2 = () => { for (const x of [1]) while (x) {} }; spin();'),
    ).toMatch(/^threw: stopped after/);
  });

  it('stops a loop that catches the stop and tries again', () => {
    expect(outcome('for (;;) { try { for (;;) {} } catch {} }')).toMatch(/^threw: stopped after/);
    expect(outcome('function again() { try { while (true) {} } catch { again(); } } again();')).toMatch(
      /^threw: stopped after/,
    );
  });

  it('gives every call a fresh budget, so a long run of short calls is not stopped', () => {
    const handle = compiled(
      'function handle(e, ctx) { let n = 0; for (let i = 0; i < 1000; i++) n++; ctx.state.out = n; }',
    );
    const ctx = makeCtx();
    for (let i = 0; i < 20_000; i++) handle(event, ctx);
    expect(ctx.state.out).toBe(1000);
  });

  it('reports a top-level endless loop as a compile error', () => {
    expect(compileHandler('while (true) {}\nfunction handle() {}')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^stopped after/),
    });
  });
});

describe('an untrusted sandbox evaluates nothing', () => {
  const TOP_LEVEL_SIDE_EFFECT = 'throw new Error("evaluated");\nfunction handle(event, ctx) {}';

  it('refuses to compile, saying why, and counts no evaluation', () => {
    const untrusted = new CodeSandbox({ trusted: false });
    expect(untrusted.handler(TOP_LEVEL_SIDE_EFFECT)).toEqual({ ok: false, error: NOT_TRUSTED });
    expect(untrusted.module('const x = 1;', ['x'])).toEqual({ ok: false, error: NOT_TRUSTED });
    expect(untrusted.expression('1 + 1', [], [], [])).toEqual({ ok: false, error: NOT_TRUSTED });
    expect(untrusted.evaluations).toBe(0);
  });

  it('still finds problems by parsing: syntax, refused syntax, undeclared names and a missing handle', () => {
    const untrusted = new CodeSandbox({ trusted: false });
    expect(untrusted.handlerProblem(TOP_LEVEL_SIDE_EFFECT)).toBeUndefined();
    expect(untrusted.handlerProblem('function handle(event, ctx) {\n  if (\n}')).toMatch(
      /^SyntaxError: Unexpected token \(line 3, column 1\)/,
    );
    expect(untrusted.handlerProblem('function handle() { return fetchh(); }')).toBe(
      'ReferenceError: fetchh is not defined (line 1)',
    );
    expect(untrusted.handlerProblem('function handler() {}')).toBe(
      'the code must define a function named handle(event, ctx)',
    );
    expect(untrusted.evaluations).toBe(0);
  });

  it('compiles once trusted, including what it refused before', () => {
    const later = new CodeSandbox({ trusted: false });
    expect(later.handler(TOP_LEVEL_SIDE_EFFECT).ok).toBe(false);
    later.trust();
    expect(later.handler(TOP_LEVEL_SIDE_EFFECT)).toEqual({ ok: false, error: 'evaluated' });
    expect(later.handler('function handle() {}').ok).toBe(true);
    expect(later.evaluations).toBeGreaterThan(0);
  });
});

describe('compiled code kept per sandbox', () => {
  it('is bounded: past the bound the oldest source is compiled again, and still runs as written', () => {
    const code = new CodeSandbox();
    const source = (i: number) => `function handle(e, ctx) { ctx.state.v = ${i}; }`;
    const first = code.handler(source(0));
    expect(code.handler(source(0))).toBe(first);
    const before = code.evaluations;
    for (let i = 1; i <= 600; i++) code.handler(source(i));
    expect(code.evaluations - before).toBe(600);
    const again = code.handler(source(0));
    expect(again).not.toBe(first);
    const ctx = makeCtx();
    if (!again.ok) throw new Error(again.error);
    again.handle(event, ctx);
    expect(ctx.state.v).toBe(0);
    // The newest ones are still kept.
    const evaluations = code.evaluations;
    code.handler(source(600));
    expect(code.evaluations).toBe(evaluations);
  });
});
