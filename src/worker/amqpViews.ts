import { unackedCount, type QueuedMessage, type AmqpState } from '../engine';
import { setOwn } from '../lib/ownRecord';
import { QUEUE_HEAD_ROWS, type ChannelView, type QueueView, type QueuedMessageView } from '../protocol';

function messageView(message: QueuedMessage): QueuedMessageView {
  const latest = message.deaths?.[0];
  const count = message.deaths?.reduce((sum, d) => sum + d.count, 0) ?? 0;
  return {
    id: message.id,
    eventType: (message.body as { type?: string } | null)?.type ?? '',
    routingKey: message.routingKey,
    redelivered: message.redelivered,
    ...(message.expiresAt !== undefined ? { expiresAt: message.expiresAt } : {}),
    ...(latest ? { deaths: { count, queue: latest.queue, reason: latest.reason } } : {}),
  };
}

/** What the UI shows of queues (depth, unacked per consumer, the head) and pub/sub nodes. */
export function amqpViews(amqp: AmqpState): {
  queues: Record<string, QueueView>;
  channels: Record<string, ChannelView>;
  disconnected: string[];
} {
  const queues: Record<string, QueueView> = {};
  for (const [id, q] of Object.entries(amqp.queues)) {
    setOwn(queues, id, {
      ready: q.ready.length,
      unacked: unackedCount(q),
      consumers: q.consumers.map((c) => ({
        node: c.tag,
        unacked: unackedCount(q, c.tag),
        prefetch: c.prefetch,
        autoAck: c.autoAck === true,
      })),
      head: q.ready.slice(0, QUEUE_HEAD_ROWS).map(messageView),
    });
  }
  const channels: Record<string, ChannelView> = {};
  for (const [id, state] of Object.entries(amqp.pubsub)) {
    setOwn(channels, id, {
      published: state.published,
      delivered: state.delivered,
      dropped: state.dropped,
      subscriptions: state.subscriptions.map((s) => ({ node: s.subscriber, kind: s.kind, target: s.target })),
    });
  }
  const disconnected = Object.entries(amqp.connections)
    .filter(([, c]) => c.crashed)
    .map(([node]) => node);
  return { queues, channels, disconnected };
}
