import { countOnEdge } from '../counters';
import { type SubscriberNode, FlowDefaults } from '../../flow';
import { commit, partitionKey, pollOne, type ConsumerGroupState } from '../brokers/kafka';
import type { CloudEvent } from '../cloudEvent';
import { errorMessage } from '../code/errorMessage';
import type { HandlerContext } from '../code/handlerContext';
import { deepFreeze } from '../deepFreeze';
import { Outcome, StepKind, type CommitStep, type DeliverStep } from '../stepRecord';
import { groupFor, memberOf, wake } from './consumerGroups';
import { currentSchemaVersion, readAsCurrent } from './eventSchemas';
import { policyOutbox } from './policy';
import type { RunContext } from './runContext';
import type { Writable } from '../../lib/writable';
import { getOwn } from '../../lib/ownRecord';

// Consumers and projections read topics as members of a consumer group: a fetch polls one record
// from the member's partitions and runs the node's handler with a context over its own JSON state
// (a projection's state is its read model). How offsets are committed decides what a crash costs.

const DEFAULT_HANDLER = 'function handle(event, ctx) {}\n';

type ContextExtras = Partial<Pick<HandlerContext, 'record' | 'message' | 'reply' | 'nack' | 'channel' | 'stream'>>;
const NO_EXTRAS: ContextExtras = Object.freeze({});
const NO_LOGS: readonly string[] = Object.freeze([]);

/** Runs `handle(event, ctx)` once; the state object is mutated in place by the handler. */
export function runHandler(
  run: RunContext,
  node: SubscriberNode,
  event: CloudEvent,
  data: Record<string, unknown>,
  extras: ContextExtras = NO_EXTRAS,
): { error?: string; logs: readonly string[] } {
  const compiled = run.code.handler(getOwn(run.flow.code, node.id) ?? DEFAULT_HANDLER);
  if (!compiled.ok) return { error: `handler does not compile: ${compiled.error}`, logs: NO_LOGS };
  const current = asCurrentVersion(run, event);
  if (typeof current === 'string') return { error: current, logs: NO_LOGS };
  const outbox = policyOutbox(run, node, current);
  const calls = run.handlerCalls;
  const ctx: HandlerContext = {
    now: calls.now,
    random: calls.random,
    log: calls.log,
    state: data,
    node: calls.nodeInfo(node),
  };
  if (extras !== NO_EXTRAS) Object.assign(ctx, extras);
  if (outbox) ctx.send = outbox.send;
  calls.begin();
  try {
    // Snapshots hold structured clones, which are not frozen: freeze again before user code sees the event.
    compiled.handle(deepFreeze(current), ctx);
    // Commands go out only from a handler that finished, so a failed delivery sends nothing.
    if (outbox) for (const line of outbox.flush()) calls.log(line);
    return { logs: calls.takeLogs() };
  } catch (error) {
    return { error: errorMessage(error), logs: calls.takeLogs() };
  }
}

/** The event as its type's newest schema version: written with an older one, its data is upcast (a copy); or why it cannot be read. */
function asCurrentVersion(run: RunContext, event: CloudEvent): CloudEvent | string {
  if (event.schemaversion === undefined) return event;
  const read = readAsCurrent(run.code, run.flow, event.type, event.schemaversion, event.data);
  if (!read.ok) return `cannot read ${event.type} v${event.schemaversion}: ${read.error}`;
  if (read.data === event.data) return event;
  return { ...event, data: read.data, schemaversion: currentSchemaVersion(run.flow, event.type) };
}

interface Fetched {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly event: CloudEvent;
}

function countDelivery(run: RunContext, node: SubscriberNode, topic: string): void {
  run.nodeState(topic).counters.delivered++;
  run.nodeState(node.id).counters.delivered++;
  const edge = run.edgeBetween(topic, node.id);
  if (edge) countOnEdge(run.state.edges, edge.id);
}

/** The deliver record of a fetched record; the caller adds the outcome's details after these fields. */
function deliverStep(run: RunContext, node: SubscriberNode, fetched: Fetched, outcome: Outcome): Writable<DeliverStep> {
  return {
    kind: StepKind.Deliver,
    step: run.state.step,
    time: run.state.time,
    node: node.id,
    topic: fetched.topic,
    partition: fetched.partition,
    offset: fetched.offset,
    eventId: fetched.event.id,
    eventType: fetched.event.type,
    outcome,
  };
}

/** Runs the handler on a fetched record; `committed` is what an auto-commit before it committed. */
function handleRecord(
  run: RunContext,
  node: SubscriberNode,
  fetched: Fetched,
  committed?: Readonly<Record<string, number>>,
): DeliverStep {
  const state = run.nodeState(node.id);
  const where = {
    topic: fetched.topic,
    partition: fetched.partition,
    offset: fetched.offset,
    key: fetched.event.partitionkey ?? null,
  };
  const { error, logs } = runHandler(run, node, fetched.event, state.data, { record: where });
  if (error === undefined) state.counters.handled++;
  else state.counters.failed++;
  const record = deliverStep(run, node, fetched, error === undefined ? Outcome.Handled : Outcome.Failed);
  if (committed) record.committed = committed;
  if (error !== undefined) record.error = error;
  if (logs.length > 0) record.logs = logs;
  return record;
}

const isLiveMember = (group: ConsumerGroupState, memberId: string): boolean => {
  for (const m of group.members) if (m.id === memberId) return !m.crashed;
  return false;
};

/** A fetch step: poll one record; handle it now, or (commit before handling) commit it and handle it next. */
export function fetchRecord(run: RunContext, node: SubscriberNode): DeliverStep | undefined {
  const member = memberOf(run, node);
  member.scheduled = false;
  if (member.crashed || member.inflight) return undefined;
  const group = groupFor(run, node);
  if (!isLiveMember(group, member.memberId)) return undefined;
  const polled = pollOne(group, run.state.kafka.topics, member.memberId, run.state.time);
  if (!polled) return undefined;
  const autoCommitted = polled.autoCommitted;
  const fetched: Fetched = {
    topic: polled.topic,
    partition: polled.partition,
    offset: polled.record.offset,
    event: polled.record.value as CloudEvent,
  };
  countDelivery(run, node, fetched.topic);
  const key = partitionKey(fetched.topic, fetched.partition);
  const mode = node.commit ?? FlowDefaults.commit;
  if (mode === 'before') {
    commit(group, { topic: fetched.topic, partition: fetched.partition }, fetched.offset + 1, member.memberId);
    member.inflight = fetched;
    run.schedule({ kind: 'handle', time: run.state.time, seq: 0, node: node.id });
    const record = deliverStep(run, node, fetched, Outcome.Handled);
    record.fetchedOnly = true;
    record.committed = { ...(autoCommitted ?? {}), [key]: fetched.offset + 1 };
    return record;
  }
  const record = handleRecord(run, node, fetched, autoCommitted && hasKeys(autoCommitted) ? autoCommitted : undefined);
  if (mode === 'after') {
    run.schedule({
      kind: 'commit',
      time: run.state.time,
      seq: 0,
      node: node.id,
      memberId: member.memberId,
      offsets: { [key]: fetched.offset + 1 },
    });
  } else {
    wake(run, node.id);
  }
  return record;
}

function hasKeys(object: object): boolean {
  for (const _ in object) return true;
  return false;
}

/** Commit-before mode: the record fetched (and committed) in the previous step is handled now. */
export function handleInflight(run: RunContext, node: SubscriberNode): DeliverStep | undefined {
  const member = memberOf(run, node);
  const fetched = member.inflight;
  if (!fetched || member.crashed) return undefined;
  delete member.inflight;
  const record = handleRecord(run, node, fetched);
  wake(run, node.id);
  return record;
}

/** Commit-after mode: the handled record's offset is committed as its own step (a crash before it redelivers). */
export function commitAfter(
  run: RunContext,
  node: SubscriberNode,
  memberId: string,
  offsets: Readonly<Record<string, number>>,
): CommitStep | undefined {
  const member = memberOf(run, node);
  if (member.crashed || member.memberId !== memberId) return undefined;
  const group = groupFor(run, node);
  const done: Record<string, number> = {};
  for (const [key, offset] of Object.entries(offsets)) {
    const colon = key.lastIndexOf(':');
    if (commit(group, { topic: key.slice(0, colon), partition: Number(key.slice(colon + 1)) }, offset, memberId).ok)
      done[key] = offset;
  }
  wake(run, node.id);
  if (Object.keys(done).length === 0) return undefined;
  return {
    kind: StepKind.Commit,
    step: run.state.step,
    time: run.state.time,
    node: node.id,
    group: group.groupId,
    offsets: done,
  };
}
