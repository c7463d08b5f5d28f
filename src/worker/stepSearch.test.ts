import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../engine';
import { findTouching, lastStepAtOrBefore, locate, scanSteps, type RowReader } from './stepSearch';

const HEAD = 2_500;
const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Every 10th step publishes to "orders-topic", the step after delivers it to "billing"; time is step × 100 ms, 3 steps share each second mark. */
function record(step: number): StepRecord {
  const time = Math.floor(step / 3) * 100;
  if (step % 10 === 0) {
    const event = {
      specversion: '1.0',
      id: uuid(step),
      source: '/producers/orders',
      type: 'OrderPlaced',
      time: '',
      datacontenttype: 'application/json',
      data: {},
      correlationid: uuid(step),
      sequence: step,
    } as const;
    return { kind: 'publish', step, time, node: 'orders', event, topics: ['orders-topic'] };
  }
  if (step % 10 === 1)
    return {
      kind: 'deliver',
      step,
      time,
      node: 'billing',
      topic: 'orders-topic',
      offset: step,
      eventId: uuid(step - 1),
      eventType: 'OrderPlaced',
      outcome: 'handled',
    };
  return { kind: 'commit', step, time, node: 'revenue', group: 'revenue', offsets: {} };
}

const LOG = Array.from({ length: HEAD }, (_, i) => record(i));

/** A reader over LOG that counts how many rows it handed out. */
function reader(): { read: RowReader; rowsRead: () => number } {
  let rows = 0;
  return {
    read: (from, count) => {
      const page = LOG.slice(Math.max(0, from), Math.min(HEAD, from + count));
      rows += page.length;
      return Promise.resolve(page);
    },
    rowsRead: () => rows,
  };
}

describe('scanSteps', () => {
  it('visits every step of the range once, forwards and backwards, a segment at a time', async () => {
    const { read } = reader();
    const forward: number[] = [];
    await scanSteps(read, 990, 2010, 'forward', (r) => (forward.push(r.step), false));
    expect(forward).toEqual(Array.from({ length: 1020 }, (_, i) => 990 + i));
    const backward: number[] = [];
    await scanSteps(read, 990, 2010, 'backward', (r) => (backward.push(r.step), false));
    expect(backward).toEqual([...forward].reverse());
  });

  it('stops at the first match without reading further pages', async () => {
    const { read, rowsRead } = reader();
    expect((await scanSteps(read, 0, HEAD, 'forward', (r) => r.step === 5))?.step).toBe(5);
    expect(rowsRead()).toBe(1000);
  });
});

describe('findTouching', () => {
  it('finds the next and the previous step that touch a node', async () => {
    const { read } = reader();
    expect(await findTouching(read, HEAD, { id: 'billing' }, 11, 'next')).toBe(21);
    expect(await findTouching(read, HEAD, { id: 'billing' }, 21, 'previous')).toBe(11);
    // A topic is touched by publishes to it and deliveries from it.
    expect(await findTouching(read, HEAD, { id: 'orders-topic' }, 10, 'next')).toBe(11);
    expect(await findTouching(read, HEAD, { id: 'orders-topic' }, 11, 'next')).toBe(20);
  });

  it('crosses segment boundaries and stops at the head and at step 0', async () => {
    const { read } = reader();
    expect(await findTouching(read, HEAD, { id: 'billing' }, 995, 'next')).toBe(1001);
    expect(await findTouching(read, HEAD, { id: 'billing' }, 1001, 'previous')).toBe(991);
    expect(await findTouching(read, HEAD, { id: 'billing' }, 2491, 'next')).toBeNull();
    expect(await findTouching(read, HEAD, { id: 'billing' }, 1, 'previous')).toBeNull();
    expect(await findTouching(read, HEAD, { id: 'billing' }, -1, 'next')).toBe(1);
    expect(await findTouching(read, HEAD, { id: 'nobody' }, 0, 'next')).toBeNull();
  });
});

describe('lastStepAtOrBefore', () => {
  it('finds the last step at or before a time', async () => {
    const { read, rowsRead } = reader();
    expect((await lastStepAtOrBefore(read, HEAD, 250))?.step).toBe(8);
    expect((await lastStepAtOrBefore(read, HEAD, 300))?.step).toBe(11);
    expect((await lastStepAtOrBefore(read, HEAD, 1e9))?.step).toBe(HEAD - 1);
    expect(rowsRead()).toBeLessThan(40);
  });

  it('is null before the first step’s time', async () => {
    const { read } = reader();
    expect(await lastStepAtOrBefore(read, HEAD, -1)).toBeNull();
  });
});

describe('locate', () => {
  it('goes to a step number as a timeline position', async () => {
    const { read } = reader();
    expect(await locate(read, HEAD, { kind: 'step', step: 12 })).toEqual({ ok: true, cursor: 12, step: 11, time: 300 });
    expect(await locate(read, HEAD, { kind: 'step', step: 0 })).toEqual({ ok: true, cursor: 0, step: null, time: 0 });
    expect(await locate(read, HEAD, { kind: 'step', step: HEAD + 1 })).toEqual({
      ok: false,
      problem: `Step ${HEAD + 1} is not on this branch: it has steps 0 to ${HEAD}.`,
    });
  });

  it('goes to just after the step that published an event, whatever the case of its id', async () => {
    const { read } = reader();
    expect(await locate(read, HEAD, { kind: 'event', id: uuid(1230).toUpperCase() })).toEqual({
      ok: true,
      cursor: 1231,
      step: 1230,
      time: 41_000,
    });
    expect(await locate(read, HEAD, { kind: 'event', id: uuid(7) })).toEqual({
      ok: false,
      problem: `No event with id ${uuid(7)} was published on this branch.`,
    });
  });

  it('goes to just after the last step at or before a time; before the first, to position 0', async () => {
    const { read } = reader();
    expect(await locate(read, HEAD, { kind: 'time', ms: 250 })).toEqual({ ok: true, cursor: 9, step: 8, time: 200 });
    const early = LOG.filter((r) => r.time === 0).length;
    expect(await locate(read, HEAD, { kind: 'time', ms: 0 })).toEqual({
      ok: true,
      cursor: early,
      step: early - 1,
      time: 0,
    });
  });

  it('refuses a time past the end of the branch, and any time on an empty one', async () => {
    const { read } = reader();
    const end = LOG[HEAD - 1]!.time;
    expect(await locate(read, HEAD, { kind: 'time', ms: end + 1 })).toEqual({
      ok: false,
      problem: `t = ${((end + 1) / 1000).toFixed(3)} s is past the end of this branch (t = ${(end / 1000).toFixed(3)} s).`,
    });
    expect(await locate(read, 0, { kind: 'time', ms: 0 })).toEqual({
      ok: false,
      problem: 'Nothing has run on this branch yet.',
    });
  });
});
