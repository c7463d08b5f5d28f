import { type SubscriberNode, FlowDefaults } from '../../flow';
import { getOwn } from '../../lib/ownRecord';
import { ack, buildReply, matchReply, nack, type QueuedMessage } from '../brokers/amqp';
import type { CloudEvent } from '../cloudEvent';
import type { AmqpDeliveryInfo } from '../code/handlerContext';
import { deepFreeze } from '../deepFreeze';
import { nextUuid } from '../random';
import { Outcome, StepKind, type AmqpRoute, type QueueDeliverStep, type Settlement } from '../stepRecord';
import { virtualIso } from '../virtualTime';
import { connectionOf, queueConfig } from './amqpState';
import { runHandler } from './handlerNode';
import { newEffects, publishMessage, pump, scheduleHandle, settleRemovals, type Effects } from './queues';
import type { RunContext } from './runContext';

// An AMQP consumer handles its deliveries from a queue one at a time, oldest first, each its
// latency after the previous; a handler that returns acks, one that throws nacks (requeue or
// dead-letter, per setting), and ctx.nack() settles negatively without throwing.

interface Taken {
  readonly deliveryTag: number;
  readonly message: QueuedMessage;
  readonly event: CloudEvent;
  /** Taken from the auto-ack inbox: the broker already counts it as acked. */
  readonly autoAcked: boolean;
}

/** The oldest delivery the consumer holds from the queue: its unacked head, or its auto-ack inbox head. */
function takeNext(run: RunContext, node: SubscriberNode, queueId: string): Taken | undefined {
  const connection = connectionOf(run.state.amqp, node.id);
  const inbox = getOwn(connection.inbox, queueId);
  if (inbox && inbox.length > 0) {
    const item = inbox.shift()!;
    if (inbox.length === 0) delete connection.inbox[queueId];
    return { ...item, event: item.message.body as CloudEvent, autoAcked: true };
  }
  const held = getOwn(getOwn(run.state.amqp.queues, queueId)?.unacked, node.id)?.[0];
  return held ? { ...held, event: held.message.body as CloudEvent, autoAcked: false } : undefined;
}

/** The reply event a responder sends: same conversation as the request, caused by it. */
function replyEvent(
  run: RunContext,
  node: SubscriberNode,
  request: CloudEvent,
  data: unknown,
  type: string | undefined,
): CloudEvent {
  const state = run.nodeState(node.id);
  state.sequence++;
  return deepFreeze({
    specversion: '1.0',
    id: nextUuid(run.state.random),
    source: `/consumers/${node.id}`,
    type: type ?? `${request.type}Reply`,
    time: virtualIso(run.state.time),
    datacontenttype: 'application/json',
    data,
    correlationid: request.correlationid,
    causationid: request.id,
    sequence: state.sequence,
  });
}

/** Producers waiting on replies in this queue: the message is matched to their request by correlation id. */
function matchAsReply(run: RunContext, queueId: string, taken: Taken): QueueDeliverStep['replyOf'] {
  for (const [producer, pending] of Object.entries(run.state.amqp.requests)) {
    const node = run.node(producer);
    if (node?.kind !== 'producer' || node.replyTo !== queueId) continue;
    const match = matchReply(pending, taken.message);
    return match.kind === 'matched'
      ? { producer, matched: true, roundTripMs: run.state.time - match.request.sentAt }
      : { producer, matched: false };
  }
  return undefined;
}

function settle(
  run: RunContext,
  node: SubscriberNode,
  queueId: string,
  taken: Taken,
  failed: boolean,
  nackRequeue: boolean | undefined,
  effects: Effects,
): Settlement {
  const queueNode = run.node(queueId);
  const q = getOwn(run.state.amqp.queues, queueId);
  if (queueNode?.kind !== 'queue' || !q) return 'drop';
  if (taken.autoAcked) return 'auto-ack';
  const config = queueConfig(queueNode);
  const negative = failed || nackRequeue !== undefined;
  if (!negative) {
    ack(q, node.id, taken.deliveryTag);
    run.nodeState(queueId).counters.handled++;
    return 'ack';
  }
  const requeue = nackRequeue ?? (node.onError ?? FlowDefaults.onError) === 'requeue';
  const result = nack(q, node.id, taken.deliveryTag, { requeue }, run.state.time, config);
  if (!result.ok) return 'drop';
  settleRemovals(run, queueId, result.removed, effects);
  if (requeue) return 'requeue';
  return config.deadLetterExchange !== undefined ? 'dead-letter' : 'drop';
}

/** A queue-handle step: the consumer runs its handler on its oldest delivery from the queue and settles it. */
export function handleQueueDelivery(
  run: RunContext,
  node: SubscriberNode,
  queueId: string,
  incarnation: number,
): QueueDeliverStep | undefined {
  const connection = connectionOf(run.state.amqp, node.id);
  if (connection.incarnation !== incarnation) return undefined;
  delete connection.busy[queueId];
  if (connection.crashed) return undefined;
  const taken = takeNext(run, node, queueId);
  if (!taken) return undefined;
  const effects = newEffects();
  const replies: { data: unknown; type: string | undefined }[] = [];
  let nackRequeue: boolean | undefined;
  const message: AmqpDeliveryInfo = {
    queue: queueId,
    exchange: taken.message.exchange,
    routingKey: taken.message.routingKey,
    headers: taken.message.headers,
    redelivered: taken.message.redelivered,
    deliveryTag: taken.deliveryTag,
    ...(taken.message.replyTo !== undefined ? { replyTo: taken.message.replyTo } : {}),
    ...(taken.message.correlationId !== undefined ? { correlationId: taken.message.correlationId } : {}),
  };
  const state = run.nodeState(node.id);
  state.counters.delivered++;
  const { error, logs } = runHandler(run, node, taken.event, state.data, {
    message,
    reply: (data, type) => void replies.push({ data, type }),
    nack: (options) => void (nackRequeue = options?.requeue ?? false),
  });
  if (error === undefined) state.counters.handled++;
  else state.counters.failed++;
  const replyOf = matchAsReply(run, queueId, taken);
  const settlement = settle(run, node, queueId, taken, error !== undefined, nackRequeue, effects);
  // A reply is sent only by a handler that finished: one that threw answered nothing.
  let reply: AmqpRoute | undefined;
  let replyEventId: string | undefined;
  const first = replies[0];
  if (error === undefined && first) {
    const event = replyEvent(run, node, taken.event, first.data, first.type);
    const replyMessage = buildReply(taken.message, { id: event.id, body: event });
    if (replyMessage) {
      reply = publishMessage(run, replyMessage, false, effects);
      replyEventId = event.id;
    }
  }
  pump(run, queueId, effects);
  scheduleHandle(run, node.id, queueId);
  return {
    kind: StepKind.QueueDeliver,
    step: run.state.step,
    time: run.state.time,
    node: node.id,
    queue: queueId,
    deliveryTag: taken.deliveryTag,
    eventId: taken.event.id,
    eventType: taken.event.type,
    routingKey: taken.message.routingKey,
    redelivered: taken.message.redelivered,
    outcome: error === undefined ? Outcome.Handled : Outcome.Failed,
    settle: settlement,
    ...(error !== undefined ? { error } : {}),
    ...(logs.length > 0 ? { logs } : {}),
    ...(effects.deaths.length > 0 ? { deaths: effects.deaths } : {}),
    ...(reply ? { reply } : {}),
    ...(replyEventId !== undefined ? { replyEventId } : {}),
    ...(replyOf ? { replyOf } : {}),
  };
}
