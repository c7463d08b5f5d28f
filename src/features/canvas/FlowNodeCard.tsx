import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { CONNECTIONS, NODE_KINDS, type NodeKind } from '../../flow/nodeKind';
import type { FlowNode } from '../../flow';
import type { CanvasNode } from './canvasTypes';
import { NodeCounters } from './NodeCounters';

function canFeed(kind: NodeKind): boolean {
  return CONNECTIONS[kind].length > 0;
}

function canBeFed(kind: NodeKind): boolean {
  return NODE_KINDS.some((source) => CONNECTIONS[source].includes(kind));
}

function detail(node: FlowNode): string {
  if (node.kind === 'producer') return `${node.eventType} · ${node.rate}/s`;
  if (node.kind === 'topic') return '';
  return `${node.latencyMs} ms`;
}

/** A node on the canvas: kind badge, name, live counters and the handles its kind allows. */
export const FlowNodeCard = memo(function FlowNodeCard({ id, data, selected }: NodeProps<CanvasNode>) {
  const { node } = data;
  return (
    <div className={`node-card kind-${node.kind}${selected ? ' is-selected' : ''}`}>
      {canBeFed(node.kind) && <Handle type="target" position={Position.Left} aria-label={`Connect to ${node.name}`} />}
      <div className="node-card-header">
        <span className="node-kind-badge">{node.kind}</span>
        <span className="node-card-detail">{detail(node)}</span>
      </div>
      <div className="node-card-name" title={node.name}>
        {node.name}
      </div>
      <NodeCounters nodeId={id} kind={node.kind} />
      {canFeed(node.kind) && <Handle type="source" position={Position.Right} aria-label={`Connect from ${node.name}`} />}
    </div>
  );
});
