import { lazy } from 'react';
import { BrokerRate } from '../../features/canvas/BrokerRate';
import { QueueDepth } from '../../features/canvas/QueueDepth';
import type { KindUi } from '../../features/kindUi/kindUi';

export const queueUi: KindUi<'queue'> = {
  description: 'Holds messages until a consumer acks them (RabbitMQ)',
  color: '#0e7490',
  counters: [
    { key: 'published', label: 'enqueued' },
    { key: 'handled', label: 'acked' },
    { key: 'failed', label: 'dead', alarm: true },
  ],
  detail: (node) =>
    [
      node.messageTtlMs !== undefined ? `ttl ${node.messageTtlMs} ms` : '',
      node.maxLength !== undefined ? `max ${node.maxLength}` : '',
      node.deadLetterExchange ? 'DLX' : '',
    ]
      .filter(Boolean)
      .join(' · '),
  CardBody: ({ node }) => (
    <>
      <QueueDepth queueId={node.id} />
      <BrokerRate nodeId={node.id} kind={node.kind} />
    </>
  ),
  Inspector: lazy(() => import('./QueuePanel').then((m) => ({ default: m.QueuePanel }))),
};
