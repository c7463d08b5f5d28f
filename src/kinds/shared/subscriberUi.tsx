import { lazy } from 'react';
import { StoreLag } from '../../features/canvas/EventStoreBadge';
import { GroupMembership } from '../../features/canvas/GroupMembership';
import type { CounterSpec, NodeView } from '../../features/kindUi/kindUi';
import type { SubscriberNode } from '../../flow';

/** What consumers and projections show alike: group membership, event store lag, the subscriber panel. */
export const subscriberUi = {
  counters: [
    { key: 'delivered', label: 'delivered' },
    { key: 'handled', label: 'handled' },
    { key: 'failed', label: 'failed', alarm: true },
  ] satisfies readonly CounterSpec[],
  detail: (node: SubscriberNode) => `${node.latencyMs} ms`,
  CardHeader: (({ node }) => <GroupMembership node={node} />) satisfies NodeView<'consumer' | 'projection'>,
  CardBody: (({ node }) => <StoreLag nodeId={node.id} />) satisfies NodeView<'consumer' | 'projection'>,
  Inspector: lazy(() =>
    import('../../features/inspector/SubscriberPanel').then((m) => ({ default: m.SubscriberPanel })),
  ),
};
