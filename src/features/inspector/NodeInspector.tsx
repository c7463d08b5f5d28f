import { Suspense } from 'react';
import type { FlowNode } from '../../flow';
import { kindStyle } from '../kindUi/kindUi';
import { useKindUi } from '../kindUi/KindUiContext';
import { CompareSteps } from './CompareSteps';
import { ConnectionsPanel } from './ConnectionsPanel';
import { DeleteNodeButton } from './DeleteNodeButton';
import { NodeNameField } from './NodeNameField';

/** Every panel for one selected node; the kind's own panel comes from the UI registry, loaded on first use. */
export function NodeInspector({ node }: { node: FlowNode }) {
  const ui = useKindUi(node.kind);
  // One boundary for the whole body: the heading shows once the kind's panel has loaded, never before it.
  return (
    <Suspense fallback={null}>
      <div className="inspector-body">
        <div className="inspector-heading" style={kindStyle(ui)}>
          <span className="node-kind-badge">{node.kind}</span>
          <h2>{node.name}</h2>
        </div>
        <NodeNameField node={node} />
        <ui.Inspector node={node} />
        <CompareSteps nodeId={node.id} />
        <ConnectionsPanel node={node} />
        <DeleteNodeButton nodeId={node.id} />
      </div>
    </Suspense>
  );
}
