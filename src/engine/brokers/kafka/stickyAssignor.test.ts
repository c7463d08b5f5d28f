import { describe, expect, it } from 'vitest';
import { cooperativeSticky } from './stickyAssignor';
import { partitionsOf, tpKey, type Assignment, type TopicPartition } from './topicPartition';

const tp = (topic: string, partition: number): TopicPartition => ({ topic, partition });
const names = (assignment: Assignment): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(assignment).map(([id, list]) => [id, list.map((p) => `${p.topic}p${p.partition}`).sort()]),
  );
const all = (...topics: [string, number][]): TopicPartition[] => topics.flatMap(([t, n]) => partitionsOf(t, n));
const same = (members: readonly string[], topics: string[]): Record<string, string[]> =>
  Object.fromEntries(members.map((m) => [m, topics]));
const counts = (assignment: Assignment): number[] => Object.values(assignment).map((l) => l.length);

/** Runs rebalances until nothing is held back, as consumers rejoin after revoking; returns each round. */
function converge(members: string[], subs: Record<string, string[]>, partitions: TopicPartition[], start: Assignment) {
  const rounds = [];
  let owned = start;
  for (let i = 0; i < 4; i++) {
    const round = cooperativeSticky(members, subs, partitions, owned);
    rounds.push(round);
    owned = round.assignment;
    if (Object.values(round.revoked).every((l) => l.length === 0)) break;
  }
  return rounds;
}

describe('cooperative-sticky: a fresh group', () => {
  it('deals partitions round-robin over members sorted by id (Kafka’s testTwoConsumersTwoTopicsSixPartitions)', () => {
    const members = ['consumer1', 'consumer2'];
    const { assignment, revoked } = cooperativeSticky(
      members,
      same(members, ['topic1', 'topic2']),
      all(['topic1', 3], ['topic2', 3]),
      {},
    );
    expect(names(assignment)).toEqual({
      consumer1: ['topic1p0', 'topic1p2', 'topic2p1'],
      consumer2: ['topic1p1', 'topic2p0', 'topic2p2'],
    });
    expect(counts(revoked)).toEqual([0, 0]);
  });

  it('leaves members beyond the partition count idle', () => {
    const members = ['a', 'b', 'c'];
    const { assignment } = cooperativeSticky(members, same(members, ['t']), all(['t', 2]), {});
    expect(names(assignment)).toEqual({ a: ['tp0'], b: ['tp1'], c: [] });
  });

  it('hands out nothing with no partitions or no members', () => {
    expect(cooperativeSticky(['a'], same(['a'], ['t']), [], {}).assignment).toEqual({ a: [] });
    expect(cooperativeSticky([], {}, all(['t', 2]), {}).assignment).toEqual({});
  });
});

describe('cooperative-sticky: stickiness', () => {
  it('keeps every member’s partitions, the new member gets the free one (Kafka’s testAssignorWithOldVersionSubscriptions)', () => {
    const members = ['consumer1', 'consumer2', 'consumer3'];
    const { assignment } = cooperativeSticky(members, same(members, ['topic1']), all(['topic1', 3]), {
      consumer1: [tp('topic1', 0)],
      consumer2: [tp('topic1', 1)],
    });
    expect(names(assignment)).toEqual({ consumer1: ['topic1p0'], consumer2: ['topic1p1'], consumer3: ['topic1p2'] });
  });

  it('tops members up to their quota without moving what they own (Kafka’s exact expectation with two topics)', () => {
    const members = ['consumer1', 'consumer2', 'consumer3'];
    const result = cooperativeSticky(members, same(members, ['topic1', 'topic2']), all(['topic1', 2], ['topic2', 3]), {
      consumer1: [tp('topic1', 0)],
      consumer2: [tp('topic1', 1)],
    });
    expect(names(result.assignment)).toEqual({
      consumer1: ['topic1p0', 'topic2p1'],
      consumer2: ['topic1p1', 'topic2p2'],
      consumer3: ['topic2p0'],
    });
    expect(result.target).toEqual(result.assignment);
  });

  it('gives a departed member’s partitions to the others at once, keeping the rest where they were', () => {
    const members = ['a', 'c'];
    const { assignment, revoked } = cooperativeSticky(members, same(members, ['t']), all(['t', 6]), {
      a: [tp('t', 0), tp('t', 1)],
      c: [tp('t', 4), tp('t', 5)],
    });
    expect(names(assignment)).toEqual({ a: ['tp0', 'tp1', 'tp2'], c: ['tp3', 'tp4', 'tp5'] });
    expect(counts(revoked)).toEqual([0, 0]);
  });

  it('moves no more partitions than balance needs, unlike range', () => {
    const members = ['a', 'b', 'c'];
    const previous = { a: [tp('t', 0), tp('t', 1), tp('t', 2)], b: [tp('t', 3), tp('t', 4), tp('t', 5)] };
    const { target } = cooperativeSticky(members, same(members, ['t']), all(['t', 6]), previous);
    const kept = ['a', 'b'].flatMap((m) =>
      (target[m] ?? []).filter((p) => previous[m as 'a' | 'b'].some((q) => tpKey(q) === tpKey(p))),
    );
    expect(kept).toHaveLength(4);
    expect(counts(target)).toEqual([2, 2, 2]);
  });
});

describe('cooperative-sticky: revoke first, assign in a follow-up rebalance', () => {
  it('revokes a partition from its owner and holds it back from the new member (Kafka’s testAddRemoveConsumerOneTopic)', () => {
    const members = ['consumer1', 'consumer2'];
    const subs = same(members, ['topic']);
    const first = cooperativeSticky(members, subs, all(['topic', 3]), { consumer1: all(['topic', 3]) });
    expect(names(first.assignment)).toEqual({ consumer1: ['topicp0', 'topicp1'], consumer2: [] });
    expect(names(first.revoked)).toEqual({ consumer1: ['topicp2'], consumer2: [] });
    expect(names(first.target)).toEqual({ consumer1: ['topicp0', 'topicp1'], consumer2: ['topicp2'] });

    const followUp = cooperativeSticky(members, subs, all(['topic', 3]), first.assignment);
    expect(names(followUp.assignment)).toEqual({ consumer1: ['topicp0', 'topicp1'], consumer2: ['topicp2'] });
    expect(counts(followUp.revoked)).toEqual([0, 0]);
  });

  it('never assigns a partition in the same rebalance that revokes it, and settles in one follow-up (random groups)', () => {
    let seed = 12345;
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (let trial = 0; trial < 200; trial++) {
      const partitions = all(['t', 1 + next(12)], ['u', next(5)]);
      const members = Array.from({ length: 1 + next(6) }, (_, i) => `m${i}`);
      const subs = same(members, ['t', 'u']);
      // A previous assignment from some earlier, bigger or smaller group.
      const previous: Assignment = {};
      for (const p of partitions) if (next(3) > 0) (previous[`m${next(8)}`] ??= []).push(p);
      const rounds = converge(members, subs, partitions, previous);
      expect(rounds.length).toBeLessThanOrEqual(2);
      for (const round of rounds) {
        const revokedKeys = new Set(Object.values(round.revoked).flat().map(tpKey));
        for (const [member, list] of Object.entries(round.assignment)) {
          const had = new Set((previous[member] ?? []).map(tpKey));
          for (const p of list) if (!had.has(tpKey(p))) expect(revokedKeys.has(tpKey(p))).toBe(false);
        }
      }
      const final = rounds[rounds.length - 1]!;
      expect(final.assignment).toEqual(final.target);
      const sizes = counts(final.assignment);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      expect(Object.values(final.assignment).flat().map(tpKey).sort()).toEqual(partitions.map(tpKey).sort());
    }
  });
});

describe('cooperative-sticky: members with different subscriptions', () => {
  it('gives each partition only to members subscribed to its topic, balanced as far as that allows', () => {
    const result = cooperativeSticky(
      ['a', 'b', 'c'],
      { a: ['t'], b: ['t', 'u'], c: ['u'] },
      all(['t', 3], ['u', 3]),
      {},
    );
    const final = names(result.assignment);
    expect(final.a?.every((p) => p.startsWith('t'))).toBe(true);
    expect(final.c?.every((p) => p.startsWith('u'))).toBe(true);
    expect(counts(result.assignment)).toEqual([2, 2, 2]);
  });

  it('drops owned partitions of topics a member no longer subscribes to, and rebalances across the rest', () => {
    const result = cooperativeSticky(['a', 'b'], { a: ['t'], b: ['t', 'u'] }, all(['t', 2], ['u', 2]), {
      a: [tp('t', 0), tp('u', 0)],
      b: [tp('t', 1)],
    });
    // b is the only one who can take u0 and u1, so t1 goes to a for balance: a swap.
    expect(names(result.target)).toEqual({ a: ['tp0', 'tp1'], b: ['up0', 'up1'] });
    expect(names(result.revoked)).toEqual({ a: ['up0'], b: ['tp1'] });
    // Each side gives up its half now and receives the other half in the follow-up.
    expect(names(result.assignment)).toEqual({ a: ['tp0'], b: ['up1'] });
  });

  it('rebalances by moving partitions from a member with two more than another eligible one', () => {
    const result = cooperativeSticky(['a', 'b'], same(['a', 'b'], ['t']), all(['t', 4]), { a: all(['t', 4]) });
    expect(counts(result.target)).toEqual([2, 2]);
    const general = cooperativeSticky(['a', 'b', 'c'], { a: ['t'], b: ['t'], c: ['t', 'x'] }, all(['t', 4]), {
      a: all(['t', 4]),
    });
    expect(counts(general.target).sort()).toEqual([1, 1, 2]);
    expect(general.target.a).toHaveLength(2);
  });
});
