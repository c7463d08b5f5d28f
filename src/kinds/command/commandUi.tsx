import { lazy } from 'react';
import type { KindUi } from '../../features/kindUi/kindUi';

export const commandUi: KindUi<'command'> = {
  description: 'Sends commands to an aggregate (PlaceOrder)',
  // Event storming: commands are blue.
  color: '#2563eb',
  counters: [
    { key: 'published', label: 'sent' },
    { key: 'failed', label: 'failed', alarm: true },
  ],
  detail: (node) => `${node.commandType}${node.rate > 0 ? ` · ${node.rate}/s` : ' · by hand'}`,
  Inspector: lazy(() => import('./CommandPanel').then((m) => ({ default: m.CommandPanel }))),
};
