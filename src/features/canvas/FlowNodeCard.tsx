import { Handle, Position, type NodeProps } from '@xyflow/react';
import { getOwn } from '../../lib/ownRecord';
import { FlowDefaults } from '../../flow/flowDefaults';
import { memo } from 'react';
import { CONNECTIONS, NODE_KINDS, type NodeKind } from '../../flow/nodeKind';
import type { FlowNode, SubscriberNode } from '../../flow';
import { groupIdOf, useAppStore } from '../../state';
import type { CanvasNode } from './canvasTypes';
import { GroupMembership } from './GroupMembership';
import { NodeCounters } from './NodeCounters';
import { QueueDepth } from './QueueDepth';
import { BrokerRate } from './BrokerRate';
import { AggregateStreams, StoreLag } from './EventStoreBadge';
import { TopicPartitionStrip } from './TopicPartitionStrip';

function canFeed(kind: NodeKind): boolean {
  return CONNECTIONS[kind].length > 0;
}

function canBeFed(kind: NodeKind): boolean {
  return NODE_KINDS.some((source) => CONNECTIONS[source].includes(kind));
}

function detail(node: FlowNode): string {
  if (node.kind === 'producer') return `${node.eventType} · ${node.rate}/s${node.key === undefined ? '' : ' · keyed'}`;
  if (node.kind === 'topic') {
    const partitions = node.partitions ?? FlowDefaults.partitions;
    return `${partitions} ${partitions === 1 ? 'partition' : 'partitions'}`;
  }
  if (node.kind === 'exchange') return node.exchangeType;
  if (node.kind === 'queue') return [node.messageTtlMs !== undefined ? `ttl ${node.messageTtlMs} ms` : '', node.maxLength !== undefined ? `max ${node.maxLength}` : '', node.deadLetterExchange ? 'DLX' : ''].filter(Boolean).join(' · ');
  if (node.kind === 'pubsub') return 'no storage';
  if (node.kind === 'aggregate') return `decides in ${node.latencyMs} ms${node.snapshotEvery ? ` · snapshot/${node.snapshotEvery}` : ''}`;
  if (node.kind === 'command') return `${node.commandType}${node.rate > 0 ? ` · ${node.rate}/s` : ' · by hand'}`;
  return `${node.latencyMs} ms`;
}

/** Whether the engine reports this subscriber as crashed (stopped without leaving its group). */
function useCrashed(node: FlowNode): boolean {
  return useAppStore((s) => {
    if (node.kind !== 'consumer' && node.kind !== 'projection') return false;
    return (getOwn(s.frame?.groups, groupIdOf(node))?.crashed.includes(node.id) ?? false) || (s.frame?.disconnected?.includes(node.id) ?? false);
  });
}

/** A node on the canvas: kind badge, name, live counters and the handles its kind allows. */
export const FlowNodeCard = memo(function FlowNodeCard({ id, data, selected }: NodeProps<CanvasNode>) {
  const { node } = data;
  const crashed = useCrashed(node);
  const traced = useAppStore((s) => s.tracedNodes.has(node.id));
  const subscriber: SubscriberNode | null = node.kind === 'consumer' || node.kind === 'projection' ? node : null;
  return (
    <div className={`node-card kind-${node.kind}${selected ? ' is-selected' : ''}${crashed ? ' is-crashed' : ''}${traced ? ' is-traced' : ''}`}>
      {canBeFed(node.kind) && <Handle type="target" position={Position.Left} aria-label={`Connect to ${node.name}`} />}
      <div className="node-card-header">
        <span className="node-kind-badge">{node.kind}</span>
        <span className="node-card-detail">{detail(node)}</span>
      </div>
      <div className="node-card-name">
        <span className="node-card-name-text" title={node.name}>
          {node.name}
        </span>
        {crashed && <strong className="node-card-crashed">crashed</strong>}
      </div>
      {subscriber && <GroupMembership node={subscriber} />}
      <NodeCounters nodeId={id} kind={node.kind} />
      {node.kind === 'topic' && <TopicPartitionStrip topicId={id} />}
      {node.kind === 'queue' && <QueueDepth queueId={id} />}
      {(node.kind === 'topic' || node.kind === 'exchange' || node.kind === 'queue' || node.kind === 'pubsub') && <BrokerRate nodeId={id} kind={node.kind} />}
      {node.kind === 'aggregate' && <AggregateStreams nodeId={id} />}
      {subscriber && <StoreLag nodeId={id} />}
      {canFeed(node.kind) && <Handle type="source" position={Position.Right} aria-label={`Connect from ${node.name}`} />}
    </div>
  );
});
