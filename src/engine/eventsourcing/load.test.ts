import { describe, expect, it } from 'vitest';
import { fold } from './decider';
import { createEventStore, type EventStore } from './eventStore';
import { load, loadVersion } from './load';
import { decideAndAppend, line, orderDecider, type OrderState } from './orderFixture.testkit';
import { readStream } from './read';
import { clearSnapshots, latestSnapshot, saveSnapshot, snapshotVersionsBetween } from './snapshots';
import { stateAt, stateAtTime, versionAtTime } from './temporal';

const fresh = (): OrderState => structuredClone(orderDecider.initialState);

/** The state after the first `version` events, folded from nothing: what every load must equal. */
const fullFold = (store: EventStore, streamId: string, version: number): OrderState =>
  fold(orderDecider, fresh(), readStream(store, streamId, 1, version));

/** An order placed at `from` and given `lines` more lines, one command per 10 ms. */
function orderWithLines(store: EventStore, lines: number, streamId = 'Order-1', from = 0): void {
  decideAndAppend(store, orderDecider, { kind: 'place', lines: [line('base', 1, 5)] }, streamId, from);
  for (let i = 1; i <= lines; i++)
    decideAndAppend(store, orderDecider, { kind: 'addLine', line: line(`sku-${i}`, i, 2) }, streamId, from + i * 10);
}

describe('snapshots every N events', () => {
  it('appending a decision takes one at every multiple of N, holding the state at that version', () => {
    const store = createEventStore({ snapshotEvery: 3 });
    orderWithLines(store, 7);
    const snapshots = store.snapshots['Order-1'] ?? [];
    expect(snapshots.map((s) => s.version)).toEqual([3, 6]);
    for (const snapshot of snapshots) expect(snapshot.state).toEqual(fullFold(store, 'Order-1', snapshot.version));
  });

  it('an append crossing several multiples at once snapshots each', () => {
    const store = createEventStore({ snapshotEvery: 2 });
    const decider = {
      ...orderDecider,
      decide: () => Array.from({ length: 5 }, (_, i) => ({ type: 'LineAdded', data: line(`x${i}`) })),
    };
    decideAndAppend(store, decider, { kind: 'ship' }, 's', 0);
    expect(store.snapshots['s']?.map((s) => s.version)).toEqual([2, 4]);
    expect(store.snapshots['s']?.[1]?.state).toEqual(fullFold(store, 's', 4));
  });

  it('none when the setting is 0', () => {
    const store = createEventStore();
    orderWithLines(store, 10);
    expect(store.snapshots).toEqual({});
    expect(snapshotVersionsBetween(store, 0, 100)).toEqual([]);
  });

  it('the versions due lie in (from, to]', () => {
    const store = createEventStore({ snapshotEvery: 5 });
    expect(snapshotVersionsBetween(store, 0, 4)).toEqual([]);
    expect(snapshotVersionsBetween(store, 0, 5)).toEqual([5]);
    expect(snapshotVersionsBetween(store, 5, 16)).toEqual([10, 15]);
    expect(snapshotVersionsBetween(store, 4, 5)).toEqual([5]);
  });

  it('refuses a snapshot setting that is not a whole number ≥ 0', () => {
    expect(() => createEventStore({ snapshotEvery: -1 })).toThrow(RangeError);
    expect(() => createEventStore({ snapshotEvery: 2.5 })).toThrow(RangeError);
  });
});

describe('load: latest snapshot + tail', () => {
  it('equals a full fold at every version, with snapshots every 1, 2, 3 or 4 events', () => {
    for (const every of [1, 2, 3, 4]) {
      const store = createEventStore({ snapshotEvery: every });
      orderWithLines(store, 9);
      for (let version = 0; version <= 10; version++) {
        const loaded = stateAt(store, orderDecider, 'Order-1', version);
        expect(loaded.state, `every ${every}, version ${version}`).toEqual(fullFold(store, 'Order-1', version));
        expect(loaded.version).toBe(version);
        const snapshotVersion = version >= every ? Math.floor(version / every) * every : null;
        expect(loaded.snapshotVersion).toBe(snapshotVersion);
        expect(loaded.replayed).toBe(version - (snapshotVersion ?? 0));
      }
    }
  });

  it('folds only the tail after the newest snapshot', () => {
    const store = createEventStore({ snapshotEvery: 4 });
    orderWithLines(store, 9);
    expect(load(store, orderDecider, 'Order-1')).toMatchObject({ version: 10, snapshotVersion: 8, replayed: 2 });
  });

  it('an evolve that mutates its state changes neither the snapshot nor the initial state', () => {
    const store = createEventStore({ snapshotEvery: 2 });
    orderWithLines(store, 3);
    const snapshot = structuredClone(latestSnapshot(store, 'Order-1'));
    const initial = structuredClone(orderDecider.initialState);
    for (let i = 0; i < 3; i++) load(store, orderDecider, 'Order-1');
    loadVersion(store, orderDecider, 'Other', 0);
    expect(latestSnapshot(store, 'Order-1')).toEqual(snapshot);
    expect(orderDecider.initialState).toEqual(initial);
    expect(load(store, orderDecider, 'Order-1').state.lines).toHaveLength(4);
  });

  it('an unknown stream loads as the initial state at version 0', () => {
    const store = createEventStore({ snapshotEvery: 2 });
    expect(load(store, orderDecider, 'Order-9')).toEqual({
      streamId: 'Order-9',
      state: fresh(),
      version: 0,
      snapshotVersion: null,
      replayed: 0,
    });
  });
});

describe('clearSnapshots', () => {
  it('after clearing (the evolve code changed), loads fold from the start with the new code', () => {
    const store = createEventStore({ snapshotEvery: 2 });
    orderWithLines(store, 4);
    const doubled = {
      ...orderDecider,
      evolve: (s: OrderState, e: Parameters<typeof orderDecider.evolve>[1]) => {
        const next = orderDecider.evolve(s, e);
        if (e.type === 'LineAdded') next.total += (e.data as { price: number }).price;
        return next;
      },
    };
    expect(load(store, doubled, 'Order-1').state.total).not.toEqual(
      fold(doubled, fresh(), readStream(store, 'Order-1')).total,
    );
    clearSnapshots(store, 'Order-1');
    expect(load(store, doubled, 'Order-1')).toMatchObject({ snapshotVersion: null, replayed: 5 });
    expect(load(store, doubled, 'Order-1').state).toEqual(fold(doubled, fresh(), readStream(store, 'Order-1')));
  });

  it('saveSnapshot replaces one at the same version and keeps versions ascending', () => {
    const store = createEventStore();
    saveSnapshot(store, 's', 4, { n: 4 });
    saveSnapshot(store, 's', 2, { n: 2 });
    saveSnapshot(store, 's', 4, { n: 44 });
    expect(store.snapshots['s']).toEqual([
      { streamId: 's', version: 2, state: { n: 2 } },
      { streamId: 's', version: 4, state: { n: 44 } },
    ]);
    expect(latestSnapshot(store, 's', 3)?.version).toBe(2);
    expect(latestSnapshot(store, 's', 1)).toBeUndefined();
  });

  it('a state JSON cannot hold is refused when snapshotted, naming the stream and version', () => {
    const store = createEventStore();
    expect(() => saveSnapshot(store, 'Order-1', 3, { seen: new Set() })).toThrow(
      /the state of Order-1 at version 3.seen is a Set/,
    );
  });
});

describe('state at a version or a time (the inspector)', () => {
  const store = createEventStore({ snapshotEvery: 3 });
  orderWithLines(store, 5); // versions 1..6 at times 0, 10, …, 50

  it('stateAt clamps a version past the end to the current one', () => {
    expect(stateAt(store, orderDecider, 'Order-1', 99).version).toBe(6);
    expect(() => stateAt(store, orderDecider, 'Order-1', -1)).toThrow(RangeError);
  });

  it('stateAtTime folds every event appended at or before the time', () => {
    expect(versionAtTime(store, 'Order-1', -1)).toBe(0);
    expect(versionAtTime(store, 'Order-1', 0)).toBe(1);
    expect(versionAtTime(store, 'Order-1', 25)).toBe(3);
    expect(versionAtTime(store, 'Order-1', 30)).toBe(4);
    expect(versionAtTime(store, 'Order-1', 1e9)).toBe(6);
    expect(stateAtTime(store, orderDecider, 'Order-1', 25).state).toEqual(fullFold(store, 'Order-1', 3));
    expect(stateAtTime(store, orderDecider, 'Order-1', -5).state).toEqual(fresh());
  });
});
