import { describe, expect, it } from 'vitest';
import { nextUint32, seedRandom } from './random';
import type { ScheduledAction } from './runtimeState';
import { filterActions, peekAction, popAction, pushAction } from './scheduler';

const produce = (time: number, seq: number, node = 'p'): ScheduledAction => ({ kind: 'produce', time, seq, node });

const drain = (heap: ScheduledAction[]): ScheduledAction[] => {
  const out: ScheduledAction[] = [];
  for (let a = popAction(heap); a; a = popAction(heap)) out.push(a);
  return out;
};

describe('scheduler heap', () => {
  it('is empty to begin with', () => {
    const heap: ScheduledAction[] = [];
    expect(peekAction(heap)).toBeUndefined();
    expect(popAction(heap)).toBeUndefined();
  });

  it('pops by virtual time first', () => {
    const heap: ScheduledAction[] = [];
    for (const [time, seq] of [
      [30, 0],
      [10, 1],
      [20, 2],
      [0, 3],
    ] as const)
      pushAction(heap, produce(time, seq));
    expect(peekAction(heap)?.time).toBe(0);
    expect(drain(heap).map((a) => a.time)).toEqual([0, 10, 20, 30]);
  });

  it('breaks ties in time by insertion order (seq)', () => {
    const heap: ScheduledAction[] = [];
    pushAction(heap, produce(100, 4, 'd'));
    pushAction(heap, produce(100, 1, 'a'));
    pushAction(heap, produce(50, 9, 'early'));
    pushAction(heap, produce(100, 3, 'c'));
    pushAction(heap, produce(100, 2, 'b'));
    expect(drain(heap).map((a) => a.node)).toEqual(['early', 'a', 'b', 'c', 'd']);
  });

  it('orders thousands of random actions exactly as a sort by (time, seq) would', () => {
    const random = seedRandom(1);
    const actions = Array.from({ length: 5000 }, (_, seq) => produce(nextUint32(random) % 200, seq));
    const heap: ScheduledAction[] = [];
    for (const a of actions) pushAction(heap, a);
    const expected = [...actions].sort((a, b) => a.time - b.time || a.seq - b.seq);
    expect(drain(heap)).toEqual(expected);
  });

  it('keeps popping in order when pushes and pops interleave', () => {
    const heap: ScheduledAction[] = [];
    let seq = 0;
    const popped: ScheduledAction[] = [];
    const random = seedRandom(2);
    let now = 0;
    for (let i = 0; i < 2000; i++) {
      pushAction(heap, produce(now + (nextUint32(random) % 50), seq++));
      if (i % 3 === 2) {
        const a = popAction(heap)!;
        expect(a.time).toBeGreaterThanOrEqual(now);
        now = a.time;
        popped.push(a);
      }
    }
    popped.push(...drain(heap));
    for (let i = 1; i < popped.length; i++) {
      const [a, b] = [popped[i - 1]!, popped[i]!];
      expect(a.time < b.time || (a.time === b.time && a.seq < b.seq)).toBe(true);
    }
  });
});

describe('filterActions', () => {
  it('drops rejected actions and keeps the rest in (time, seq) order', () => {
    const heap: ScheduledAction[] = [];
    const random = seedRandom(3);
    for (let seq = 0; seq < 300; seq++)
      pushAction(heap, produce(nextUint32(random) % 40, seq, seq % 3 === 0 ? 'gone' : 'kept'));
    const filtered = filterActions(heap, (a) => a.node !== 'gone');
    const out = drain(filtered);
    expect(out).toHaveLength(200);
    expect(out.every((a) => a.node === 'kept')).toBe(true);
    for (let i = 1; i < out.length; i++) {
      const [a, b] = [out[i - 1]!, out[i]!];
      expect(a.time < b.time || (a.time === b.time && a.seq < b.seq)).toBe(true);
    }
  });

  it('returns a new heap and leaves the old one untouched', () => {
    const heap: ScheduledAction[] = [];
    pushAction(heap, produce(1, 0));
    pushAction(heap, produce(2, 1));
    const filtered = filterActions(heap, () => false);
    expect(filtered).toEqual([]);
    expect(heap).toHaveLength(2);
  });
});
