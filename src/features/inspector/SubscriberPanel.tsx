import type { SubscriberNode } from '../../flow';
import { groupIdOf, updateNode, useAppStore, neighbourKinds } from '../../state';
import { ConsumerGroupFields } from './ConsumerGroupFields';
import { ConsumerMembership } from './ConsumerMembership';
import { HandlerStatus } from './HandlerStatus';
import { NodeStateView } from './NodeStateView';
import { NumberField } from './NumberField';
import { QueueConsumerSection } from './QueueConsumerSection';
import { ReadModelQuery } from './ReadModelQuery';
import { ResetOffsetsForm } from './ResetOffsetsForm';
import { StoreSubscriptionSection } from './StoreSubscriptionSection';
import { SubscriberControls } from './SubscriberControls';

/** A consumer's or projection's latency, handler code, group membership and settings, and state. */
export function SubscriberPanel({ node }: { node: SubscriberNode }) {
  const editorOpen = useAppStore((s) => s.codeNodeId === node.id);
  const sources = useAppStore((s) => neighbourKinds(s.flow, node.id, 'in'));
  const readsTopics = sources.includes('topic');
  const readsQueues = sources.includes('queue');
  const listens = sources.includes('pubsub');
  const readsStore = sources.includes('aggregate');
  const setLatency = (latencyMs: number) =>
    useAppStore
      .getState()
      .editFlow((f) => updateNode(f, node.id, (n) => (n.kind === node.kind ? { ...n, latencyMs } : n)));
  return (
    <>
      <NumberField label="Latency (ms)" value={node.latencyMs} min={0} max={3_600_000} step="1" onCommit={setLatency} />
      <section className="inspector-section">
        <h3>Handler</h3>
        <button
          type="button"
          aria-pressed={editorOpen}
          onClick={() => useAppStore.getState().openCodeEditor(editorOpen ? null : node.id)}
        >
          Edit handler code
        </button>
        <HandlerStatus nodeId={node.id} />
      </section>
      {readsStore && <StoreSubscriptionSection node={node} />}
      {(readsTopics || sources === '') && (
        <>
          <ConsumerMembership node={node} />
          <ResetOffsetsForm group={groupIdOf(node)} />
          <ConsumerGroupFields node={node} />
        </>
      )}
      {readsQueues && <QueueConsumerSection node={node} showControls={!readsTopics} />}
      {listens && !readsQueues && !readsTopics && <SubscriberControls nodeId={node.id} />}
      <NodeStateView nodeId={node.id} label={node.kind === 'projection' ? 'Read model' : 'State'} />
      {node.kind === 'projection' && <ReadModelQuery nodeId={node.id} name={node.name} />}
    </>
  );
}
