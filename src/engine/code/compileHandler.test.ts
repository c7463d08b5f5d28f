import { describe, expect, it } from 'vitest';
import type { CloudEvent } from '../cloudEvent';
import { compileHandler, stripTypes, type Handler, type HandlerContext } from './compileHandler';

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
  return { now: () => 1234, random: () => 0.25, log: (...args) => void lines.push(args), state: {}, node: { id: 'n', name: 'N' }, lines };
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
    expect(compileHandler('const handle = 42;')).toMatchObject({ ok: false, error: expect.stringContaining('function named handle') });
  });

  it('reports a syntax error as { ok: false } instead of throwing', () => {
    const result = compileHandler('function handle(event, ctx) { if (');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/SyntaxError|Unexpected/);
  });

  it('reports an error thrown by top-level code as { ok: false }', () => {
    expect(compileHandler('throw new Error("config missing");\nfunction handle() {}')).toEqual({ ok: false, error: 'config missing' });
  });

  it('accepts an arrow function or function expression bound to the name handle', () => {
    const ctx = makeCtx();
    compiled('const handle = (e: unknown, ctx: { state: Record<string, unknown> }) => { ctx.state.arrow = true; };')(event, ctx);
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
    compiled('function handle(e, ctx) { ctx.state.v = [Math.max(3, 9, 4), Math.round(2.5), Math.floor(Math.PI * 100)]; }')(event, ctx);
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
    expect(thrownBy('globalThis.anything = 1;')).toMatch(/Cannot set properties of undefined/);
  });

  it('runs in strict mode, so an undeclared assignment throws instead of creating a global', () => {
    expect(thrownBy('leaked = 1;')).toMatch(/leaked is not defined/);
  });
});

describe('stripTypes', () => {
  it('removes annotations, interfaces and type-only imports but keeps the code', () => {
    const js = stripTypes('interface A { x: number }\nconst a: A = { x: 1 };\nfunction f(n: number): string { return String(n as number); }');
    expect(js).not.toMatch(/interface|: number|: string|as number/);
    expect(js).toContain('const a = { x: 1 }');
  });
});
