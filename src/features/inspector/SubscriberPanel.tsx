import type { SubscriberNode } from '../../flow';
import { groupIdOf, updateNode, useAppStore } from '../../state';
import { ConsumerGroupFields } from './ConsumerGroupFields';
import { ConsumerMembership } from './ConsumerMembership';
import { HandlerStatus } from './HandlerStatus';
import { NodeStateView } from './NodeStateView';
import { NumberField } from './NumberField';
import { ResetOffsetsForm } from './ResetOffsetsForm';

/** A consumer's or projection's latency, handler code, group membership and settings, and state. */
export function SubscriberPanel({ node }: { node: SubscriberNode }) {
  const editorOpen = useAppStore((s) => s.codeNodeId === node.id);
  const setLatency = (latencyMs: number) =>
    useAppStore.getState().editFlow((f) => updateNode(f, node.id, (n) => (n.kind === node.kind ? { ...n, latencyMs } : n)));
  return (
    <>
      <NumberField label="Latency (ms)" value={node.latencyMs} min={0} max={3_600_000} step="1" onCommit={setLatency} />
      <section className="inspector-section">
        <h3>Handler</h3>
        <button type="button" aria-pressed={editorOpen} onClick={() => useAppStore.getState().openCodeEditor(editorOpen ? null : node.id)}>
          Edit handler code
        </button>
        <HandlerStatus nodeId={node.id} />
      </section>
      <ConsumerMembership node={node} />
      <ResetOffsetsForm group={groupIdOf(node)} />
      <ConsumerGroupFields node={node} />
      <NodeStateView nodeId={node.id} label={node.kind === 'projection' ? 'Read model' : 'State'} />
    </>
  );
}
