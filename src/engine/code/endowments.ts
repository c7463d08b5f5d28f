// What user code finds in its compartment's global scope besides the shared, frozen intrinsics:
// friendly refusals for what a run must not reach (so an error says what to use instead), and
// nothing that evaluates code, schedules work for later or builds proxies.

const blocked = (name: string, instead: string) =>
  function blockedGlobal(): never {
    throw new Error(`${name} is not available in handler code: ${instead}`);
  };

/** A blocked constructor whose static members (Date.now, Date.parse) are blocked with the same advice. */
const blockedWithStatics = (name: string, instead: string) =>
  new Proxy(blocked(name, instead), {
    get: (target, prop) =>
      prop === 'prototype' ? (Reflect.get(target, prop) as unknown) : blocked(`${name}.${String(prop)}`, instead),
  });

const NETWORK = 'handlers cannot reach the network';
const ONCE = 'a handler runs once per delivery';

/** Math without Math.random: handlers draw from ctx.random(), the run's seeded generator. */
function safeMath(): Math {
  const math = Object.create(null) as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(Math)) math[key] = (Math as unknown as Record<string, unknown>)[key];
  math.random = blocked('Math.random', 'use ctx.random(), which is seeded and replays exactly');
  return math as unknown as Math;
}

/** The compartment's globals; made once per compartment and hardened there. */
export function userCodeGlobals(): Record<string, unknown> {
  return {
    Date: blockedWithStatics('Date', 'use ctx.now() for virtual time'),
    Math: safeMath(),
    fetch: blocked('fetch', NETWORK),
    XMLHttpRequest: blocked('XMLHttpRequest', NETWORK),
    WebSocket: blocked('WebSocket', NETWORK),
    EventSource: blocked('EventSource', NETWORK),
    importScripts: blocked('importScripts', 'handlers cannot load code'),
    setTimeout: blocked('setTimeout', ONCE),
    setInterval: blocked('setInterval', ONCE),
    queueMicrotask: blocked('queueMicrotask', ONCE),
    // Evaluators would run code the parser never checked; promises would run it after its step.
    eval: undefined,
    Function: undefined,
    Compartment: undefined,
    lockdown: undefined,
    harden: undefined,
    Promise: undefined,
    Proxy: undefined,
    globalThis: undefined,
  };
}
