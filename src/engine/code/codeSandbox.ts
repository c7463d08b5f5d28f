import { BoundedCache } from '../../lib/boundedCache';
import { formatCount } from '../../lib/formatCount';
import { errorMessage } from './errorMessage';
import type { CompiledHandler, Handler } from './handlerContext';
import { userCodeGlobals } from './endowments';
import { hardenRealm } from './hardenRealm';
import { PayloadTemplates } from './payloadTemplate';
import { checkExpression, checkProgram, HALT, LOOP_COUNTER, MAX_ITERATIONS, type CheckedProgram } from './userSource';

export type CompiledModule<T> = { ok: true; load: () => T } | { ok: false; error: string };
export type CompiledExpression =
  { ok: true; evaluate: (...values: unknown[]) => unknown } | { ok: false; error: string };

/** What a sandbox says instead of running code of a flow the person has not trusted. */
export const NOT_TRUSTED = "this flow's code has not been trusted, so it does not run";

/** Compiled code kept per sandbox; flows carry a few dozen sources, so this bounds only abuse. */
const CACHE_ENTRIES = 512;

export interface CodeSandboxOptions {
  /** Untrusted code is parsed and checked, never evaluated, until trust() (default: trusted). */
  readonly trusted?: boolean;
  /** Evaluates the wrapped, checked source; only the benchmark replaces it, to measure what the compartment costs. */
  readonly evaluate?: (source: string) => unknown;
}

let globalNames: ReadonlySet<string> | undefined;

/** The names user code finds in its global scope (the shared intrinsics and what endowments offer). */
function compartmentGlobals(): ReadonlySet<string> {
  if (!globalNames) {
    const endowments = userCodeGlobals();
    // Names the endowments take away (eval, Function, Promise…); `undefined` itself stays a name.
    const removed = new Set(Object.keys(endowments).filter((name) => endowments[name] === undefined));
    const global = new Compartment({ globals: endowments, __options__: true }).globalThis as Record<string, unknown>;
    globalNames = new Set(Object.getOwnPropertyNames(global).filter((name) => !removed.has(name)));
  }
  return globalNames;
}

class LoopLimitError extends Error {
  constructor() {
    super(`stopped after ${formatCount(MAX_ITERATIONS)} loop iterations and calls in one run: an endless loop?`);
  }
}

/**
 * One flow's user code: handlers, deciders, upcasters, invariants, queries and payload templates.
 * Code is parsed first (and only parsed while the flow is untrusted), guarded against endless
 * loops, then evaluated in this flow's own hardened SES Compartment, whose global scope holds the
 * frozen shared intrinsics and nothing of the worker: no network, storage, clock, randomness,
 * messaging or evaluators.
 */
export class CodeSandbox {
  private trusted: boolean;
  private compartment: Compartment | undefined;
  private readonly evaluateOverride: ((source: string) => unknown) | undefined;
  // Looked up on every delivery, command and upcast: keyed by the source itself (its hash is cached
  // on the string) and the caller's constant list of names, never by a string built per call.
  private readonly handlers = new BoundedCache<string, CompiledHandler>(CACHE_ENTRIES);
  // Keyed by the callers' constant name lists: as many as there are call sites.
  private readonly modules = new Map<readonly string[], BoundedCache<string, CompiledModule<unknown>>>();
  private readonly expressions = new BoundedCache<string, CompiledExpression>(CACHE_ENTRIES);
  private readonly halt: () => never;
  private payloadTemplates: PayloadTemplates | undefined;
  /** Evaluations of user code made so far (tests check that an untrusted flow makes none). */
  evaluations = 0;

  constructor(options: CodeSandboxOptions = {}) {
    hardenRealm();
    this.trusted = options.trusted ?? true;
    this.evaluateOverride = options.evaluate;
    this.halt = harden(() => {
      throw new LoopLimitError();
    });
  }

  get isTrusted(): boolean {
    return this.trusted;
  }

  /** From now on code is evaluated; what was checked while untrusted is compiled afresh. */
  trust(): void {
    this.trusted = true;
    this.handlers.clear();
    this.modules.clear();
    this.expressions.clear();
  }

  /** Compiles a source that defines `function handle(event, ctx)`; the module body runs afresh for every call. */
  handler(source: string): CompiledHandler {
    return this.cached(this.handlers, source, () => {
      const program = checkProgram(source, compartmentGlobals());
      if (!program.declared.has('handle')) return HANDLER_MISSING;
      if (!this.trusted) return { ok: false, error: NOT_TRUSTED };
      const load = this.load(program, 'typeof handle === "function" ? handle : undefined');
      if (typeof load() !== 'function') return HANDLER_MISSING;
      return { ok: true, handle: (event, ctx) => (load() as Handler)(event, ctx) };
    });
  }

  /**
   * Compiles a module defining the named functions and values; `load` runs its body afresh each time.
   * `names` is the caller's constant list: compiled modules are kept per list.
   */
  module<T>(source: string, names: readonly string[]): CompiledModule<T> {
    let byNames = this.modules.get(names);
    if (!byNames) this.modules.set(names, (byNames = new BoundedCache(CACHE_ENTRIES)));
    return this.cached(byNames as BoundedCache<string, CompiledModule<T>>, source, () => {
      const program = checkProgram(source, compartmentGlobals());
      if (!this.trusted) return { ok: false, error: NOT_TRUSTED };
      const load = this.load(
        program,
        `{ ${names.map((n) => `${n}: typeof ${n} === "undefined" ? undefined : ${n}`).join(', ')} }`,
      );
      load();
      return { ok: true, load: load as () => T };
    });
  }

  /**
   * Compiles one expression over `bound` names (given their values now, once) and `params` (given
   * on each evaluation): a payload template's `{{ … }}`.
   */
  expression(
    source: string,
    bound: readonly string[],
    boundValues: readonly unknown[],
    params: readonly string[],
  ): CompiledExpression {
    // Compiled once per template (payloadTemplate keeps the result), so a key built here costs nothing per event.
    return this.cached(this.expressions, `${bound.join(',')}|${params.join(',')}\n${source}`, () => {
      const code = checkExpression(source, new Set([...compartmentGlobals(), ...bound, ...params]));
      if (!this.trusted) return { ok: false, error: NOT_TRUSTED };
      const make = this.evaluate(
        `(function (${[HALT, ...bound].join(', ')}) { return function (${params.join(', ')}) { let ${LOOP_COUNTER} = 0; return (\n${code}\n); }; })`,
      ) as (...values: unknown[]) => (...values: unknown[]) => unknown;
      return { ok: true, evaluate: make(this.halt, ...boundValues) };
    });
  }

  /** Why a handler source would not run, or undefined: compiled when trusted, only parsed when not. */
  handlerProblem(source: string): string | undefined {
    if (this.trusted) {
      const compiled = this.handler(source);
      return compiled.ok ? undefined : compiled.error;
    }
    return this.parsedProblem(source, ['handle'], HANDLER_MISSING.error);
  }

  /** Why a source would not run, found by parsing alone: a syntax error, refused syntax, or one of `required` not declared (`missing`). */
  parsedProblem(source: string, required: readonly string[], missing: string): string | undefined {
    try {
      const program = checkProgram(source, compartmentGlobals());
      return required.every((name) => program.declared.has(name)) ? undefined : missing;
    } catch (error) {
      return errorMessage(error);
    }
  }

  private load(program: CheckedProgram, result: string): () => unknown {
    const make = this.evaluate(
      `(function (${HALT}) { return function () { let ${LOOP_COUNTER} = 0;\n${program.code}\n;return ${result}; }; })`,
    ) as (halt: () => never) => () => unknown;
    return make(this.halt);
  }

  private evaluate(source: string): unknown {
    this.evaluations++;
    if (this.evaluateOverride) return this.evaluateOverride(source);
    this.compartment ??= this.newCompartment();
    return this.compartment.evaluate(source);
  }

  /** This flow's payload templates, compiled here, with their own helpers. */
  get templates(): PayloadTemplates {
    return (this.payloadTemplates ??= new PayloadTemplates(this));
  }

  private newCompartment(): Compartment {
    const compartment = new Compartment({ globals: userCodeGlobals(), __options__: true });
    // Nothing user code adds to its global scope can outlive a call (snapshots would not see it).
    harden(compartment.globalThis);
    return compartment;
  }

  /** A compile result per key; a throw while compiling is the result's error. Untrusted refusals are not kept. */
  private cached<R extends { ok: boolean; error?: string }>(
    cache: BoundedCache<string, R>,
    key: string,
    compile: () => R,
  ): R {
    const hit = cache.get(key);
    if (hit) return hit;
    let result: R;
    try {
      result = compile();
    } catch (error) {
      result = { ok: false, error: errorMessage(error) } as R;
    }
    if (result.error === NOT_TRUSTED) return result;
    cache.set(key, result);
    return result;
  }
}

const HANDLER_MISSING = { ok: false, error: 'the code must define a function named handle(event, ctx)' } as const;
