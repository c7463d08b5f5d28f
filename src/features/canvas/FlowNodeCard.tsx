import { Handle, Position, type NodeProps } from '@xyflow/react';
import { getOwn } from '../../lib/ownRecord';
import { memo } from 'react';
import { CONNECTIONS, NODE_KINDS, type NodeKind, type FlowNode } from '../../flow';
import { groupIdOf, useAppStore } from '../../state';
import type { CanvasNode } from './canvasTypes';
import { kindStyle } from '../kindUi/kindUi';
import { useKindUi } from '../kindUi/KindUiContext';
import { NodeCounters } from './NodeCounters';

function canFeed(kind: NodeKind): boolean {
  return CONNECTIONS[kind].length > 0;
}

function canBeFed(kind: NodeKind): boolean {
  return NODE_KINDS.some((source) => CONNECTIONS[source].includes(kind));
}

/** Whether the engine reports this subscriber as crashed (stopped without leaving its group). */
function useCrashed(node: FlowNode): boolean {
  return useAppStore((s) => {
    if (node.kind !== 'consumer' && node.kind !== 'projection') return false;
    return (
      (getOwn(s.frame?.groups, groupIdOf(node))?.crashed.includes(node.id) ?? false) ||
      (s.frame?.disconnected?.includes(node.id) ?? false)
    );
  });
}

/** A node on the canvas: kind badge, name, live counters, its kind's own views (UI registry) and the handles its kind allows. */
export const FlowNodeCard = memo(function FlowNodeCard({ id, data, selected }: NodeProps<CanvasNode>) {
  const { node } = data;
  const crashed = useCrashed(node);
  const traced = useAppStore((s) => s.tracedNodes.has(node.id));
  const ui = useKindUi(node.kind);
  return (
    <div
      className={`node-card${selected ? ' is-selected' : ''}${crashed ? ' is-crashed' : ''}${traced ? ' is-traced' : ''}`}
      style={kindStyle(ui)}
    >
      {canBeFed(node.kind) && <Handle type="target" position={Position.Left} aria-label={`Connect to ${node.name}`} />}
      <div className="node-card-header">
        <span className="node-kind-badge">{node.kind}</span>
        <span className="node-card-detail">{ui.detail(node)}</span>
      </div>
      <div className="node-card-name">
        <span className="node-card-name-text" title={node.name}>
          {node.name}
        </span>
        {crashed && <strong className="node-card-crashed">crashed</strong>}
      </div>
      {ui.CardHeader && <ui.CardHeader node={node} />}
      <NodeCounters nodeId={id} kind={node.kind} />
      {ui.CardBody && <ui.CardBody node={node} />}
      {canFeed(node.kind) && (
        <Handle type="source" position={Position.Right} aria-label={`Connect from ${node.name}`} />
      )}
    </div>
  );
});
