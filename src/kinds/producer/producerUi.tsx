import { lazy } from 'react';
import type { KindUi } from '../../features/kindUi/kindUi';

export const producerUi: KindUi<'producer'> = {
  description: 'Publishes events at a steady rate',
  // Event storming: events are orange.
  color: '#d9731a',
  counters: [{ key: 'published', label: 'published' }],
  detail: (node) => `${node.eventType} · ${node.rate}/s${node.key === undefined ? '' : ' · keyed'}`,
  Inspector: lazy(() => import('./ProducerPanel').then((m) => ({ default: m.ProducerPanel }))),
};
