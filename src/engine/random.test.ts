import { describe, expect, it } from 'vitest';
import { nextFloat, nextUint32, nextUuid, seedRandom } from './random';

const draw = (seed: number, count: number): number[] => {
  const state = seedRandom(seed);
  return Array.from({ length: count }, () => nextUint32(state));
};

describe('seedRandom / nextUint32', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draw(42, 1000)).toEqual(draw(42, 1000));
  });

  it('gives different sequences for different seeds, even neighbouring ones', () => {
    const a = draw(1, 100);
    const b = draw(2, 100);
    expect(a).not.toEqual(b);
    // neighbouring seeds must not produce shifted copies of one another either
    const shared = a.filter((x) => b.includes(x));
    expect(shared.length).toBeLessThan(3);
  });

  it('returns unsigned 32-bit integers', () => {
    const bad = draw(7, 10_000).filter((x) => !Number.isInteger(x) || x < 0 || x >= 2 ** 32);
    expect(bad).toEqual([]);
  });

  it('treats seeds modulo 2^32, so 0 and 2^32 name the same run', () => {
    expect(draw(0, 20)).toEqual(draw(2 ** 32, 20));
  });

  it('keeps its state as four plain numbers, so a copy continues the same sequence', () => {
    const state = seedRandom(99);
    nextUint32(state);
    const copy = structuredClone(state);
    expect(state).toHaveLength(4);
    expect(Array.from({ length: 50 }, () => nextUint32(copy))).toEqual(
      Array.from({ length: 50 }, () => nextUint32(state)),
    );
  });
});

describe('nextFloat', () => {
  it('stays in [0, 1) and spreads over the whole interval', () => {
    const state = seedRandom(3);
    const buckets = new Array<number>(10).fill(0);
    const n = 20_000;
    let [min, max] = [1, 0];
    for (let i = 0; i < n; i++) {
      const x = nextFloat(state);
      [min, max] = [Math.min(min, x), Math.max(max, x)];
      buckets[Math.floor(x * 10)]! += 1;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // each tenth of [0,1) gets roughly its share (expected 2000, sd ≈ 42)
    for (const count of buckets) expect(Math.abs(count - n / 10)).toBeLessThan(250);
  });
});

describe('nextUuid', () => {
  const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('is a valid version-4, RFC 4122 variant UUID', () => {
    const state = seedRandom(5);
    const ids = Array.from({ length: 1000 }, () => nextUuid(state));
    expect(ids.filter((id) => !V4.test(id))).toEqual([]);
  });

  it('repeats exactly for the same seed and does not repeat within a run', () => {
    const a = seedRandom(11);
    const b = seedRandom(11);
    const ids = Array.from({ length: 1000 }, () => nextUuid(a));
    expect(Array.from({ length: 1000 }, () => nextUuid(b))).toEqual(ids);
    expect(new Set(ids).size).toBe(1000);
  });

  it('draws the same ids as earlier versions, so stored runs replay with the ids they logged', () => {
    const state = seedRandom(7);
    expect([nextUuid(state), nextUuid(state)]).toEqual([
      '31f53ce3-5c6c-470f-972e-171ad7da5693',
      '6399f181-8870-4a9d-acaa-dace0b6802e3',
    ]);
  });
});
