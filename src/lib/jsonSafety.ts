// Whether a value is JSON data that can cross postMessage, be stored and be read back unchanged.
// Iterative with one explicit stack: a value nested 100,000 deep must be refused, not overflow the
// call stack the way zod, structuredClone or postMessage would. Imports only lib/: the engine uses it.
import { formatCount } from './formatCount';

/** Deepest nesting of arrays and objects accepted anywhere JSON enters; every real flow nests under 10. */
export const MAX_JSON_DEPTH = 64;
/** Values (containers included) one JSON value may hold. */
export const MAX_JSON_NODES = 1_000_000;

export type JsonProblem = { readonly path: string; readonly reason: string };

/** A problem's path below `base`: "nodes[0].payload" + "a.b" → "nodes[0].payload.a.b", + "[2]" → "nodes[0].payload[2]". */
export function pathBelow(base: string, path: string): string {
  if (path === '') return base;
  if (base === '' || path.startsWith('[')) return base + path;
  return `${base}.${path}`;
}

export interface JsonLimits {
  readonly maxDepth?: number;
  readonly maxNodes?: number;
  /** Accept keys named "__proto__": records keyed by ids (a flow's code and layout) hold them as data. */
  readonly protoKeys?: 'refuse' | 'accept';
}

/** Path segments shown in full; a deeper path keeps its start and end around "…". */
const PATH_HEAD = 10;
const PATH_TAIL = 3;
/** Ancestors searched one by one up to this depth; deeper, a Set keeps the cycle check linear. */
const SCANNED_ANCESTORS = 16;
/** Characters of a key shown in a path. */
const KEY_SHOWN = 40;
// Keys that would read ambiguously after a dot are written in brackets: a["b.c"], a[""] (as lib/diffState).
const PLAIN_KEY = /^[^.[\]\s"]+$/;

const article = (word: string): string => (/^[AEIOUaeiou]/.test(word) ? `an ${word}` : `a ${word}`);

/** What kind of non-plain object this is, for a person: "a Date", "a Map", "an OrderClass". */
function objectKind(value: object): string {
  const ctor: unknown = (Object.getPrototypeOf(value) as { constructor?: unknown } | null)?.constructor;
  const name = typeof ctor === 'function' ? ctor.name : '';
  return name === '' ? 'an object with its own prototype' : article(name);
}

/** Why a value that is not an object or array is not JSON data; undefined when it is. */
function primitiveProblem(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : `${String(value)} is not a JSON number (JSON would write null)`;
    case 'bigint':
      return 'a BigInt is not a JSON number';
    case 'symbol':
      return 'a Symbol is not JSON data';
    case 'function':
      return 'a function is not JSON data';
    case 'undefined':
      return 'undefined is not JSON data';
    default:
      return undefined;
  }
}

/** Why an object is not a plain object or array; undefined when it is one. */
function shapeProblem(value: object): string | undefined {
  const proto: unknown = Object.getPrototypeOf(value);
  if (Array.isArray(value)) return proto === Array.prototype ? undefined : `${objectKind(value)}, not a plain array`;
  return proto === Object.prototype || proto === null ? undefined : `${objectKind(value)}, not a plain object`;
}

function segment(key: string | number, first: boolean): string {
  if (typeof key === 'number') return `[${key}]`;
  const shown = key.length > KEY_SHOWN ? `${key.slice(0, KEY_SHOWN)}…` : key;
  if (!PLAIN_KEY.test(key)) return `[${JSON.stringify(shown)}]`;
  return first ? shown : `.${shown}`;
}

/** A readable path: `a.b[3].c`, empty for the root. */
function formatPath(keys: readonly (string | number)[]): string {
  const cut = keys.length > PATH_HEAD + PATH_TAIL + 1;
  let out = '';
  keys.forEach((key, i) => {
    if (cut && i >= PATH_HEAD && i < keys.length - PATH_TAIL) {
      if (i === PATH_HEAD) out += '…';
      return;
    }
    out += segment(key, i === 0 || (cut && i === keys.length - PATH_TAIL));
  });
  return out;
}

/**
 * The first reason `value` is not JSON data, with where it is (`a.b[3].c`, "" for the root), or
 * undefined. Refused: nesting deeper than `maxDepth`, more than `maxNodes` values, functions,
 * Symbols, BigInts, NaN and ±Infinity, undefined (but an object property that is undefined is left
 * out, as JSON does), undefined or an empty slot inside an array (JSON would write null), a value
 * that contains itself, a key "__proto__", and objects that are not plain (Date, Map, a class).
 * A value shared without a cycle is accepted (JSON writes it twice).
 */
export function jsonProblem(value: unknown, options?: JsonLimits): JsonProblem | undefined {
  if (typeof value !== 'object' || value === null) {
    const reason = primitiveProblem(value);
    return reason === undefined ? undefined : { path: '', reason };
  }
  const maxDepth = options?.maxDepth ?? MAX_JSON_DEPTH;
  const maxNodes = options?.maxNodes ?? MAX_JSON_NODES;
  const refuseProtoKeys = options?.protoKeys !== 'accept';
  const rootShape = shapeProblem(value);
  if (rootShape !== undefined) return { path: '', reason: rootShape };
  if (maxDepth < 1) return { path: '', reason: `nesting deeper than ${maxDepth} levels` };

  // The stack: the containers from the root down, each one's keys (null for an array) and the
  // position of the child being visited; so the path of any child is read off the stack. Entries
  // above `depth` are stale and overwritten.
  const stack: Stack = {
    containers: [value],
    keyLists: [Array.isArray(value) ? null : Object.keys(value)],
    positions: [0],
  };
  const { containers, keyLists, positions } = stack;
  let depth = 1;
  let nodes = 1;
  let ancestors: Set<object> | undefined;

  while (depth > 0) {
    const top = depth - 1;
    const container = containers[top]!;
    const keys = keyLists[top]!;
    const index = positions[top]!;
    if (index >= (keys === null ? (container as unknown[]).length : keys.length)) {
      ancestors?.delete(container);
      depth--;
      continue;
    }
    positions[top] = index + 1;
    let child: unknown;
    if (keys === null) {
      child = (container as unknown[])[index];
      if (child === undefined)
        return problemAt(
          stack,
          depth,
          index in container
            ? 'undefined in an array (JSON would write null)'
            : 'an empty slot in an array (JSON would write null)',
        );
    } else {
      const key = keys[index]!;
      if (key === '__proto__' && refuseProtoKeys)
        return problemAt(
          stack,
          depth,
          'a key "__proto__" is not allowed (it would be dropped, or change the object\'s prototype)',
        );
      child = (container as Record<string, unknown>)[key];
      // JSON leaves such a property out; so does every reader after it.
      if (child === undefined) continue;
    }
    if (++nodes > maxNodes) return problemAt(stack, depth, `more than ${formatCount(maxNodes)} values`);
    const type = typeof child;
    if (type === 'string' || type === 'boolean') continue;
    if (type !== 'object' || child === null) {
      const reason = primitiveProblem(child);
      if (reason !== undefined) return problemAt(stack, depth, reason);
      continue;
    }
    const object = child;
    const shape = shapeProblem(object);
    if (shape !== undefined) return problemAt(stack, depth, shape);
    if (ancestors === undefined && depth > SCANNED_ANCESTORS) ancestors = new Set(containers.slice(0, depth));
    if (ancestors ? ancestors.has(object) : onStack(containers, depth, object))
      return problemAt(stack, depth, 'a cycle: the value contains itself');
    if (depth >= maxDepth) return problemAt(stack, depth, `nesting deeper than ${maxDepth} levels`);
    ancestors?.add(object);
    containers[depth] = object;
    keyLists[depth] = Array.isArray(object) ? null : Object.keys(object);
    positions[depth] = 0;
    depth++;
  }
  return undefined;
}

interface Stack {
  readonly containers: object[];
  readonly keyLists: (readonly string[] | null)[];
  readonly positions: number[];
}

function onStack(containers: readonly object[], depth: number, object: object): boolean {
  for (let f = 0; f < depth; f++) if (containers[f] === object) return true;
  return false;
}

/** The problem at the child being visited: its path is the key each container on the stack is at. */
function problemAt(stack: Stack, depth: number, reason: string): JsonProblem {
  const keys: (string | number)[] = [];
  for (let f = 0; f < depth; f++) {
    const at = stack.positions[f]! - 1;
    const list = stack.keyLists[f];
    keys.push(list ? list[at]! : at);
  }
  return { path: formatPath(keys), reason };
}

/** "nesting deeper than 64 levels at nodes[0].payload.a…", or the reason alone for the root. */
export function describeJsonProblem(problem: JsonProblem): string {
  return problem.path === '' ? problem.reason : `${problem.reason} at ${problem.path}`;
}

export type ParsedJson =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

/**
 * JSON text as a value that is safe to send, store and validate: refused when longer than
 * `maxChars`, when it does not parse, or when `jsonProblem` finds a problem (the reason names the path).
 * Every place a person's JSON enters the app reads it with this.
 */
export function parseJsonText(text: string, options?: JsonLimits & { readonly maxChars?: number }): ParsedJson {
  const maxChars = options?.maxChars;
  if (maxChars !== undefined && text.length > maxChars)
    return { ok: false, reason: `longer than ${formatCount(maxChars)} characters (${formatCount(text.length)})` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const found = jsonProblem(value, options);
  return found === undefined ? { ok: true, value } : { ok: false, reason: describeJsonProblem(found) };
}
