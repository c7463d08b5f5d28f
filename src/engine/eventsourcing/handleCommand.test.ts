import { describe, expect, it } from 'vitest';
import { append } from './append';
import type { Decider } from './decider';
import { createEventStore, nextPosition, streamVersion } from './eventStore';
import { appendDecision, handleCommand } from './handleCommand';
import { load } from './load';
import { line, orderDecider, type OrderCommand, type OrderState } from './orderFixture';
import { readStream } from './read';

const place: OrderCommand = { kind: 'place', lines: [line('a', 2, 10)] };

describe('handleCommand', () => {
  it('loads, decides and appends: the result holds the events, the new version and state', () => {
    const store = createEventStore();
    const result = handleCommand(store, orderDecider, place, { streamId: 'Order-1', now: 5 });
    expect(result).toMatchObject({ kind: 'accepted', attempts: 1, conflicts: [], version: 1, state: { status: 'placed', total: 20 } });
    expect(result.kind === 'accepted' && result.events.map((e) => [e.type, e.version, e.metadata.time])).toEqual([['OrderPlaced', 1, 5]]);
    const shipped = handleCommand(store, orderDecider, { kind: 'ship' }, { streamId: 'Order-1', now: 6 });
    expect(shipped).toMatchObject({ kind: 'accepted', version: 2, state: { status: 'shipped' } });
  });

  it('a rejection appends nothing and reports the reason with the state it was decided on', () => {
    const store = createEventStore();
    handleCommand(store, orderDecider, place, { streamId: 'Order-1', now: 0 });
    handleCommand(store, orderDecider, { kind: 'ship' }, { streamId: 'Order-1', now: 0 });
    const result = handleCommand(store, orderDecider, { kind: 'cancel', reason: 'late' }, { streamId: 'Order-1', now: 0 });
    expect(result).toEqual({
      kind: 'rejected',
      attempts: 1,
      conflicts: [],
      reason: 'a shipped order cannot be cancelled',
      version: 2,
      state: { status: 'shipped', lines: [line('a', 2, 10)], total: 20 },
    });
    expect(streamVersion(store, 'Order-1')).toBe(2);
  });

  it('an empty decision is accepted with no events', () => {
    const store = createEventStore();
    handleCommand(store, orderDecider, { kind: 'cancel', reason: 'x' }, { streamId: 'o', now: 0 });
    const again = handleCommand(store, orderDecider, { kind: 'cancel', reason: 'x' }, { streamId: 'o', now: 0 });
    expect(again).toMatchObject({ kind: 'accepted', events: [], version: 1 });
  });

  it('the command id becomes each event’s causation id, and its correlation id (else its id) their correlation id', () => {
    const store = createEventStore();
    const a = handleCommand(store, orderDecider, place, { streamId: 'o', now: 0, commandId: 'cmd-1' });
    expect(a.kind === 'accepted' && a.events[0]?.metadata).toEqual({ eventId: 'o@1', correlationId: 'cmd-1', causationId: 'cmd-1', time: 0 });
    const b = handleCommand(store, orderDecider, { kind: 'ship' }, { streamId: 'o', now: 0, commandId: 'cmd-2', correlationId: 'conv-9' });
    expect(b.kind === 'accepted' && b.events[0]?.metadata).toMatchObject({ correlationId: 'conv-9', causationId: 'cmd-2' });
  });

  it('refuses what decide returns when it is neither events nor a rejection', () => {
    const store = createEventStore();
    const broken = { ...orderDecider, decide: () => undefined } as unknown as Decider<OrderCommand, OrderState>;
    expect(() => handleCommand(store, broken, place, { streamId: 'o', now: 0 })).toThrow(/array of events or \{ rejected/);
    const reasonless = { ...orderDecider, decide: () => ({ rejected: 42 }) } as unknown as Decider<OrderCommand, OrderState>;
    expect(() => handleCommand(store, reasonless, place, { streamId: 'o', now: 0 })).toThrow(TypeError);
  });

  it('an evolve that throws on the new events leaves the store unchanged', () => {
    const store = createEventStore({ snapshotEvery: 1 });
    handleCommand(store, orderDecider, place, { streamId: 'o', now: 0 });
    const before = structuredClone(store);
    const throwing = {
      ...orderDecider,
      evolve: (state: OrderState, event: Parameters<typeof orderDecider.evolve>[1]) => {
        if (event.type === 'OrderShipped') throw new Error('evolve bug');
        return orderDecider.evolve(state, event);
      },
    };
    expect(() => handleCommand(store, throwing, { kind: 'ship' }, { streamId: 'o', now: 1 })).toThrow('evolve bug');
    expect(store).toEqual(before);
  });
});

describe('concurrent commands on one stream (load and append as separate steps)', () => {
  it('two commands decided on the same version: the second append conflicts and nothing of it is written', () => {
    const store = createEventStore();
    handleCommand(store, orderDecider, place, { streamId: 'o', now: 0 });
    const readByA = load(store, orderDecider, 'o');
    const readByB = load(store, orderDecider, 'o');
    const a = appendDecision(store, orderDecider, readByA, [{ type: 'LineAdded', data: line('from-a') }], 1);
    const b = appendDecision(store, orderDecider, readByB, [{ type: 'LineAdded', data: line('from-b') }], 2);
    expect(a).toMatchObject({ ok: true, version: 2 });
    expect(b).toMatchObject({ ok: false, error: { kind: 'WrongExpectedVersion', expected: 1, actual: 2 } });
    expect(readStream(store, 'o').map((e) => (e.data as { sku?: string }).sku ?? e.type)).toEqual(['OrderPlaced', 'from-a']);
  });

  it('appendDecision leaves the state it decided on as it was', () => {
    const store = createEventStore();
    const loaded = load(store, orderDecider, 'o');
    const result = appendDecision(store, orderDecider, loaded, [{ type: 'OrderPlaced', data: { lines: [line('a')] } }], 0);
    expect(loaded.state).toEqual(orderDecider.initialState);
    expect(result.ok && result.state.status).toBe('placed');
  });

  it('with retries, a command decided on a stale read loads again, decides again and succeeds', () => {
    const store = createEventStore();
    handleCommand(store, orderDecider, place, { streamId: 'o', now: 0 });
    const stale = load(store, orderDecider, 'o');
    handleCommand(store, orderDecider, { kind: 'addLine', line: line('b', 1, 5) }, { streamId: 'o', now: 1 }); // the other writer
    const result = handleCommand(store, orderDecider, { kind: 'addLine', line: line('c', 1, 7) }, { streamId: 'o', now: 2, loaded: stale, maxRetries: 2 });
    expect(result).toMatchObject({ kind: 'accepted', attempts: 2, version: 3, state: { total: 32 } });
    expect(result.conflicts).toEqual([expect.objectContaining({ kind: 'WrongExpectedVersion', expected: 1, actual: 2 })]);
  });

  it('the retry decides on the fresh state, so it can turn into a rejection', () => {
    const store = createEventStore();
    handleCommand(store, orderDecider, place, { streamId: 'o', now: 0 });
    const stale = load(store, orderDecider, 'o');
    handleCommand(store, orderDecider, { kind: 'ship' }, { streamId: 'o', now: 1 });
    const result = handleCommand(store, orderDecider, { kind: 'cancel', reason: 'r' }, { streamId: 'o', now: 2, loaded: stale, maxRetries: 1 });
    expect(result).toMatchObject({ kind: 'rejected', attempts: 2, reason: 'a shipped order cannot be cancelled', version: 2 });
    expect(result.conflicts).toHaveLength(1);
  });

  it('without retries (the default), the first conflict fails the command and writes nothing', () => {
    const store = createEventStore();
    handleCommand(store, orderDecider, place, { streamId: 'o', now: 0 });
    const stale = load(store, orderDecider, 'o');
    append(store, 'o', 'any', [{ type: 'LineAdded', data: line('x') }], 1);
    const result = handleCommand(store, orderDecider, { kind: 'ship' }, { streamId: 'o', now: 2, loaded: stale });
    expect(result).toEqual({
      kind: 'conflict',
      attempts: 1,
      conflicts: [expect.objectContaining({ expected: 1, actual: 2 })],
      error: expect.objectContaining({ kind: 'WrongExpectedVersion', streamId: 'o', expected: 1, actual: 2 }),
    });
    expect(nextPosition(store)).toBe(2);
  });

  it('gives up after maxRetries conflicts when every attempt meets a concurrent write', () => {
    const store = createEventStore();
    handleCommand(store, orderDecider, place, { streamId: 'o', now: 0 });
    // A decider whose decide lets another writer in first, as interleaved steps would.
    const contended: Decider<OrderCommand, OrderState> = {
      ...orderDecider,
      decide(command, state) {
        append(store, 'o', 'any', [{ type: 'LineAdded', data: line('other') }], 1);
        return orderDecider.decide(command, state);
      },
    };
    const result = handleCommand(store, contended, { kind: 'addLine', line: line('mine') }, { streamId: 'o', now: 1, maxRetries: 2 });
    expect(result.kind).toBe('conflict');
    expect(result.attempts).toBe(3);
    expect(result.conflicts.map((c) => [c.expected, c.actual])).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    expect(readStream(store, 'o').filter((e) => (e.data as { sku?: string }).sku === 'mine')).toEqual([]);
  });

  it('refuses a loaded aggregate of another stream and a bad retry count', () => {
    const store = createEventStore();
    const other = load(store, orderDecider, 'p');
    expect(() => handleCommand(store, orderDecider, place, { streamId: 'o', now: 0, loaded: other })).toThrow(/loaded aggregate is p/);
    expect(() => handleCommand(store, orderDecider, place, { streamId: 'o', now: 0, maxRetries: -1 })).toThrow(RangeError);
  });
});
