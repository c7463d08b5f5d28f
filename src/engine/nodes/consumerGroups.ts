import { type SubscriberNode, FlowDefaults } from '../../flow';
import { getOwn, setOwn } from '../../lib/ownRecord';
import {
  createGroup,
  expireSessions,
  highWatermark,
  join,
  leave,
  crash,
  partitionCountsChanged,
  firstRecordFrom,
  partitionKey,
  resetOffsets,
  type ResetTarget,
  rebalance,
  RebalanceReason,
  tpKey,
  type Assignment,
  type ConsumerGroupState,
  type GroupOutcome,
} from '../brokers/kafka';
import { StepKind, type ConsumerStep, type OffsetsResetStep, type RebalanceStep, type StepRecord } from '../stepRecord';
import { memberNode, type MemberState } from './kafkaState';
import type { RunContext } from './runContext';

// Every consumer and projection wired to a topic is a member of a consumer group (its own id
// unless it names one). Groups form silently when a run starts; later joins, leaves, crashes and
// session expiries are rebalance steps in the log.

const groupIdOf = (node: SubscriberNode): string => node.group ?? node.id;

/** The topic node ids a subscriber reads. */
export function subscribedTopics(run: RunContext, nodeId: string): string[] {
  return run.flow.edges
    .filter((e) => e.target === nodeId && run.node(e.source)?.kind === 'topic')
    .map((e) => e.source)
    .sort();
}

function subscribers(run: RunContext): SubscriberNode[] {
  return run.flow.nodes.filter(
    (n): n is SubscriberNode =>
      (n.kind === 'consumer' || n.kind === 'projection') && subscribedTopics(run, n.id).length > 0,
  );
}

/** The group a subscriber is a member of (created on first use), set up with that subscriber's settings. */
function groupFor(run: RunContext, node: SubscriberNode): ConsumerGroupState {
  const id = getOwn(run.state.kafka.members, node.id)?.group ?? groupIdOf(node);
  let group = getOwn(run.state.kafka.groups, id);
  if (!group) {
    group = createGroup(id, node.assignor ?? FlowDefaults.assignor);
    setOwn(run.state.kafka.groups, id, group);
  }
  actAs(group, node);
  return group;
}

const byNode = (assignment: Assignment): Record<string, string[]> =>
  Object.fromEntries(Object.entries(assignment).map(([member, tps]) => [memberNode(member), tps.map(tpKey)]));

/** Turns a group outcome into a rebalance step (and wakes the members), or schedules the session expiry it waits for. */
function settle(
  run: RunContext,
  group: ConsumerGroupState,
  outcome: GroupOutcome | undefined,
): RebalanceStep | undefined {
  if (!outcome) return undefined;
  if (outcome.kind === 'waiting') {
    run.schedule({ kind: 'session-expiry', time: outcome.sessionExpiresAt, seq: 0, node: '', group: group.groupId });
    return undefined;
  }
  const { event } = outcome;
  if (event.followUpRequired)
    run.schedule({ kind: 'group-sync', time: run.state.time, seq: 0, node: '', group: group.groupId });
  for (const member of group.members) if (!member.crashed) wake(run, memberNode(member.id));
  return {
    kind: StepKind.Rebalance,
    step: run.state.step,
    time: run.state.time,
    node: '',
    group: group.groupId,
    generation: event.generation,
    reason: event.reason,
    before: byNode(event.before),
    after: byNode(event.after),
  };
}

function memberOf(run: RunContext, node: SubscriberNode): MemberState {
  let member = getOwn(run.state.kafka.members, node.id);
  if (!member) {
    member = { group: groupIdOf(node), memberId: `${node.id}#0`, incarnation: 0, crashed: false, scheduled: false };
    setOwn(run.state.kafka.members, node.id, member);
  }
  return member;
}

/**
 * Kafka's consumer settings belong to each consumer, but this module keeps them on the group: they
 * are set from the member about to act, so each member polls, commits and crashes by its own.
 */
function actAs(group: ConsumerGroupState, node: SubscriberNode): void {
  const enableAutoCommit = (node.commit ?? FlowDefaults.commit) === 'auto';
  const autoCommitIntervalMs = node.autoCommitIntervalMs ?? FlowDefaults.autoCommitIntervalMs;
  const sessionTimeoutMs = node.sessionTimeoutMs ?? FlowDefaults.sessionTimeoutMs;
  const autoOffsetReset = node.offsetReset ?? FlowDefaults.offsetReset;
  const c = group.config;
  // Called on every fetch: allocate only when this member's settings differ from the last one's.
  if (
    c.enableAutoCommit !== enableAutoCommit ||
    c.autoCommitIntervalMs !== autoCommitIntervalMs ||
    c.sessionTimeoutMs !== sessionTimeoutMs ||
    c.autoOffsetReset !== autoOffsetReset
  ) {
    group.config = { autoOffsetReset, enableAutoCommit, autoCommitIntervalMs, sessionTimeoutMs };
  }
  if (node.assignor && group.assignor !== node.assignor) group.assignor = node.assignor;
}

/** Joins a subscriber to its group; the outcome is a rebalance (or a wait for a crashed member's session). */
function joinGroup(run: RunContext, node: SubscriberNode): { group: ConsumerGroupState; outcome: GroupOutcome } {
  const member = memberOf(run, node);
  const group = groupFor(run, node);
  return {
    group,
    outcome: join(
      group,
      run.state.kafka.topics,
      { id: member.memberId, topics: subscribedTopics(run, node.id) },
      run.state.time,
    ),
  };
}

/** At the start of a run every subscriber joins its group; these first assignments are not steps. */
export function formGroups(run: RunContext): void {
  for (const node of subscribers(run)) {
    const { group, outcome } = joinGroup(run, node);
    settle(run, group, outcome);
  }
}

/**
 * After an edit: subscribers that appeared join, those that disappeared (or lost every topic) leave,
 * and groups whose topics gained partitions rebalance; each is a group-sync step.
 */
export function syncGroups(run: RunContext): void {
  const present = new Set(subscribers(run).map((n) => n.id));
  const touched = new Set<string>();
  for (const [nodeId, member] of Object.entries(run.state.kafka.members)) {
    if (present.has(nodeId) || member.crashed) continue;
    for (const group of Object.values(run.state.kafka.groups)) {
      if (!group.members.some((m) => m.id === member.memberId)) continue;
      touched.add(group.groupId);
      run.schedule({
        kind: 'group-sync',
        time: run.state.time,
        seq: 0,
        node: '',
        group: group.groupId,
        leave: member.memberId,
      });
    }
    delete run.state.kafka.members[nodeId];
  }
  for (const node of subscribers(run)) {
    const member = getOwn(run.state.kafka.members, node.id);
    if (member && member.group === groupIdOf(node)) continue;
    if (member) {
      // Moved to another group: it leaves the old one and joins the new one as a new member.
      if (!member.crashed)
        run.schedule({
          kind: 'group-sync',
          time: run.state.time,
          seq: 0,
          node: '',
          group: member.group,
          leave: member.memberId,
        });
      touched.add(member.group);
      member.group = groupIdOf(node);
      member.incarnation++;
      member.memberId = `${node.id}#${member.incarnation}`;
      member.crashed = false;
      delete member.inflight;
    } else {
      memberOf(run, node);
    }
    run.schedule({ kind: 'group-sync', time: run.state.time, seq: 0, node: node.id, group: groupIdOf(node) });
    touched.add(groupIdOf(node));
  }
  for (const group of Object.values(run.state.kafka.groups)) {
    if (!touched.has(group.groupId) && partitionCountsChanged(group, run.state.kafka.topics))
      run.schedule({ kind: 'group-sync', time: run.state.time, seq: 0, node: '', group: group.groupId });
  }
}

/** A group-sync step: a member joining (node set), leaving (leave set), or a rebalance with no membership change. */
export function groupSync(
  run: RunContext,
  action: { node: string; group: string; leave?: string },
): StepRecord | undefined {
  const node = run.node(action.node);
  if (node && (node.kind === 'consumer' || node.kind === 'projection')) {
    const { group, outcome } = joinGroup(run, node);
    return settle(run, group, outcome);
  }
  const group = getOwn(run.state.kafka.groups, action.group);
  if (!group) return undefined;
  if (action.leave !== undefined)
    return settle(run, group, leave(group, run.state.kafka.topics, action.leave, run.state.time));
  const reason =
    group.pendingRebalance?.reason === RebalanceReason.FollowUp
      ? RebalanceReason.FollowUp
      : RebalanceReason.PartitionsChanged;
  return settle(run, group, rebalance(group, run.state.kafka.topics, run.state.time, reason));
}

export function sessionExpiry(run: RunContext, groupId: string): StepRecord | undefined {
  const group = getOwn(run.state.kafka.groups, groupId);
  return group ? settle(run, group, expireSessions(group, run.state.kafka.topics, run.state.time)) : undefined;
}

/** A person crashed a consumer (it stops without leaving) or restarted it (it joins with a new member id). */
export function controlConsumer(run: RunContext, node: SubscriberNode, action: 'crash' | 'restart'): ConsumerStep {
  const member = memberOf(run, node);
  const group = groupFor(run, node);
  const base = {
    kind: StepKind.Consumer,
    step: run.state.step,
    time: run.state.time,
    node: node.id,
    action,
    group: group.groupId,
  } as const;
  if (action === 'crash') {
    if (member.crashed || !group.members.some((m) => m.id === member.memberId)) return base;
    const { sessionExpiresAt } = crash(group, member.memberId, run.state.time);
    member.crashed = true;
    delete member.inflight;
    run.schedule({ kind: 'session-expiry', time: sessionExpiresAt, seq: 0, node: '', group: group.groupId });
    return { ...base, sessionExpiresAt };
  }
  if (!member.crashed) return base;
  member.crashed = false;
  member.incarnation++;
  member.memberId = `${node.id}#${member.incarnation}`;
  run.schedule({ kind: 'group-sync', time: run.state.time, seq: 0, node: node.id, group: group.groupId });
  return base;
}

/** Schedules a fetch at `at` (virtual ms) for a member with none scheduled. */
function wakeAt(run: RunContext, member: MemberState, nodeId: string, at: number): void {
  member.scheduled = true;
  run.schedule({ kind: 'fetch', time: Math.max(run.state.time, at), seq: 0, node: nodeId });
}

/**
 * Schedules the member's next fetch when a record waits on its partitions: a record reaches a
 * consumer its latency after it was appended, so the fetch is due then (or now, for a backlog).
 */
export function wake(run: RunContext, nodeId: string): void {
  const member = getOwn(run.state.kafka.members, nodeId);
  if (!member || member.crashed || member.scheduled) return;
  const node = run.node(nodeId);
  if (!node || (node.kind !== 'consumer' && node.kind !== 'projection')) return;
  const group = getOwn(run.state.kafka.groups, groupIdOf(node));
  const assigned = getOwn(group?.assignment, member.memberId);
  if (!group || !assigned) return;
  let due: number | undefined;
  for (const tp of assigned) {
    const log = getOwn(run.state.kafka.topics, tp.topic)?.partitions[tp.partition];
    const position = group.positions[partitionKey(tp.topic, tp.partition)];
    if (!log || position === undefined || position >= highWatermark(log)) continue;
    const next = firstRecordFrom(log, Math.max(position, log.logStartOffset));
    const at = (next?.timestamp ?? run.state.time) + node.latencyMs;
    if (due === undefined || at < due) due = at;
  }
  if (due !== undefined) wakeAt(run, member, nodeId, due);
}

/** After an append: the owner of that partition in each group reading the topic fetches after its latency. */
export function wakeOwners(run: RunContext, topicId: string, partition: number): void {
  // On every append: plain loops, no lists or keys built.
  const groups = run.state.kafka.groups;
  for (const groupId in groups) {
    const assignment = groups[groupId]!.assignment;
    for (const memberId in assignment) {
      for (const tp of assignment[memberId]!) {
        if (tp.topic !== topicId || tp.partition !== partition) continue;
        wake(run, memberNode(memberId));
        break;
      }
    }
  }
}

export { groupFor, memberOf };

/** Resets a group's committed offsets on every topic its subscribers read; refused while it has members. */
export function resetGroupOffsets(run: RunContext, groupId: string, target: ResetTarget): OffsetsResetStep {
  const described =
    target.to === 'offset'
      ? `offset ${target.offset}`
      : target.to === 'timestamp'
        ? `timestamp ${target.timestamp}`
        : target.to;
  const base = {
    kind: StepKind.OffsetsReset,
    step: run.state.step,
    time: run.state.time,
    node: '',
    group: groupId,
    target: described,
  } as const;
  const group = getOwn(run.state.kafka.groups, groupId);
  if (!group) return { ...base, error: `no consumer group ${groupId}` };
  const topics = [
    ...new Set(
      subscribers(run)
        .filter((n) => groupIdOf(n) === groupId)
        .flatMap((n) => subscribedTopics(run, n.id)),
    ),
  ].sort();
  const result = resetOffsets(group, run.state.kafka.topics, target, topics);
  return result.ok ? { ...base, offsets: result.offsets } : { ...base, error: result.error };
}
