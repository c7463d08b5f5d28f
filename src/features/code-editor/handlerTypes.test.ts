import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AmqpDeliveryInfo, HandlerContext } from '../../engine';
import { CONTEXT_TYPES, HANDLER_TYPES } from './handlerTypes';

// Every key of the engine's types: a key added to them and missing here is a compile error.
const CONTEXT_KEYS = {
  now: true,
  random: true,
  log: true,
  state: true,
  node: true,
  record: true,
  message: true,
  reply: true,
  nack: true,
  channel: true,
  stream: true,
  send: true,
} as const satisfies Record<keyof HandlerContext, true>;
const DELIVERY_KEYS = {
  queue: true,
  exchange: true,
  routingKey: true,
  headers: true,
  redelivered: true,
  deliveryTag: true,
  replyTo: true,
  correlationId: true,
} as const satisfies Record<keyof AmqpDeliveryInfo, true>;

/** The members of one `interface Name ... { ... }` in ambient text, by their key. */
function membersOf(text: string, name: string): string[] {
  const start = text.indexOf(`interface ${name}`);
  expect(start, `interface ${name}`).toBeGreaterThanOrEqual(0);
  const body = text.slice(text.indexOf('{', start) + 1, text.indexOf('\n}', start));
  return [...body.matchAll(/^ {2}(?:readonly )?(\w+)\??[(:]/gm)].map((m) => m[1] ?? '');
}

describe('the handler types Monaco shows', () => {
  it('are the text of the file the engine declares ctx in', () => {
    const file = readFileSync(new URL('../../engine/code/handlerContextTypes.ts', import.meta.url), 'utf8');
    expect(CONTEXT_TYPES).toBe(file.replace(/^export /gm, ''));
    expect(HANDLER_TYPES).toContain(CONTEXT_TYPES);
  });

  it('name every member of the engine’s HandlerContext and AmqpDeliveryInfo, and no other', () => {
    expect(membersOf(CONTEXT_TYPES, 'HandlerContext').sort()).toEqual(Object.keys(CONTEXT_KEYS).sort());
    expect(membersOf(CONTEXT_TYPES, 'AmqpDeliveryInfo').sort()).toEqual(Object.keys(DELIVERY_KEYS).sort());
  });

  it('are ambient: nothing exported or imported, so Monaco sees them as globals', () => {
    expect(CONTEXT_TYPES).not.toMatch(/^(export|import)\b/m);
  });
});
