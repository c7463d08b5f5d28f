import { describe, expect, it } from 'vitest';
import { range, roundRobin } from './assignors';
import { partitionsOf, type Assignment, type TopicPartition } from './topicPartition';

const tp = (topic: string, partition: number): TopicPartition => ({ topic, partition });
const names = (assignment: Assignment): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(assignment).map(([id, list]) => [id, list.map((p) => `${p.topic}p${p.partition}`)]),
  );
const all = (...topics: [string, number][]): TopicPartition[] => topics.flatMap(([t, n]) => partitionsOf(t, n));
const same = (members: string[], topics: string[]): Record<string, string[]> =>
  Object.fromEntries(members.map((m) => [m, topics]));

describe('range assignor', () => {
  it('gives each consumer a contiguous range per topic, extras to the first consumers (Kafka’s javadoc example)', () => {
    const result = range(['C0', 'C1'], same(['C0', 'C1'], ['t0', 't1']), all(['t0', 3], ['t1', 3]), {});
    expect(names(result)).toEqual({ C0: ['t0p0', 't0p1', 't1p0', 't1p1'], C1: ['t0p2', 't1p2'] });
  });

  it('divides n partitions over c consumers as n/c, the remainder to the first', () => {
    const members = ['a', 'b', 'c'];
    const result = range(members, same(members, ['t']), all(['t', 8]), {});
    expect(names(result)).toEqual({ a: ['tp0', 'tp1', 'tp2'], b: ['tp3', 'tp4', 'tp5'], c: ['tp6', 'tp7'] });
  });

  it('sorts consumers by id whatever order they are given in', () => {
    const result = range(['b', 'a'], same(['a', 'b'], ['t']), all(['t', 3]), {});
    expect(names(result)).toEqual({ b: ['tp2'], a: ['tp0', 'tp1'] });
  });

  it('leaves consumers beyond the partition count idle', () => {
    const members = ['a', 'b', 'c', 'd'];
    const result = range(members, same(members, ['t']), all(['t', 2]), {});
    expect(names(result)).toEqual({ a: ['tp0'], b: ['tp1'], c: [], d: [] });
  });

  it('gives a one-partition topic to the first consumer only', () => {
    const result = range(['a', 'b'], same(['a', 'b'], ['t']), all(['t', 1]), {});
    expect(names(result)).toEqual({ a: ['tp0'], b: [] });
  });

  it('assigns each topic only among the consumers subscribed to it', () => {
    const result = range(['a', 'b'], { a: ['t0', 't1'], b: ['t1'] }, all(['t0', 2], ['t1', 2]), {});
    expect(names(result)).toEqual({ a: ['t0p0', 't0p1', 't1p0'], b: ['t1p1'] });
  });

  it('ignores what members owned before (it is not sticky)', () => {
    const result = range(['a', 'b'], same(['a', 'b'], ['t']), all(['t', 2]), { a: [tp('t', 1)], b: [tp('t', 0)] });
    expect(names(result)).toEqual({ a: ['tp0'], b: ['tp1'] });
  });

  it('with no partitions or no members hands out nothing', () => {
    expect(range(['a'], same(['a'], ['t']), [], {})).toEqual({ a: [] });
    expect(range([], {}, all(['t', 3]), {})).toEqual({});
  });
});

describe('round-robin assignor', () => {
  it('deals all partitions sorted by topic then partition to the sorted consumers in turn (Kafka’s javadoc example)', () => {
    const result = roundRobin(['C0', 'C1'], same(['C0', 'C1'], ['t0', 't1']), all(['t0', 3], ['t1', 3]), {});
    expect(names(result)).toEqual({ C0: ['t0p0', 't0p2', 't1p1'], C1: ['t0p1', 't1p0', 't1p2'] });
  });

  it('skips a consumer not subscribed to the topic, which can unbalance (Kafka’s javadoc example)', () => {
    const result = roundRobin(
      ['C0', 'C1', 'C2'],
      { C0: ['t0'], C1: ['t0', 't1'], C2: ['t0', 't1', 't2'] },
      all(['t0', 1], ['t1', 2], ['t2', 3]),
      {},
    );
    expect(names(result)).toEqual({ C0: ['t0p0'], C1: ['t1p0'], C2: ['t1p1', 't2p0', 't2p1', 't2p2'] });
  });

  it('balances within one partition across consumers when subscriptions are equal', () => {
    const members = ['a', 'b', 'c'];
    const result = roundRobin(members, same(members, ['x', 'y']), all(['x', 2], ['y', 2]), {});
    expect(names(result)).toEqual({ a: ['xp0', 'yp1'], b: ['xp1'], c: ['yp0'] });
  });

  it('leaves consumers beyond the partition count idle', () => {
    const members = ['a', 'b', 'c'];
    expect(names(roundRobin(members, same(members, ['t']), all(['t', 2]), {}))).toEqual({
      a: ['tp0'],
      b: ['tp1'],
      c: [],
    });
  });

  it('ignores partitions of topics nobody subscribes to', () => {
    expect(names(roundRobin(['a'], { a: ['t'] }, all(['t', 1], ['u', 2]), {}))).toEqual({ a: ['tp0'] });
  });
});
