import { type SubscriberNode, FlowDefaults } from '../../flow';
import { ownEntry } from '../../lib/ownRecord';
import { addConsumer, crashConsumer, type Consumer } from '../brokers/amqp';
import { createPubSub, disconnect, psubscribe, subscribe } from '../brokers/pubsub';
import { connectionOf, queueConfig } from './amqpState';
import { newEffects, pump, queueState, settleRemovals, type Effects } from './queues';
import type { RunContext } from './runContext';

// Consumers are attached to queues, and subscribers to pub/sub channels, by the flow's edges: when
// the run starts and after every edit the broker's side is brought in line with the canvas.

const GLOB = /[*?[]/;

function wiredFrom(run: RunContext, sourceId: string): SubscriberNode[] {
  const found: SubscriberNode[] = [];
  for (const edge of run.outgoing(sourceId)) {
    const target = run.node(edge.target);
    if ((target?.kind === 'consumer' || target?.kind === 'projection') && !found.includes(target)) found.push(target);
  }
  return found;
}

const consumerOf = (node: SubscriberNode): Consumer => ({
  tag: node.id,
  prefetch: node.prefetch ?? FlowDefaults.prefetch,
  ...((node.ack ?? FlowDefaults.ack) === 'auto' ? { autoAck: true } : {}),
});

/** The queue's consumers follow its edges: a consumer gone from the canvas closes its channel (its unacked requeue). */
function syncQueue(run: RunContext, queueId: string, effects: Effects): void {
  const node = run.node(queueId);
  if (node?.kind !== 'queue') return;
  const q = queueState(run, queueId);
  const wanted = wiredFrom(run, queueId).filter((n) => !connectionOf(run.state.amqp, n.id).crashed);
  for (const consumer of [...q.consumers]) {
    const now = wanted.find((n) => n.id === consumer.tag);
    if (now) {
      // A new prefetch (basic.qos) applies to the next deliveries; nothing held is requeued.
      const next = consumerOf(now);
      q.consumers = q.consumers.map((c) => (c.tag === next.tag ? next : c));
      if (q.blocked.includes(next.tag)) {
        q.blocked = q.blocked.filter((t) => t !== next.tag);
        q.roundRobin.push(next.tag);
      }
      continue;
    }
    const { removed } = crashConsumer(q, consumer.tag, run.state.time, queueConfig(node));
    settleRemovals(run, queueId, removed, effects);
    delete connectionOf(run.state.amqp, consumer.tag).busy[queueId];
  }
  for (const n of wanted) if (!q.consumers.some((c) => c.tag === n.id)) addConsumer(q, consumerOf(n));
  pump(run, queueId, effects);
}

/** A pub/sub node's subscriptions are its edges to subscribers that are up: exact channels or glob patterns. */
function syncPubSub(run: RunContext, pubsubId: string): void {
  const state = ownEntry(run.state.amqp.pubsub, pubsubId, createPubSub);
  state.subscriptions = [];
  for (const edge of run.outgoing(pubsubId)) {
    const target = run.node(edge.target);
    if (
      (target?.kind !== 'consumer' && target?.kind !== 'projection') ||
      connectionOf(run.state.amqp, target.id).crashed
    )
      continue;
    const channel = edge.channel ?? FlowDefaults.channelPattern;
    if (GLOB.test(channel)) psubscribe(state, target.id, channel);
    else subscribe(state, target.id, channel);
  }
}

/** After the run starts or the flow changes: queues, consumers and subscriptions as the canvas shows them. */
export function syncBrokers(run: RunContext): void {
  const amqp = run.state.amqp;
  for (const id of Object.keys(amqp.queues)) {
    if (run.node(id)?.kind !== 'queue') {
      delete amqp.queues[id];
      delete amqp.expiries[id];
    }
  }
  for (const id of Object.keys(amqp.pubsub)) if (run.node(id)?.kind !== 'pubsub') delete amqp.pubsub[id];
  for (const id of Object.keys(amqp.requests)) if (run.node(id)?.kind !== 'producer') delete amqp.requests[id];
  for (const id of Object.keys(amqp.connections)) {
    const kind = run.node(id)?.kind;
    if (kind !== 'consumer' && kind !== 'projection') delete amqp.connections[id];
  }
  const effects = newEffects();
  for (const node of run.flow.nodes) {
    if (node.kind === 'queue') syncQueue(run, node.id, effects);
    if (node.kind === 'pubsub') syncPubSub(run, node.id);
  }
}

/** Whether the node consumes from a queue or subscribes on a pub/sub node. */
export function usesAmqpOrPubSub(run: RunContext, nodeId: string): boolean {
  return run.flow.edges.some(
    (e) => e.target === nodeId && (run.node(e.source)?.kind === 'queue' || run.node(e.source)?.kind === 'pubsub'),
  );
}

/**
 * Its connection dies: every queue requeues what it held unacked (redelivered), and what it had
 * taken without acks (auto-ack deliveries) or received on channels is lost. Restart reconnects.
 */
export function crashConnection(run: RunContext, nodeId: string): { requeued: number; lost: number } {
  const connection = connectionOf(run.state.amqp, nodeId);
  if (connection.crashed) return { requeued: 0, lost: 0 };
  const lost =
    Object.values(connection.inbox).reduce((sum, items) => sum + items.length, 0) +
    run.state.queue.filter((a) => a.kind === 'pubsub-handle' && a.node === nodeId).length;
  let requeued = 0;
  const effects = newEffects();
  for (const [queueId, q] of Object.entries(run.state.amqp.queues)) {
    const node = run.node(queueId);
    if (node?.kind !== 'queue' || !q.consumers.some((c) => c.tag === nodeId)) continue;
    const result = crashConsumer(q, nodeId, run.state.time, queueConfig(node));
    requeued += result.requeued.length;
    settleRemovals(run, queueId, result.removed, effects);
  }
  connection.crashed = true;
  connection.incarnation++;
  connection.busy = {};
  connection.inbox = {};
  for (const state of Object.values(run.state.amqp.pubsub)) disconnect(state, nodeId);
  // Requeued messages go to the queues' other consumers at once.
  for (const queueId of Object.keys(run.state.amqp.queues)) pump(run, queueId, effects);
  return { requeued, lost };
}

export function restartConnection(run: RunContext, nodeId: string): void {
  const connection = connectionOf(run.state.amqp, nodeId);
  if (!connection.crashed) return;
  connection.crashed = false;
  syncBrokers(run);
}
