import { countOnEdge } from '../counters';
import type { SubscriberNode } from '../../flow';
import { getOwn, setOwn } from '../../lib/ownRecord';
import type { CloudEvent } from '../cloudEvent';
import type { StoredEvent } from '../eventsourcing';
import { Outcome, StepKind, type DeliverStep, type RebuildStep } from '../stepRecord';
import { virtualIso } from '../virtualTime';
import type { StoreSubscription } from './esState';
import { runHandler } from './handlerNode';
import type { RunContext } from './runContext';

// Projections and consumers wired to aggregates read the event store like a catch-up subscription:
// from a checkpoint (the next global position), one event per step, each the subscriber's latency
// after it was appended; a backlog (after a rebuild, or a slow reader) is read at once.

function subscriber(run: RunContext, nodeId: string): SubscriberNode | undefined {
  const node = run.node(nodeId);
  return node?.kind === 'consumer' || node?.kind === 'projection' ? node : undefined;
}

function subscriptionOf(run: RunContext, nodeId: string): StoreSubscription {
  let sub = getOwn(run.state.es.subscriptions, nodeId);
  if (!sub) {
    sub = { checkpoint: 0, scheduled: false };
    setOwn(run.state.es.subscriptions, nodeId, sub);
  }
  return sub;
}

/** Whether a stored event is one this subscriber reads: written by an aggregate wired to it, of a type it reads. */
function readsEvent(run: RunContext, node: SubscriberNode): ((event: StoredEvent) => boolean) | undefined {
  const sources = new Set(
    run.flow.edges.filter((e) => e.target === node.id && run.node(e.source)?.kind === 'aggregate').map((e) => e.source),
  );
  if (sources.size === 0) return undefined;
  const types = node.eventTypes && node.eventTypes.length > 0 ? new Set(node.eventTypes) : undefined;
  const owners = run.state.es.owners;
  return (event) => sources.has(getOwn(owners, event.streamId) ?? '') && (!types || types.has(event.type));
}

/** The first position at or after `from` holding an event this subscriber reads, if any. */
function nextEligible(run: RunContext, node: SubscriberNode, from: number): number | undefined {
  const reads = readsEvent(run, node);
  if (!reads) return undefined;
  const { log } = run.state.es.store;
  for (let p = from; p < log.length; p++) if (reads(log[p]!)) return p;
  return undefined;
}

/**
 * Events after the checkpoint this subscriber has still to read: how far its read model trails the
 * write side. Read-only (frames ask for it), in one pass over the unread part of the log.
 */
export function storeLag(run: RunContext, node: SubscriberNode): number {
  const reads = readsEvent(run, node);
  if (!reads) return 0;
  const { log } = run.state.es.store;
  let count = 0;
  for (let p = getOwn(run.state.es.subscriptions, node.id)?.checkpoint ?? 0; p < log.length; p++)
    if (reads(log[p]!)) count++;
  return count;
}

function wake(run: RunContext, node: SubscriberNode): void {
  const sub = subscriptionOf(run, node.id);
  if (sub.scheduled) return;
  const next = nextEligible(run, node, sub.checkpoint);
  if (next === undefined) return;
  sub.scheduled = true;
  const appendedAt = run.state.es.store.log[next]!.metadata.time;
  run.schedule({
    kind: 'store-read',
    time: Math.max(run.state.time, appendedAt + node.latencyMs),
    seq: 0,
    node: node.id,
  });
}

/** After an append: every subscriber wired to the aggregate reads on once its latency has passed. */
export function wakeStoreSubscribers(run: RunContext, aggregateId: string): void {
  for (const edge of run.outgoing(aggregateId)) {
    const node = subscriber(run, edge.target);
    if (node) wake(run, node);
  }
}

/** A stored event as the CloudEvent handlers receive. */
function toCloudEvent(event: StoredEvent, owner: string): CloudEvent {
  return {
    specversion: '1.0',
    id: event.metadata.eventId,
    source: `/aggregates/${owner}`,
    subject: event.streamId,
    type: event.type,
    time: virtualIso(event.metadata.time),
    datacontenttype: 'application/json',
    data: event.data,
    correlationid: event.metadata.correlationId,
    ...(event.metadata.causationId !== null ? { causationid: event.metadata.causationId } : {}),
    schemaversion: event.schemaVersion,
    sequence: event.version,
  };
}

/** A store-read step: the subscriber handles the next event it reads and moves its checkpoint past it. */
export function readStore(run: RunContext, node: SubscriberNode): DeliverStep | undefined {
  const sub = subscriptionOf(run, node.id);
  sub.scheduled = false;
  const position = nextEligible(run, node, sub.checkpoint);
  if (position === undefined) return undefined;
  const stored = run.state.es.store.log[position]!;
  const owner = getOwn(run.state.es.owners, stored.streamId) ?? '';
  const state = run.nodeState(node.id);
  state.counters.delivered++;
  const edge = run.edgeBetween(owner, node.id);
  if (edge) countOnEdge(run.state.edges, edge.id);
  const { error, logs } = runHandler(run, node, toCloudEvent(stored, owner), state.data, {
    stream: { id: stored.streamId, version: stored.version, position },
  });
  if (error === undefined) state.counters.handled++;
  else state.counters.failed++;
  sub.checkpoint = position + 1;
  wake(run, node);
  return {
    kind: StepKind.Deliver,
    step: run.state.step,
    time: run.state.time,
    node: node.id,
    topic: owner,
    offset: position,
    eventId: stored.metadata.eventId,
    eventType: stored.type,
    outcome: error === undefined ? Outcome.Handled : Outcome.Failed,
    ...(error !== undefined ? { error } : {}),
    ...(logs.length > 0 ? { logs } : {}),
  };
}

/** Rebuild: the read model is reset and the subscriber reads the event store again from position 0. */
export function rebuildReadModel(run: RunContext, node: SubscriberNode): RebuildStep {
  run.nodeState(node.id).data = {};
  const sub = subscriptionOf(run, node.id);
  sub.checkpoint = 0;
  const events = storeLag(run, node);
  wake(run, node);
  return { kind: StepKind.Rebuild, step: run.state.step, time: run.state.time, node: node.id, events };
}
