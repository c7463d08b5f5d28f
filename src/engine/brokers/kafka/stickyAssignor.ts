import { getOwn, setOwn } from '../../../lib/ownRecord';
import { emptyAssignment, type AssignorFn, type Subscriptions } from './assignors';
import { compareIds, compareTopicPartitions, tpKey, type Assignment, type TopicPartition } from './topicPartition';

/** What one cooperative rebalance hands out. */
export interface CooperativeAssignment {
  /** What each member owns after this rebalance: the target minus partitions another member still has to give up. */
  readonly assignment: Assignment;
  /** Where the assignor wants every partition; reached after the follow-up rebalance. */
  readonly target: Assignment;
  /** What each member gives up in this rebalance (its previous partitions missing from `assignment`). */
  readonly revoked: Assignment;
}

const subscribes = (subscriptions: Subscriptions, member: string, topic: string): boolean =>
  getOwn(subscriptions, member)?.includes(topic) ?? false;

// AbstractStickyAssignor.assignOwnedPartitions keeps owned partitions in (partition, topic) order.
const byPartitionThenTopic = (a: TopicPartition, b: TopicPartition): number =>
  a.partition - b.partition || compareIds(a.topic, b.topic);

/** Each member's previous partitions that still exist and that it still subscribes to; a doubly claimed one goes to the first claimer. */
function ownedPartitions(
  members: readonly string[],
  subscriptions: Subscriptions,
  existing: ReadonlySet<string>,
  previous: Readonly<Assignment>,
): Map<string, TopicPartition[]> {
  const claimed = new Set<string>();
  const owned = new Map<string, TopicPartition[]>();
  for (const member of members) {
    const list: TopicPartition[] = [];
    for (const tp of getOwn(previous, member) ?? []) {
      const key = tpKey(tp);
      if (!existing.has(key) || claimed.has(key) || !subscribes(subscriptions, member, tp.topic)) continue;
      claimed.add(key);
      list.push(tp);
    }
    owned.set(member, list);
  }
  return owned;
}

function sameSubscriptions(members: readonly string[], subscriptions: Subscriptions): boolean {
  const [first, ...rest] = members.map((m) => [...new Set(getOwn(subscriptions, m) ?? [])].sort().join('\u0000'));
  return rest.every((topics) => topics === first);
}

/**
 * AbstractStickyAssignor's ConstrainedAssignmentBuilder (every member subscribes to the same topics):
 * each member keeps up to its quota of what it owned, then the rest is dealt round-robin to members
 * under quota, sorted by id. Kafka walks members in HashMap order; sorted order here makes the
 * result reproducible (it only matters when several members own more than their quota).
 */
function constrainedAssign(
  members: readonly string[],
  partitions: readonly TopicPartition[],
  owned: Map<string, TopicPartition[]>,
): Assignment {
  const assignment = emptyAssignment(members);
  if (members.length === 0) return assignment;
  const total = partitions.length;
  const minQuota = Math.floor(total / members.length);
  const maxQuota = Math.ceil(total / members.length);
  const expectedOverMin = total % members.length;
  let currentOverMin = 0;
  const assigned = new Set<string>();
  const underMin: string[] = [];
  const exactlyMin: string[] = [];
  const keep = (member: string, list: readonly TopicPartition[]): void => {
    for (const tp of list) {
      getOwn(assignment, member)?.push(tp);
      assigned.add(tpKey(tp));
    }
  };

  for (const member of members) {
    const mine = [...(owned.get(member) ?? [])].sort(byPartitionThenTopic);
    if (mine.length < minQuota) {
      keep(member, mine);
      underMin.push(member);
    } else if (mine.length >= maxQuota && currentOverMin < expectedOverMin) {
      currentOverMin++;
      if (currentOverMin === expectedOverMin) exactlyMin.length = 0;
      keep(member, mine.slice(0, maxQuota));
    } else {
      keep(member, mine.slice(0, minQuota));
      if (currentOverMin < expectedOverMin) exactlyMin.push(member);
    }
  }

  underMin.sort(compareIds);
  exactlyMin.sort(compareIds);
  // A Java iterator over underMin that restarts when exhausted, then takes from exactlyMin.
  let cursor = 0;
  for (const tp of partitions) {
    if (assigned.has(tpKey(tp))) continue;
    let member: string | undefined;
    let fromUnderMin = true;
    if (cursor < underMin.length) {
      member = underMin[cursor++];
    } else if (underMin.length > 0) {
      cursor = 0;
      member = underMin[cursor++];
    } else {
      member = exactlyMin.shift();
      fromUnderMin = false;
    }
    // Kafka throws IllegalStateException here too: the quotas add up to the partition count.
    if (member === undefined) throw new Error('sticky assignment: no member left under quota');
    const list = getOwn(assignment, member) ?? [];
    list.push(tp);
    if (list.length === minQuota && fromUnderMin) {
      underMin.splice(--cursor, 1);
      exactlyMin.push(member);
    } else if (list.length === maxQuota) {
      currentOverMin++;
    }
  }
  return assignment;
}

/**
 * When subscriptions differ Kafka runs a general algorithm whose result depends on HashMap order.
 * This keeps the same goals: keep what each member owned, give each free partition to the least
 * loaded member that subscribes to it (fewest candidates first), then move partitions from a
 * member with two or more than another eligible one until no such move is left.
 */
function generalAssign(
  members: readonly string[],
  subscriptions: Subscriptions,
  partitions: readonly TopicPartition[],
  owned: Map<string, TopicPartition[]>,
): Assignment {
  const assignment = emptyAssignment(members);
  const assigned = new Set<string>();
  for (const member of members) {
    for (const tp of owned.get(member) ?? []) {
      getOwn(assignment, member)?.push(tp);
      assigned.add(tpKey(tp));
    }
  }
  const load = (member: string): number => getOwn(assignment, member)?.length ?? 0;
  const candidates = (tp: TopicPartition): string[] => members.filter((m) => subscribes(subscriptions, m, tp.topic));
  const leastLoaded = (list: readonly string[]): string | undefined =>
    [...list].sort((a, b) => load(a) - load(b) || compareIds(a, b))[0];

  const free = partitions
    .filter((tp) => !assigned.has(tpKey(tp)))
    .sort((a, b) => candidates(a).length - candidates(b).length || compareTopicPartitions(a, b));
  for (const tp of free) {
    const member = leastLoaded(candidates(tp));
    if (member !== undefined) getOwn(assignment, member)?.push(tp);
  }

  const findMove = (): { from: string; to: string; tp: TopicPartition } | undefined => {
    const byLoad = [...members].sort((a, b) => load(b) - load(a) || compareIds(a, b));
    for (const from of byLoad) {
      for (const tp of [...(getOwn(assignment, from) ?? [])].sort(compareTopicPartitions)) {
        const to = leastLoaded(candidates(tp).filter((m) => load(m) <= load(from) - 2));
        if (to !== undefined) return { from, to, tp };
      }
    }
    return undefined;
  };
  // Each move lowers the sum of squared loads, so this ends.
  for (let move = findMove(); move; move = findMove()) {
    const { from, to, tp } = move;
    setOwn(
      assignment,
      from,
      (getOwn(assignment, from) ?? []).filter((p) => tpKey(p) !== tpKey(tp)),
    );
    getOwn(assignment, to)?.push(tp);
  }
  return assignment;
}

/**
 * CooperativeStickyAssignor (`cooperative-sticky`): a balanced assignment that keeps as many
 * partitions with their previous owner as it can. Being cooperative, a partition moving from one
 * live member to another is only revoked in this rebalance; it is assigned in a follow-up one.
 * Partitions of members that left or whose session expired have no owner to wait for and are
 * assigned at once.
 */
export const cooperativeSticky: AssignorFn<CooperativeAssignment> = (members, subscriptions, partitions, previous) => {
  const sorted = [...members].sort(compareIds);
  const subscribed = [...partitions]
    .filter((tp) => sorted.some((m) => subscribes(subscriptions, m, tp.topic)))
    .sort(compareTopicPartitions);
  const owned = ownedPartitions(sorted, subscriptions, new Set(subscribed.map(tpKey)), previous);
  const target = sameSubscriptions(sorted, subscriptions)
    ? constrainedAssign(sorted, subscribed, owned)
    : generalAssign(sorted, subscriptions, subscribed, owned);

  // CooperativeStickyAssignor.adjustAssignment: hold back what another current member still owns.
  const previousOf = (member: string): Set<string> => new Set((getOwn(previous, member) ?? []).map(tpKey));
  const revokedSomewhere = new Set<string>();
  for (const member of sorted) {
    const targetKeys = new Set((getOwn(target, member) ?? []).map(tpKey));
    for (const key of previousOf(member)) if (!targetKeys.has(key)) revokedSomewhere.add(key);
  }
  const assignment = emptyAssignment(sorted);
  const revoked = emptyAssignment(sorted);
  for (const member of sorted) {
    const had = previousOf(member);
    setOwn(
      assignment,
      member,
      (getOwn(target, member) ?? []).filter((tp) => had.has(tpKey(tp)) || !revokedSomewhere.has(tpKey(tp))),
    );
    const keeps = new Set((getOwn(assignment, member) ?? []).map(tpKey));
    setOwn(
      revoked,
      member,
      (getOwn(previous, member) ?? []).filter((tp) => !keeps.has(tpKey(tp))),
    );
  }
  return { assignment, target, revoked };
};
