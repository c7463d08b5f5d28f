import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFlow, type FlowDocument } from '../../flow';
import type { Requests } from '../../protocol';
import { openTidemarkStore, type TidemarkStore } from '../../storage';
import { Session } from '../session';
import { debugHandlers } from './debugHandlers';
import { eventSourcingHandlers } from './eventSourcingHandlers';
import { flowHandlers } from './flowHandlers';
import { FlowRejected } from './flowRejected';
import { combineHandlers, type RequestHandler } from './handlerRegistry';
import { ManualTimers } from '../manualTimers.testkit';

function example(name: string): FlowDocument {
  const parsed = parseFlow(readFileSync(`public/examples/${name}.json`, 'utf8'));
  if (!parsed.ok) throw new Error(`example ${name} is invalid`);
  return parsed.flow;
}

const open: TidemarkStore[] = [];
let dbCount = 0;

/** A session on an example, with the handlers of the requests that publish or send by hand. */
async function sessionOn(name: string) {
  const store = await openTidemarkStore(`input-${dbCount++}`);
  open.push(store);
  const session = new Session(store, () => {}, new ManualTimers());
  await session.restore();
  await session.startFresh(example(name), { trusted: true });
  const handlers = combineHandlers(
    flowHandlers(session, { writer: true }),
    debugHandlers(session),
    eventSourcingHandlers(session),
  );
  const call = <K extends keyof Requests>(type: K, args: Requests[K]['args']) =>
    (handlers[type] as RequestHandler<K>)(args);
  return { session, call };
}

afterEach(() => {
  for (const store of open.splice(0)) store.close();
});

/** `{ a: { a: … } }`, built without recursion. */
function deep(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

const user = (n: number, email = `u${n}@example.com`) => ({ userId: `u-${n}`, name: `User ${n}`, email });

/** What a call throws, or undefined. */
async function refusal(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('the worker refuses data from outside that is not JSON, whatever sent it', () => {
  it('publish: nested too deep, a Date, a "__proto__" key; nothing is recorded', async () => {
    const { session, call } = await sessionOn('schema-evolution');
    const head = session.run.head;
    await expect(async () =>
      call('publish', { producer: 'signups', data: { ...user(1), extra: deep(100_000) } }),
    ).rejects.toThrow(/^not published: nesting deeper than 64 levels at extra\.a\.a/);
    await expect(async () =>
      call('publish', { producer: 'signups', data: { ...user(1), at: new Date(0) } }),
    ).rejects.toThrow('not published: a Date, not a plain object at at');
    await expect(async () =>
      call('publish', { producer: 'signups', data: JSON.parse('{"__proto__": {"admin": true}}') as unknown }),
    ).rejects.toThrow(/^not published: a key "__proto__" is not allowed .* at __proto__$/);
    expect(session.run.head).toBe(head);
  });

  it('sendCommand: nested too deep, a function; nothing is recorded', async () => {
    const { session, call } = await sessionOn('online-shop');
    const head = session.run.head;
    await expect(async () => call('sendCommand', { node: 'support', data: { orderId: deep(100) } })).rejects.toThrow(
      /^not sent: nesting deeper than 64 levels at orderId\.a\.a/,
    );
    await expect(async () => call('sendCommand', { node: 'support', data: [1n] })).rejects.toThrow(
      'not sent: a BigInt is not a JSON number at [0]',
    );
    expect(session.run.head).toBe(head);
  });
});

describe('publishBatch checks each event as a publish by hand does, and publishes none when one fails', () => {
  it('refuses a batch whose third event fails the schema, naming its index; nothing is recorded', async () => {
    const { session, call } = await sessionOn('schema-evolution');
    const head = session.run.head;
    // By hand, the same data is refused.
    await expect(async () => call('publish', { producer: 'signups', data: user(3, 'not an email') })).rejects.toThrow(
      'not published: UserRegistered data at /email',
    );

    const error = await refusal(() =>
      call('publishBatch', { producer: 'signups', events: [user(1), user(2), user(3, 'not an email')] }),
    );
    expect(error).toBeInstanceOf(FlowRejected);
    expect((error as FlowRejected).message).toMatch(
      /^nothing published: events\[2\]: UserRegistered data at \/email: /,
    );
    expect((error as FlowRejected).problems).toEqual([
      { path: 'events[2]', reason: expect.stringMatching(/^UserRegistered data at \/email: /) },
    ]);
    expect(session.run.head).toBe(head);
    expect(session.run.cursor).toBe(head);
  });

  it('refuses a batch with an event that is not JSON, naming the index and the path', async () => {
    const { session, call } = await sessionOn('schema-evolution');
    const head = session.run.head;
    const error = await refusal(() =>
      call('publishBatch', { producer: 'signups', events: [user(1), { ...user(2), extra: deep(100_000) }] }),
    );
    expect((error as FlowRejected).problems).toEqual([
      { path: 'events[1]', reason: expect.stringMatching(/^nesting deeper than 64 levels at extra\.a\.a/) },
    ]);
    expect(session.run.head).toBe(head);
  });

  it('checkBatch answers the same question without publishing anything', async () => {
    const { session, call } = await sessionOn('schema-evolution');
    const head = session.run.head;
    expect(await call('checkBatch', { producer: 'signups', events: [user(1), user(2)] })).toBeNull();
    const error = await refusal(() =>
      call('checkBatch', { producer: 'signups', events: [user(1), { ...user(2), name: '' }] }),
    );
    expect((error as FlowRejected).problems).toEqual([
      { path: 'events[1]', reason: expect.stringMatching(/^UserRegistered data at \/name: /) },
    ]);
    expect(session.run.head).toBe(head);
    // A valid batch is published as before.
    expect(await call('publishBatch', { producer: 'signups', events: [user(1), user(2)] })).toEqual({
      first: head,
      last: head + 1,
    });
  });
});
