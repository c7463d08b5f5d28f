import { countOnEdge } from '../counters';
import type { PubSubNode, SubscriberNode } from '../../flow';
import { getOwn, setOwn } from '../../lib/ownRecord';
import { createPubSub, publish } from '../brokers/pubsub';
import type { CloudEvent } from '../cloudEvent';
import { Outcome, StepKind, type ChannelDeliverStep, type ChannelNote } from '../stepRecord';
import { connectionOf } from './amqpState';
import { runHandler } from './handlerNode';
import type { RunContext } from './runContext';

// Pub/sub keeps nothing: a message reaches the subscribers connected when it is published, each
// its latency later; with none it is gone, and a subscriber that crashes before handling loses it.

/** PUBLISH on a channel of a pub/sub node: a handle step is scheduled for every matching subscription. */
export function publishOnChannel(run: RunContext, node: PubSubNode, channel: string, event: CloudEvent): ChannelNote {
  let state = getOwn(run.state.amqp.pubsub, node.id);
  if (!state) {
    state = createPubSub();
    setOwn(run.state.amqp.pubsub, node.id, state);
  }
  const result = publish(state, channel);
  const counters = run.nodeState(node.id).counters;
  counters.published++;
  if (result.receivers === 0) counters.failed++;
  for (const delivery of result.deliveries) {
    counters.delivered++;
    const edge = run.edgeBetween(node.id, delivery.subscriber);
    if (edge) countOnEdge(run.state.edges, edge.id);
    const subscriber = run.node(delivery.subscriber);
    const latency = subscriber && 'latencyMs' in subscriber ? subscriber.latencyMs : 0;
    run.schedule({
      kind: 'pubsub-handle',
      time: run.state.time + latency,
      seq: 0,
      node: delivery.subscriber,
      pubsub: node.id,
      channel,
      ...(delivery.kind === 'pmessage' ? { pattern: delivery.pattern } : {}),
      event,
      incarnation: connectionOf(run.state.amqp, delivery.subscriber).incarnation,
    });
  }
  return { pubsub: node.id, channel, receivers: result.deliveries.map((d) => d.subscriber) };
}

/** The subscriber runs its handler on a message it received; nothing is acked or retried. */
export function handleChannelMessage(
  run: RunContext,
  node: SubscriberNode,
  action: { pubsub: string; channel: string; pattern?: string; event: CloudEvent; incarnation: number },
): ChannelDeliverStep | undefined {
  const connection = connectionOf(run.state.amqp, node.id);
  if (connection.crashed || connection.incarnation !== action.incarnation) return undefined;
  const state = run.nodeState(node.id);
  state.counters.delivered++;
  const channel = { name: action.channel, ...(action.pattern !== undefined ? { pattern: action.pattern } : {}) };
  const { error, logs } = runHandler(run, node, action.event, state.data, { channel });
  if (error === undefined) state.counters.handled++;
  else state.counters.failed++;
  return {
    kind: StepKind.ChannelDeliver,
    step: run.state.step,
    time: run.state.time,
    node: node.id,
    pubsub: action.pubsub,
    channel: action.channel,
    ...(action.pattern !== undefined ? { pattern: action.pattern } : {}),
    eventId: action.event.id,
    eventType: action.event.type,
    outcome: error === undefined ? Outcome.Handled : Outcome.Failed,
    ...(error !== undefined ? { error } : {}),
    ...(logs.length > 0 ? { logs } : {}),
  };
}
