import { nextFloat, nextUuid, type RandomState } from '../random';
import type { CodeSandbox } from './codeSandbox';
import { formatCount } from '../../lib/formatCount';
import { errorMessage } from './errorMessage';
import { jsonProblem } from '../../lib/jsonSafety';

/** Helpers a template expression may call; all randomness comes from the run's generator. */
interface TemplateHelpers {
  int: (min: number, max: number) => number;
  float: (min: number, max: number) => number;
  money: (min: number, max: number) => number;
  pick: <T>(...choices: T[]) => T;
  id: (prefix: string) => string;
  uuid: () => string;
  bool: (probability?: number) => boolean;
  repeat: <T>(times: number, make: (index: number) => T) => T[];
  sum: <T>(items: readonly T[], value: (item: T) => number) => number;
  round2: (value: number) => number;
}

const HELPER_NAMES = ['int', 'float', 'money', 'pick', 'id', 'uuid', 'bool', 'repeat', 'sum', 'round2'] as const;
/** Per-event values passed after the helpers. */
const VALUE_NAMES = ['seq', 'now', 'data'] as const;

const round2 = (v: number): number => Math.round(v * 100) / 100;
/** Items repeat() makes at most: a template builds one event, not a data set. */
const MAX_REPEAT = 10_000;

/** The helpers draw from whichever generator is current; set for the duration of one fill. */
const current: { random: RandomState } = { random: [0, 0, 0, 0] };

function float(min: number, max: number): number {
  return min + nextFloat(current.random) * (max - min);
}

function int(min: number, max: number): number {
  return Math.floor(float(Math.ceil(min), Math.floor(max) + 1));
}

const HELPERS: TemplateHelpers = {
  int,
  float,
  money: (min, max) => round2(float(min, max)),
  pick: (...choices) => {
    if (choices.length === 0) throw new Error('pick() needs at least one choice');
    return choices[int(0, choices.length - 1)]!;
  },
  id: (prefix) => `${prefix}-${(Math.floor(nextFloat(current.random) * 36 ** 6) + 36 ** 6).toString(36).slice(1)}`,
  uuid: () => nextUuid(current.random),
  bool: (probability = 0.5) => nextFloat(current.random) < probability,
  repeat: (times, make) => {
    if (!(times <= MAX_REPEAT)) throw new Error(`repeat() makes at most ${formatCount(MAX_REPEAT)} items, not ${times}`);
    return Array.from({ length: Math.max(0, Math.floor(times)) }, (_, i) => make(i));
  },
  sum: (items, value) => items.reduce((total, item) => total + value(item), 0),
  round2,
};
const HELPER_VALUES = HELPER_NAMES.map((name) => HELPERS[name]);

export class TemplateError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`payload template at ${path || 'the root'}: ${reason}`);
  }
}

interface FillScope {
  seq: number;
  now: number;
  root: unknown;
  /** An expression gave an object: the finished payload is checked as a whole (it may hold a cycle through `data`). */
  objects: boolean;
}

/**
 * A compiled template: builds one value into `target[key]`, storing each container there before its
 * children are filled (so `data` already holds the fields filled so far). No closure per fill.
 */
type Filler = (scope: FillScope, target: Record<string | number, unknown>, key: string | number) => void;

/** The expression of a string that is exactly one "{{ expr }}" ("{{ a }}-{{ b }}" is interpolation); `}}` may occur inside. */
function wholeExpression(text: string): string | undefined {
  return text.length > 4 && text.startsWith('{{') && text.endsWith('}}') && !text.includes('{{', 2) ? text.slice(2, -2) : undefined;
}
const PART = /\{\{([\s\S]+?)\}\}/g;

function compileExpression(code: CodeSandbox, source: string, path: string): (scope: FillScope) => unknown {
  // User code may call the helpers, so they are frozen before it sees them.
  harden(HELPER_VALUES);
  // The helpers are bound once, as constants of the expression's scope: a call passes only the per-event values.
  const compiled = code.expression(source, HELPER_NAMES, HELPER_VALUES, VALUE_NAMES);
  if (!compiled.ok) throw new TemplateError(path, compiled.error);
  const evaluate = compiled.evaluate;
  return (scope) => {
    let value: unknown;
    try {
      value = evaluate(scope.seq, scope.now, scope.root);
    } catch (error) {
      throw new TemplateError(path, errorMessage(error));
    }
    // Event data must survive postMessage, storage and export as it is: a function, a BigInt or NaN stops here, named.
    if (typeof value === 'object' && value !== null) scope.objects = true;
    else if (value !== undefined && typeof value !== 'string') {
      const problem = jsonProblem(value);
      if (problem) throw new TemplateError(path, problem.reason);
    }
    return value;
  };
}

function compile(code: CodeSandbox, template: unknown, path: string): Filler {
  if (typeof template === 'string') {
    const whole = wholeExpression(template);
    if (whole !== undefined) {
      const evaluate = compileExpression(code, whole, path);
      return (scope, target, key) => void (target[key] = evaluate(scope));
    }
    const parts = [...template.matchAll(PART)].map((m) => compileExpression(code, m[1]!, path));
    if (parts.length === 0) return (_, target, key) => void (target[key] = template);
    return (scope, target, key) => {
      let i = 0;
      target[key] = template.replace(PART, () => String(parts[i++]!(scope)));
    };
  }
  if (Array.isArray(template)) {
    const items = template.map((item, i) => compile(code, item, `${path}[${i}]`));
    return (scope, target, key) => {
      const out: unknown[] = [];
      target[key] = out;
      for (let i = 0; i < items.length; i++) items[i]!(scope, out as unknown as Record<number, unknown>, i);
    };
  }
  if (template !== null && typeof template === 'object') {
    const fields = Object.entries(template).map(([key, item]) => [key, compile(code, item, path ? `${path}.${key}` : key)] as const);
    return (scope, target, key) => {
      const out: Record<string, unknown> = {};
      target[key] = out;
      for (const [name, field] of fields) field(scope, out, name);
    };
  }
  return (_, target, key) => void (target[key] = template);
}

// Compiled once per sandbox and template object: the flow document is immutable, so identity is enough.
const compiled = new WeakMap<CodeSandbox, WeakMap<object, Filler>>();

function fillerFor(code: CodeSandbox, template: unknown): Filler {
  if (template === null || typeof template !== 'object') return compile(code, template, '');
  let fillers = compiled.get(code);
  if (!fillers) compiled.set(code, (fillers = new WeakMap()));
  let filler = fillers.get(template);
  if (!filler) {
    filler = compile(code, template, '');
    fillers.set(template, filler);
  }
  return filler;
}

/**
 * Fills a JSON template: a string that is exactly "{{ expr }}" becomes the value of expr; "{{ }}"
 * inside longer text is interpolated. Fields are filled in document order, and `data` is the root
 * object built so far, so a later field can use an earlier one (a total over the items).
 */
export function fillTemplate(code: CodeSandbox, template: unknown, random: RandomState, seq: number, now: number): unknown {
  const filler = fillerFor(code, template);
  current.random = random;
  const scope: FillScope = { seq, now, root: undefined, objects: false };
  filler(scope, scope as unknown as Record<string, unknown>, 'root');
  if (scope.objects) {
    const problem = jsonProblem(scope.root);
    if (problem) throw new TemplateError(problem.path, problem.reason);
  }
  return scope.root;
}

const keyExpressions = new WeakMap<CodeSandbox, Map<string, Filler>>();

/** Fills a record-key template ("{{ data.customerId }}") against a finished payload; a key is text. */
export function fillKey(code: CodeSandbox, template: string, data: unknown, random: RandomState, seq: number, now: number): string {
  let fillers = keyExpressions.get(code);
  if (!fillers) keyExpressions.set(code, (fillers = new Map<string, Filler>()));
  let filler = fillers.get(template);
  if (!filler) {
    // Templates are part of the flow document, so the map holds a handful.
    filler = compile(code, template, 'key');
    fillers.set(template, filler);
  }
  current.random = random;
  const out: { key?: unknown } = {};
  filler({ seq, now, root: data, objects: false }, out, 'key');
  const key = out.key;
  return typeof key === 'string' ? key : JSON.stringify(key) ?? String(key);
}
