import type { FlowNode } from '../../flow';
import { CompareSteps } from './CompareSteps';
import { ConnectionsPanel } from './ConnectionsPanel';
import { DeleteNodeButton } from './DeleteNodeButton';
import { NodeNameField } from './NodeNameField';
import { ProducerPanel } from './ProducerPanel';
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
      {(node.kind === 'consumer' || node.kind === 'projection') && <SubscriberPanel node={node} />}
      <CompareSteps nodeId={node.id} />
      <ConnectionsPanel node={node} />
      <DeleteNodeButton nodeId={node.id} />
    </div>
  );
}
