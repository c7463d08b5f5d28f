import type { FlowNode } from '../../flow';
import { CompareSteps } from './CompareSteps';
import { ConnectionsPanel } from './ConnectionsPanel';
import { DeleteNodeButton } from './DeleteNodeButton';
import { NodeNameField } from './NodeNameField';
import { AggregatePanel } from './AggregatePanel';
import { CommandPanel } from './CommandPanel';
import { ExchangePanel } from './ExchangePanel';
import { ProducerPanel } from './ProducerPanel';
import { PubSubPanel } from './PubSubPanel';
import { QueuePanel } from './QueuePanel';
import { SubscriberPanel } from './SubscriberPanel';
import { TopicPanel } from './TopicPanel';

/** Every panel for one selected node. */
export function NodeInspector({ node }: { node: FlowNode }) {
  return (
    <div className="inspector-body">
      <div className={`inspector-heading kind-${node.kind}`}>
        <span className="node-kind-badge">{node.kind}</span>
        <h2>{node.name}</h2>
      </div>
      <NodeNameField node={node} />
      {node.kind === 'producer' && <ProducerPanel node={node} />}
      {node.kind === 'topic' && <TopicPanel node={node} />}
      {node.kind === 'exchange' && <ExchangePanel node={node} />}
      {node.kind === 'queue' && <QueuePanel node={node} />}
      {node.kind === 'pubsub' && <PubSubPanel node={node} />}
      {node.kind === 'command' && <CommandPanel node={node} />}
      {node.kind === 'aggregate' && <AggregatePanel node={node} />}
      {(node.kind === 'consumer' || node.kind === 'projection') && <SubscriberPanel node={node} />}
      <CompareSteps nodeId={node.id} />
      <ConnectionsPanel node={node} />
      <DeleteNodeButton nodeId={node.id} />
    </div>
  );
}
