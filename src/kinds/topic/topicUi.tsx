import { lazy } from 'react';
import { BrokerRate } from '../../features/canvas/BrokerRate';
import { TopicPartitionStrip } from '../../features/canvas/TopicPartitionStrip';
import type { KindUi } from '../../features/kindUi/kindUi';
import { FlowDefaults } from '../../flow';

export const topicUi: KindUi<'topic'> = {
  description: 'A partitioned log of events (Kafka)',
  color: '#4b5768',
  counters: [
    { key: 'published', label: 'published' },
    { key: 'delivered', label: 'delivered' },
  ],
  detail: (node) => {
    const partitions = node.partitions ?? FlowDefaults.partitions;
    return `${partitions} ${partitions === 1 ? 'partition' : 'partitions'}`;
  },
  CardBody: ({ node }) => (
    <>
      <TopicPartitionStrip topicId={node.id} />
      <BrokerRate nodeId={node.id} kind={node.kind} />
    </>
  ),
  Inspector: lazy(() => import('./TopicPanel').then((m) => ({ default: m.TopicPanel }))),
};
