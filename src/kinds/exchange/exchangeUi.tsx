import { lazy } from 'react';
import { BrokerRate } from '../../features/canvas/BrokerRate';
import type { KindUi } from '../../features/kindUi/kindUi';

export const exchangeUi: KindUi<'exchange'> = {
  description: 'Routes messages to queues by key or headers (RabbitMQ)',
  color: '#8a5a00',
  counters: [
    { key: 'published', label: 'received' },
    { key: 'delivered', label: 'routed' },
    { key: 'failed', label: 'unroutable', alarm: true },
  ],
  detail: (node) => node.exchangeType,
  CardBody: ({ node }) => <BrokerRate nodeId={node.id} kind={node.kind} />,
  Inspector: lazy(() => import('./ExchangePanel').then((m) => ({ default: m.ExchangePanel }))),
};
