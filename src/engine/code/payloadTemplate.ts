import { nextFloat, nextUuid, type RandomState } from '../random';
import type { CodeSandbox } from './codeSandbox';
import { formatCount } from '../../lib/formatCount';
import { errorMessage } from './errorMessage';
import { jsonProblem } from '../../lib/jsonSafety';
import { BoundedCache } from '../../lib/boundedCache';

/** Helpers a template expression may call; all randomness comes from the run's generator. */
// Function properties, not methods: each helper is handed to templates on its own.
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

/** Where the helpers draw from: the run's generator, set for the duration of one fill. */
interface RandomSlot {
  random: RandomState;
}

/** The helpers of one sandbox's templates, drawing from its slot. */
function helpersOver(slot: RandomSlot): TemplateHelpers {
  const float = (min: number, max: number): number => min + nextFloat(slot.random) * (max - min);
  const int = (min: number, max: number): number => Math.floor(float(Math.ceil(min), Math.floor(max) + 1));
  return {
    int,
    float,
    money: (min, max) => round2(float(min, max)),
    pick: (...choices) => {
      if (choices.length === 0) throw new Error('pick() needs at least one choice');
      return choices[int(0, choices.length - 1)]!;
    },
    id: (prefix) => `${prefix}-${(Math.floor(nextFloat(slot.random) * 36 ** 6) + 36 ** 6).toString(36).slice(1)}`,
    uuid: () => nextUuid(slot.random),
    bool: (probability = 0.5) => nextFloat(slot.random) < probability,
    repeat: (times, make) => {
      if (!(times <= MAX_REPEAT))
        throw new Error(`repeat() makes at most ${formatCount(MAX_REPEAT)} items, not ${times}`);
      return Array.from({ length: Math.max(0, Math.floor(times)) }, (_, i) => make(i));
    },
    sum: (items, value) => items.reduce((total, item) => total + value(item), 0),
    round2,
  };
}

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
  return text.length > 4 && text.startsWith('{{') && text.endsWith('}}') && !text.includes('{{', 2)
    ? text.slice(2, -2)
    : undefined;
}
const PART = /\{\{([\s\S]+?)\}\}/g;

function compileExpression(templates: PayloadTemplates, source: string, path: string): (scope: FillScope) => unknown {
  // The helpers are bound once, as constants of the expression's scope: a call passes only the per-event values.
  const compiled = templates.code.expression(source, HELPER_NAMES, templates.helperValues, VALUE_NAMES);
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

function compile(templates: PayloadTemplates, template: unknown, path: string): Filler {
  if (typeof template === 'string') {
    const whole = wholeExpression(template);
    if (whole !== undefined) {
      const evaluate = compileExpression(templates, whole, path);
      return (scope, target, key) => void (target[key] = evaluate(scope));
    }
    const parts = [...template.matchAll(PART)].map((m) => compileExpression(templates, m[1]!, path));
    if (parts.length === 0) return (_, target, key) => void (target[key] = template);
    return (scope, target, key) => {
      let i = 0;
      target[key] = template.replace(PART, () => String(parts[i++]!(scope)));
    };
  }
  if (Array.isArray(template)) {
    const items = template.map((item, i) => compile(templates, item, `${path}[${i}]`));
    return (scope, target, key) => {
      const out: unknown[] = [];
      target[key] = out;
      for (let i = 0; i < items.length; i++) items[i]!(scope, out as unknown as Record<number, unknown>, i);
    };
  }
  if (template !== null && typeof template === 'object') {
    const fields = Object.entries(template).map(
      ([key, item]) => [key, compile(templates, item, path ? `${path}.${key}` : key)] as const,
    );
    return (scope, target, key) => {
      const out: Record<string, unknown> = {};
      target[key] = out;
      for (const [name, field] of fields) field(scope, out, name);
    };
  }
  return (_, target, key) => void (target[key] = template);
}

/** Key templates kept per sandbox: a flow has a handful, and edits while the worker lives add more. */
const KEY_TEMPLATES = 256;

/**
 * One sandbox's payload templates: what they compiled to, and the helpers they call with the
 * generator they draw from. Each sandbox has its own (CodeSandbox.templates), so two runs in one
 * process share no state through their templates.
 */
export class PayloadTemplates {
  readonly helperValues: readonly unknown[];
  private readonly slot: RandomSlot = { random: [0, 0, 0, 0] };
  // The flow document is immutable, so a template object's identity is enough.
  private readonly fillers = new WeakMap<object, Filler>();
  private readonly keyFillers = new BoundedCache<string, Filler>(KEY_TEMPLATES);

  constructor(readonly code: CodeSandbox) {
    const helpers = helpersOver(this.slot);
    // User code may call the helpers, so they are frozen before it sees them.
    this.helperValues = harden(HELPER_NAMES.map((name) => helpers[name]));
  }

  /** See fillTemplate. */
  fill(template: unknown, random: RandomState, seq: number, now: number): unknown {
    const filler = this.fillerFor(template);
    this.slot.random = random;
    const scope: FillScope = { seq, now, root: undefined, objects: false };
    filler(scope, scope as unknown as Record<string, unknown>, 'root');
    if (scope.objects) {
      const problem = jsonProblem(scope.root);
      if (problem) throw new TemplateError(problem.path, problem.reason);
    }
    return scope.root;
  }

  /** See fillKey. */
  fillKey(template: string, data: unknown, random: RandomState, seq: number, now: number): string {
    let filler = this.keyFillers.get(template);
    if (!filler) {
      filler = compile(this, template, 'key');
      this.keyFillers.set(template, filler);
    }
    this.slot.random = random;
    const out: { key?: unknown } = {};
    filler({ seq, now, root: data, objects: false }, out, 'key');
    const key = out.key;
    return typeof key === 'string' ? key : (JSON.stringify(key) ?? String(key));
  }

  private fillerFor(template: unknown): Filler {
    if (template === null || typeof template !== 'object') return compile(this, template, '');
    let filler = this.fillers.get(template);
    if (!filler) {
      filler = compile(this, template, '');
      this.fillers.set(template, filler);
    }
    return filler;
  }
}

/**
 * Fills a JSON template: a string that is exactly "{{ expr }}" becomes the value of expr; "{{ }}"
 * inside longer text is interpolated. Fields are filled in document order, and `data` is the root
 * object built so far, so a later field can use an earlier one (a total over the items).
 */
export function fillTemplate(
  code: CodeSandbox,
  template: unknown,
  random: RandomState,
  seq: number,
  now: number,
): unknown {
  return code.templates.fill(template, random, seq, now);
}

/** Fills a record-key template ("{{ data.customerId }}") against a finished payload; a key is text. */
export function fillKey(
  code: CodeSandbox,
  template: string,
  data: unknown,
  random: RandomState,
  seq: number,
  now: number,
): string {
  return code.templates.fillKey(template, data, random, seq, now);
}
