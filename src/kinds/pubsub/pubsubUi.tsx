import { lazy } from 'react';
import { BrokerRate } from '../../features/canvas/BrokerRate';
import type { KindUi } from '../../features/kindUi/kindUi';

export const pubsubUi: KindUi<'pubsub'> = {
  description: 'Channels with no storage: only listeners receive (Redis)',
  color: '#b5446e',
  counters: [
    { key: 'published', label: 'published' },
    { key: 'delivered', label: 'delivered' },
    { key: 'failed', label: 'dropped', alarm: true },
  ],
  detail: () => 'no storage',
  CardBody: ({ node }) => <BrokerRate nodeId={node.id} kind={node.kind} />,
  Inspector: lazy(() => import('./PubSubPanel').then((m) => ({ default: m.PubSubPanel }))),
};
