import { describe, expect, it } from 'vitest';
import { append } from './append';
import { createEventStore, type EventStore } from './eventStore';
import { catchUp, createProjection, lag, rebuild, type ProjectionDefinition } from './projection';
import type { StoredEvent } from './storedEvent';

interface Totals {
  orders: number;
  revenue: number;
}

/** Revenue per order placed; the buggy version forgets the quantity. */
const revenue = (withQuantity: boolean): ProjectionDefinition<Totals> => ({
  name: 'revenue',
  eventTypes: ['OrderPlaced', 'OrderCancelled'],
  init: () => ({ orders: 0, revenue: 0 }),
  apply(model, event) {
    const { qty, price } = event.data as { qty: number; price: number };
    if (event.type === 'OrderCancelled') return { orders: model.orders - 1, revenue: model.revenue - (withQuantity ? qty : 1) * price };
    model.orders++;
    model.revenue += (withQuantity ? qty : 1) * price;
    return model;
  },
});

/** Every event type seen, in order: subscribes to everything. */
const timeline: ProjectionDefinition<string[]> = { name: 'timeline', eventTypes: [], init: () => [], apply: (model, e) => [...model, e.type] };

/** Positions: 0 Placed, 1 Noise, 2 Placed, 3 Noise, 4 Cancelled(of 2), 5 Placed, 6 Noise */
function sample(): EventStore {
  const store = createEventStore();
  const events: [string, string, unknown][] = [
    ['o1', 'OrderPlaced', { qty: 2, price: 10 }],
    ['x', 'Noise', {}],
    ['o2', 'OrderPlaced', { qty: 3, price: 5 }],
    ['x', 'Noise', {}],
    ['o2', 'OrderCancelled', { qty: 3, price: 5 }],
    ['o3', 'OrderPlaced', { qty: 1, price: 100 }],
    ['x', 'Noise', {}],
  ];
  for (const [i, [stream, type, data]] of events.entries()) append(store, stream, 'any', [{ type, data }], i);
  return store;
}

const fold = <M>(definition: ProjectionDefinition<M>, events: readonly StoredEvent[]): M =>
  events.filter((e) => definition.eventTypes.length === 0 || definition.eventTypes.includes(e.type)).reduce((state, e) => definition.apply(state, e), definition.init());

describe('catchUp', () => {
  it('applies the subscribed events after the checkpoint, maxEvents at a time, and reports progress', () => {
    const store = sample();
    const def = revenue(true);
    const p = createProjection(def);
    expect(lag(def, p, store)).toEqual({ events: 4, positions: 7 });
    expect(catchUp(def, p, store, 2)).toEqual({ applied: 2, checkpoint: 2, caughtUp: false });
    expect(p.readModel).toEqual({ orders: 2, revenue: 35 });
    expect(lag(def, p, store)).toEqual({ events: 2, positions: 4 });
    expect(catchUp(def, p, store, 1)).toEqual({ applied: 1, checkpoint: 4, caughtUp: false });
    expect(lag(def, p, store)).toEqual({ events: 1, positions: 2 });
    // the last subscribed event: the checkpoint moves on past the unsubscribed tail
    expect(catchUp(def, p, store, 1)).toEqual({ applied: 1, checkpoint: 6, caughtUp: true });
    expect(p.readModel).toEqual({ orders: 2, revenue: 120 });
    expect(lag(def, p, store)).toEqual({ events: 0, positions: 0 });
    expect(catchUp(def, p, store)).toEqual({ applied: 0, checkpoint: 6, caughtUp: true });
    expect(p.applied).toBe(4);
  });

  it('continues with events appended later, and only those', () => {
    const store = sample();
    const def = revenue(true);
    const p = createProjection(def);
    catchUp(def, p, store);
    append(store, 'o4', 'any', [{ type: 'OrderPlaced', data: { qty: 1, price: 1 } }], 10);
    expect(lag(def, p, store)).toEqual({ events: 1, positions: 1 });
    expect(catchUp(def, p, store)).toEqual({ applied: 1, checkpoint: 7, caughtUp: true });
    expect(p.readModel).toEqual({ orders: 3, revenue: 121 });
  });

  it('with maxEvents 0 applies nothing, but skips a tail of unsubscribed events', () => {
    const store = sample();
    const def = revenue(true);
    const p = createProjection(def);
    expect(catchUp(def, p, store, 0)).toEqual({ applied: 0, checkpoint: null, caughtUp: false });
    catchUp(def, p, store);
    append(store, 'x', 'any', [{ type: 'Noise', data: {} }], 10);
    expect(lag(def, p, store)).toEqual({ events: 0, positions: 1 });
    expect(catchUp(def, p, store, 0)).toEqual({ applied: 0, checkpoint: 7, caughtUp: true });
  });

  it('a projection of all types sees every event; on an empty store it stays at no checkpoint', () => {
    const empty = createEventStore();
    const p = createProjection(timeline);
    expect(catchUp(timeline, p, empty)).toEqual({ applied: 0, checkpoint: null, caughtUp: true });
    expect(lag(timeline, p, empty)).toEqual({ events: 0, positions: 0 });
    const store = sample();
    expect(catchUp(timeline, p, store, 5)).toMatchObject({ applied: 5, checkpoint: 4 });
    expect(lag(timeline, p, store)).toEqual({ events: 2, positions: 2 });
    catchUp(timeline, p, store);
    expect(p.readModel).toEqual(store.log.map((e) => e.type));
  });

  it('never moves the checkpoint backwards, even beside a log shorter than the one it read', () => {
    const store = sample();
    const p = createProjection(timeline);
    catchUp(timeline, p, store);
    const shorter = createEventStore();
    append(shorter, 'x', 'any', [{ type: 'Noise', data: {} }], 0);
    expect(catchUp(timeline, p, shorter)).toEqual({ applied: 0, checkpoint: 6, caughtUp: true });
  });

  it('a type listed twice is applied once', () => {
    const store = sample();
    const def = { ...revenue(true), eventTypes: ['OrderPlaced', 'OrderPlaced'] };
    const p = createProjection(def);
    expect(lag(def, p, store).events).toBe(3);
    expect(catchUp(def, p, store).applied).toBe(3);
  });

  it('an apply that throws leaves the checkpoint on the last event applied before it', () => {
    const store = sample();
    const def: ProjectionDefinition<number> = {
      name: 'fragile',
      eventTypes: [],
      init: () => 0,
      apply: (n, e) => {
        if (e.type === 'OrderCancelled') throw new Error('cannot handle cancel');
        return n + 1;
      },
    };
    const p = createProjection(def);
    expect(() => catchUp(def, p, store)).toThrow('cannot handle cancel');
    expect(p).toMatchObject({ checkpoint: 3, readModel: 4, applied: 4 });
    expect(lag(def, p, store).events).toBe(3);
  });
});

describe('rebuild', () => {
  it('with the same code equals the read model built incrementally', () => {
    const store = sample();
    const def = revenue(true);
    const incremental = createProjection(def);
    for (let i = 0; i < 4; i++) catchUp(def, incremental, store, 1);
    const rebuilt = structuredClone(incremental);
    rebuild(def, rebuilt);
    expect(rebuilt).toEqual({ name: 'revenue', readModel: { orders: 0, revenue: 0 }, checkpoint: null, applied: 0 });
    catchUp(def, rebuilt, store);
    expect(rebuilt).toEqual(incremental);
  });

  it('with corrected code equals a fresh fold of the corrected code', () => {
    const store = sample();
    const buggy = revenue(false);
    const p = createProjection(buggy);
    catchUp(buggy, p, store);
    expect(p.readModel).toEqual({ orders: 2, revenue: 110 });
    const fixed = revenue(true);
    rebuild(fixed, p);
    catchUp(fixed, p, store);
    expect(p.readModel).toEqual(fold(fixed, store.log));
    expect(p.readModel).toEqual({ orders: 2, revenue: 120 });
  });

  it('two projections over the same events are independent', () => {
    const store = sample();
    const def = revenue(true);
    const a = createProjection(def);
    const b = createProjection(timeline);
    catchUp(def, a, store, 1);
    catchUp(timeline, b, store);
    expect(a).toMatchObject({ checkpoint: 0, readModel: { orders: 1, revenue: 20 } });
    rebuild(timeline, b);
    expect(a).toMatchObject({ checkpoint: 0, readModel: { orders: 1, revenue: 20 } });
    catchUp(def, a, store);
    catchUp(timeline, b, store);
    expect(a.readModel).toEqual(fold(def, store.log));
    expect(b.readModel).toEqual(fold(timeline, store.log));
  });
});
