import { type TopicNode, FlowDefaults } from '../../flow';
import { patchNode, useAppStore, type NodePatch } from '../../state';
import { CheckboxField } from '../../features/inspector/CheckboxField';
import { ConsumerGroupsTable } from '../../features/inspector/ConsumerGroupsTable';
import { NumberField } from '../../features/inspector/NumberField';
import { OptionalNumberField } from '../../features/inspector/OptionalNumberField';
import { TopicPartitionsTable } from '../../features/inspector/TopicPartitionsTable';

// The flow schema's limits.
const MAX_PARTITIONS = 64;

function editTopic(nodeId: string, patch: NodePatch<TopicNode>): void {
  useAppStore.getState().editFlow((f) => patchNode(f, nodeId, 'topic', patch));
}

/** A topic's partitions, log settings, its partitions' offsets and the groups reading it. */
export function TopicPanel({ node }: { node: TopicNode }) {
  const running = useAppStore((s) => (s.frame?.head ?? 0) > 0);
  const partitions = node.partitions ?? FlowDefaults.partitions;
  return (
    <>
      <NumberField
        label="Partitions"
        value={partitions}
        // Kafka can add partitions to a live topic, never remove them.
        min={running ? partitions : 1}
        max={MAX_PARTITIONS}
        step="1"
        tooLow={running ? 'Partitions: Kafka cannot lower the partition count' : undefined}
        hint={
          running
            ? 'Can be raised while the run has steps, not lowered.'
            : 'Keyed records keep their order within a partition.'
        }
        onCommit={(value) => editTopic(node.id, { partitions: value })}
      />
      <NumberField
        label="Segment records"
        value={node.segmentRecords ?? FlowDefaults.segmentRecords}
        min={1}
        max={FlowDefaults.maxSegmentRecords}
        step="1"
        hint="Records per log segment; retention and compaction remove closed segments only."
        onCommit={(segmentRecords) => editTopic(node.id, { segmentRecords })}
      />
      <OptionalNumberField
        label="Retention (ms)"
        value={node.retentionMs}
        min={1}
        max={Number.MAX_SAFE_INTEGER}
        hint="Segments older than this (virtual time) are deleted. Empty: kept forever."
        onCommit={(retentionMs) => editTopic(node.id, { retentionMs })}
      />
      <OptionalNumberField
        label="Retention (records)"
        value={node.retentionRecords}
        min={1}
        max={Number.MAX_SAFE_INTEGER}
        hint="Records kept per partition (Kafka counts bytes). Empty: none of its own; with neither retention set, Tidemark keeps the newest 1,000."
        onCommit={(retentionRecords) => editTopic(node.id, { retentionRecords })}
      />
      <CheckboxField
        label="Compaction"
        checked={node.compaction ?? false}
        hint="Keep only the latest record per key in closed segments; a null value deletes the key."
        onChange={(compaction) => editTopic(node.id, { compaction: compaction ? true : undefined })}
      />
      <TopicPartitionsTable topicId={node.id} />
      <ConsumerGroupsTable topicId={node.id} />
    </>
  );
}
