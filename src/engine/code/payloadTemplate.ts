import { nextFloat, nextUuid, type RandomState } from '../random';
import { errorMessage } from './compileHandler';
import { sandboxed } from './sandbox';

/** Helpers a template expression may call; all randomness comes from the run's generator. */
interface TemplateHelpers {
  seq: number;
  now: number;
  int(min: number, max: number): number;
  float(min: number, max: number): number;
  money(min: number, max: number): number;
  pick<T>(...choices: T[]): T;
  id(prefix: string): string;
  uuid(): string;
  bool(probability?: number): boolean;
  repeat<T>(times: number, make: (index: number) => T): T[];
  sum<T>(items: readonly T[], value: (item: T) => number): number;
  round2(value: number): number;
}

const HELPER_NAMES = ['seq', 'now', 'int', 'float', 'money', 'pick', 'id', 'uuid', 'bool', 'repeat', 'sum', 'round2'] as const;

type Expression = (...args: unknown[]) => unknown;

const WHOLE = /^\{\{([\s\S]+)\}\}$/;
const PART = /\{\{([\s\S]+?)\}\}/g;

const expressions = new Map<string, Expression>();

function compileExpression(source: string): Expression {
  let fn = expressions.get(source);
  if (!fn) {
    fn = sandboxed<unknown[], unknown>([...HELPER_NAMES, 'data'], `return (${source});`);
    expressions.set(source, fn);
  }
  return fn;
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

function makeHelpers(random: RandomState, seq: number, now: number): TemplateHelpers {
  const float = (min: number, max: number) => min + nextFloat(random) * (max - min);
  const int = (min: number, max: number) => Math.floor(float(Math.ceil(min), Math.floor(max) + 1));
  return {
    seq,
    now,
    int,
    float,
    money: (min, max) => round2(float(min, max)),
    pick: (...choices) => {
      if (choices.length === 0) throw new Error('pick() needs at least one choice');
      return choices[int(0, choices.length - 1)]!;
    },
    id: (prefix) => `${prefix}-${(Math.floor(nextFloat(random) * 36 ** 6) + 36 ** 6).toString(36).slice(1)}`,
    uuid: () => nextUuid(random),
    bool: (probability = 0.5) => nextFloat(random) < probability,
    repeat: (times, make) => Array.from({ length: Math.max(0, Math.floor(times)) }, (_, i) => make(i)),
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

/**
 * Fills a JSON template: a string that is exactly "{{ expr }}" becomes the value of expr; "{{ }}"
 * inside longer text is interpolated. Fields are filled in document order, and `data` is the root
 * object built so far, so a later field can use an earlier one (a total over the items).
 */
export function fillTemplate(template: unknown, random: RandomState, seq: number, now: number): unknown {
  const helpers = makeHelpers(random, seq, now);
  const args = HELPER_NAMES.map((name) => helpers[name]);
  let root: unknown;
  const evaluate = (source: string, path: string): unknown => {
    try {
      return compileExpression(source)(...args, root);
    } catch (error) {
      throw new TemplateError(path, errorMessage(error));
    }
  };
  const fill = (value: unknown, path: string, attach: (v: unknown) => void): void => {
    if (typeof value === 'string') {
      const whole = WHOLE.exec(value);
      attach(whole ? evaluate(whole[1]!, path) : value.replace(PART, (_, src: string) => String(evaluate(src, path))));
    } else if (Array.isArray(value)) {
      const out: unknown[] = [];
      attach(out);
      value.forEach((item, i) => fill(item, `${path}[${i}]`, (v) => out.push(v)));
    } else if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      attach(out);
      for (const [key, item] of Object.entries(value)) fill(item, path ? `${path}.${key}` : key, (v) => (out[key] = v));
    } else {
      attach(value);
    }
  };
  fill(template, '', (v) => (root = v));
  return root;
}
