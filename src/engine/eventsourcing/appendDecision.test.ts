import { describe, expect, it } from 'vitest';
import { append } from './append';
import { appendDecision } from './appendDecision';
import type { Decider } from './decider';
import { createEventStore, nextPosition, streamVersion } from './eventStore';
import { load } from './load';
import { decideAndAppend, line, orderDecider, type OrderCommand, type OrderState } from './orderFixture.testkit';
import { readStream } from './read';

const place: OrderCommand = { kind: 'place', lines: [line('a', 2, 10)] };

describe('appendDecision', () => {
  it('appends what was decided on the loaded state: the result holds the events, the new version and state', () => {
    const store = createEventStore();
    const result = decideAndAppend(store, orderDecider, place, 'Order-1', 5);
    expect(result).toMatchObject({ ok: true, version: 1, state: { status: 'placed', total: 20 } });
    expect(result.ok && result.events.map((e) => [e.type, e.version, e.metadata.time])).toEqual([
      ['OrderPlaced', 1, 5],
    ]);
    const shipped = decideAndAppend(store, orderDecider, { kind: 'ship' }, 'Order-1', 6);
    expect(shipped).toMatchObject({ ok: true, version: 2, state: { status: 'shipped' } });
  });

  it('an empty decision appends nothing and succeeds at the version loaded', () => {
    const store = createEventStore();
    decideAndAppend(store, orderDecider, { kind: 'cancel', reason: 'x' }, 'o', 0);
    const again = decideAndAppend(store, orderDecider, { kind: 'cancel', reason: 'x' }, 'o', 0);
    expect(again).toMatchObject({ ok: true, events: [], version: 1 });
    expect(streamVersion(store, 'o')).toBe(1);
  });

  it('the command id becomes each event’s causation id, and its correlation id (else its id) their correlation id', () => {
    const store = createEventStore();
    const a = decideAndAppend(store, orderDecider, place, 'o', 0, { commandId: 'cmd-1' });
    expect(a.ok && a.events[0]?.metadata).toEqual({
      eventId: 'o@1',
      correlationId: 'cmd-1',
      causationId: 'cmd-1',
      time: 0,
    });
    const b = decideAndAppend(store, orderDecider, { kind: 'ship' }, 'o', 0, {
      commandId: 'cmd-2',
      correlationId: 'conv-9',
    });
    expect(b.ok && b.events[0]?.metadata).toMatchObject({ correlationId: 'conv-9', causationId: 'cmd-2' });
  });

  it('an evolve that throws on the new events leaves the store unchanged', () => {
    const store = createEventStore({ snapshotEvery: 1 });
    decideAndAppend(store, orderDecider, place, 'o', 0);
    const before = structuredClone(store);
    const throwing: Decider<OrderCommand, OrderState> = {
      ...orderDecider,
      evolve: (state, event) => {
        if (event.type === 'OrderShipped') throw new Error('evolve bug');
        return orderDecider.evolve(state, event);
      },
    };
    expect(() => decideAndAppend(store, throwing, { kind: 'ship' }, 'o', 1)).toThrow('evolve bug');
    expect(store).toEqual(before);
  });
});

describe('concurrent commands on one stream (load and append as separate steps)', () => {
  it('two commands decided on the same version: the second append conflicts and nothing of it is written', () => {
    const store = createEventStore();
    decideAndAppend(store, orderDecider, place, 'o', 0);
    const readByA = load(store, orderDecider, 'o');
    const readByB = load(store, orderDecider, 'o');
    const a = appendDecision(store, orderDecider, readByA, [{ type: 'LineAdded', data: line('from-a') }], 1);
    const b = appendDecision(store, orderDecider, readByB, [{ type: 'LineAdded', data: line('from-b') }], 2);
    expect(a).toMatchObject({ ok: true, version: 2 });
    expect(b).toMatchObject({ ok: false, error: { kind: 'WrongExpectedVersion', expected: 1, actual: 2 } });
    expect(readStream(store, 'o').map((e) => (e.data as { sku?: string }).sku ?? e.type)).toEqual([
      'OrderPlaced',
      'from-a',
    ]);
  });

  it('appendDecision leaves the state it decided on as it was', () => {
    const store = createEventStore();
    const loaded = load(store, orderDecider, 'o');
    const result = appendDecision(
      store,
      orderDecider,
      loaded,
      [{ type: 'OrderPlaced', data: { lines: [line('a')] } }],
      0,
    );
    expect(loaded.state).toEqual(orderDecider.initialState);
    expect(result.ok && result.state.status).toBe('placed');
  });

  it('a decision on a stale read conflicts and writes nothing, whoever wrote in between', () => {
    const store = createEventStore();
    decideAndAppend(store, orderDecider, place, 'o', 0);
    const stale = load(store, orderDecider, 'o');
    append(store, 'o', 'any', [{ type: 'LineAdded', data: line('x') }], 1);
    const result = appendDecision(store, orderDecider, stale, [{ type: 'OrderShipped', data: {} }], 2);
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ kind: 'WrongExpectedVersion', streamId: 'o', expected: 1, actual: 2 }),
    });
    expect(nextPosition(store)).toBe(2);
  });
});
