import { lazy } from 'react';
import { AggregateStreams } from '../../features/canvas/EventStoreBadge';
import type { KindUi } from '../../features/kindUi/kindUi';

export const aggregateUi: KindUi<'aggregate'> = {
  description: 'Decides events from commands; its streams are the event store',
  // Event storming: aggregates are yellow, which needs dark text to be readable.
  color: '#f2c230',
  textColor: '#2b2300',
  counters: [
    { key: 'handled', label: 'accepted' },
    { key: 'published', label: 'events' },
    { key: 'failed', label: 'refused', alarm: true },
  ],
  detail: (node) => `decides in ${node.latencyMs} ms${node.snapshotEvery ? ` · snapshot/${node.snapshotEvery}` : ''}`,
  CardBody: ({ node }) => <AggregateStreams nodeId={node.id} />,
  Inspector: lazy(() => import('./AggregatePanel').then((m) => ({ default: m.AggregatePanel }))),
};
