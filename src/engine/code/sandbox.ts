// Names user code may not reach: each is shadowed by a parameter, so a run stays a pure function
// of (flow, seed, inputs). This is hygiene for determinism, not a security boundary: the code runs
// in the engine worker, never on the UI thread.

const blocked = (name: string, instead: string) =>
  function blockedGlobal(): never {
    throw new Error(`${name} is not available in handler code: ${instead}`);
  };

/** A blocked constructor whose static members (Date.now, Date.parse) are blocked with the same advice. */
const blockedWithStatics = (name: string, instead: string) =>
  new Proxy(blocked(name, instead), {
    get: (target, prop) => (prop === 'prototype' ? Reflect.get(target, prop) : blocked(`${name}.${String(prop)}`, instead)),
  });

const NON_DETERMINISTIC: Readonly<Record<string, unknown>> = {
  Date: blockedWithStatics('Date', 'use ctx.now() for virtual time'),
  fetch: blocked('fetch', 'handlers cannot reach the network'),
  XMLHttpRequest: blocked('XMLHttpRequest', 'handlers cannot reach the network'),
  WebSocket: blocked('WebSocket', 'handlers cannot reach the network'),
  importScripts: blocked('importScripts', 'handlers cannot load code'),
  setTimeout: blocked('setTimeout', 'a handler runs once per delivery'),
  setInterval: blocked('setInterval', 'a handler runs once per delivery'),
  queueMicrotask: blocked('queueMicrotask', 'a handler runs once per delivery'),
  indexedDB: undefined,
  localStorage: undefined,
  sessionStorage: undefined,
  caches: undefined,
  performance: undefined,
  crypto: undefined,
  navigator: undefined,
  postMessage: undefined,
  self: undefined,
  window: undefined,
  globalThis: undefined,
  process: undefined,
  require: undefined,
};

/** Math without Math.random: handlers draw from ctx.random(), the run's seeded generator. */
const SAFE_MATH: Math = Object.freeze(
  Object.assign(Object.create(null), Object.fromEntries(Object.getOwnPropertyNames(Math).map((k) => [k, (Math as never)[k]])), {
    random: blocked('Math.random', 'use ctx.random(), which is seeded and replays exactly'),
  }),
);

const SHADOW_NAMES = [...Object.keys(NON_DETERMINISTIC), 'Math'];
const SHADOW_VALUES = [...Object.values(NON_DETERMINISTIC), SAFE_MATH];

const SHADOW_DECLARATIONS = `const ${SHADOW_NAMES.map((name, i) => `${name} = shadow[${i}]`).join(', ')};`;

/**
 * Compiles plain JavaScript as a strict function body that sees the shadowed globals and takes only
 * its own parameters. The shadows are constants of an enclosing scope, so calls pass just their own
 * arguments (a bound function with two dozen bound arguments costs more per call) and no call can
 * reassign one for the next.
 */
export function sandboxed<Args extends unknown[], R>(params: readonly string[], body: string): (...args: Args) => R {
  const make = new Function('shadow', `"use strict";\n${SHADOW_DECLARATIONS}\nreturn function (${params.join(', ')}) {\n${body}\n};`) as (shadow: readonly unknown[]) => (...args: Args) => R;
  return make(SHADOW_VALUES);
}
