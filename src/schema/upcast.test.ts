import { describe, expect, it } from 'vitest';
import { upcast, type Upcasters } from './upcast';

const upcasters: Upcasters = {
  OrderPlaced: {
    // v2 splits the name; v3 moves the amount into cents
    2: (data) => {
      const { name, ...rest } = data as { name: string; total: number };
      const [first, last] = name.split(' ');
      return { ...rest, firstName: first, lastName: last };
    },
    3: (data) => {
      const d = data as { total: number };
      d.total = Math.round(d.total * 100);
      return d;
    },
  },
  Broken: {
    2: () => {
      throw new Error('no idea what v1 meant');
    },
  },
};

const event = { type: 'OrderPlaced', data: { name: 'Ada Lovelace', total: 12.5 }, schemaVersion: 1, id: 'e-1' };

describe('upcast', () => {
  it('chains v1 → v2 → v3 and keeps the rest of the event', () => {
    const result = upcast(event, 1, 3, upcasters);
    expect(result).toEqual({
      ok: true,
      event: {
        type: 'OrderPlaced',
        data: { total: 1250, firstName: 'Ada', lastName: 'Lovelace' },
        schemaVersion: 3,
        id: 'e-1',
      },
      steps: [2, 3],
    });
  });

  it('stops at the version asked for', () => {
    const result = upcast(event, 1, 2, upcasters);
    expect(result.ok && result.event.data).toEqual({ total: 12.5, firstName: 'Ada', lastName: 'Lovelace' });
    expect(result.ok && result.steps).toEqual([2]);
  });

  it('leaves the stored event as it was, even with an upcaster that mutates its input', () => {
    const stored = structuredClone({ ...event, schemaVersion: 2, data: { total: 1, firstName: 'A', lastName: 'B' } });
    const before = structuredClone(stored);
    expect(upcast(stored, 2, 3, upcasters).ok).toBe(true);
    expect(stored).toEqual(before);
  });

  it('from a version to itself is the event unchanged', () => {
    expect(upcast(event, 2, 2, {})).toEqual({ ok: true, event: { ...event, schemaVersion: 2 }, steps: [] });
  });

  it('names the missing step, a step that throws, and refuses to go down', () => {
    expect(upcast(event, 1, 4, upcasters)).toEqual({ ok: false, error: 'OrderPlaced has no upcaster from v3 to v4' });
    expect(upcast({ ...event, type: 'Unknown' }, 1, 2, upcasters)).toEqual({
      ok: false,
      error: 'Unknown has no upcaster from v1 to v2',
    });
    expect(upcast({ ...event, type: 'Broken' }, 1, 2, upcasters)).toEqual({
      ok: false,
      error: 'the Broken upcaster from v1 to v2 threw: no idea what v1 meant',
    });
    expect(upcast(event, 3, 1, upcasters)).toEqual({
      ok: false,
      error: 'OrderPlaced cannot go down from v3 to v1: upcasters only go up',
    });
    expect(upcast(event, 0, 1, upcasters).ok).toBe(false);
  });

  it('an event type named like an Object.prototype member finds no upcaster by accident', () => {
    expect(upcast({ ...event, type: 'constructor' }, 1, 2, {})).toEqual({
      ok: false,
      error: 'constructor has no upcaster from v1 to v2',
    });
    expect(upcast({ ...event, type: 'toString' }, 1, 2, { toString: {} })).toEqual({
      ok: false,
      error: 'toString has no upcaster from v1 to v2',
    });
  });
});
