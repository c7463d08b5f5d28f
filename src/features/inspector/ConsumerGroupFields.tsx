import { type SubscriberNode, FlowDefaults } from '../../flow';
import { patchNode, useAppStore, type NodePatch } from '../../state';
import { NumberField } from './NumberField';
import { SelectField, type SelectOption } from './SelectField';
import { TextSettingField } from './TextSettingField';

type Assignor = NonNullable<SubscriberNode['assignor']>;
type CommitMode = NonNullable<SubscriberNode['commit']>;
type OffsetReset = NonNullable<SubscriberNode['offsetReset']>;

const ASSIGNORS: readonly SelectOption<Assignor>[] = [
  { value: 'range', label: 'range' },
  { value: 'roundrobin', label: 'roundrobin' },
  { value: 'cooperative-sticky', label: 'cooperative-sticky' },
];

const COMMIT_MODES: readonly SelectOption<CommitMode>[] = [
  { value: 'auto', label: 'auto-commit' },
  { value: 'after', label: 'after handling (at-least-once)' },
  { value: 'before', label: 'before handling (at-most-once)' },
];

const OFFSET_RESETS: readonly SelectOption<OffsetReset>[] = [
  { value: 'earliest', label: 'earliest' },
  { value: 'latest', label: 'latest' },
];

// Kafka's defaults (docs/kafka.md).
const MAX_MS = 3_600_000;

const COMMIT_HINTS: Readonly<Record<CommitMode, string>> = {
  auto: 'Positions are committed every auto-commit interval: after a crash, what was read since the last commit is read again.',
  after: 'Each record is committed once handled: after a crash, a record may be handled twice, never lost.',
  before:
    'Each record is committed when fetched and handled later: after a crash, a record may be lost, never repeated.',
};

function editSubscriber(node: SubscriberNode, patch: NodePatch<SubscriberNode>): void {
  useAppStore.getState().editFlow((f) => patchNode(f, node.id, node.kind, patch));
}

/** A consumer's or projection's Kafka consumer settings: group.id, assignor, commits, offset reset, session timeout. */
export function ConsumerGroupFields({ node }: { node: SubscriberNode }) {
  const commit = node.commit ?? FlowDefaults.commit;
  return (
    <section className="inspector-section">
      <h3>Consumer group</h3>
      <TextSettingField
        label="Consumer group"
        value={node.group}
        placeholder={node.id}
        maxLength={64}
        hint={`Subscribers sharing a group split the partitions. Empty: its own group "${node.id}", so it gets every record.`}
        onCommit={(group) => editSubscriber(node, { group })}
      />
      <SelectField
        label="Assignor"
        value={node.assignor ?? FlowDefaults.assignor}
        options={ASSIGNORS}
        onChange={(assignor) => editSubscriber(node, { assignor })}
      />
      <SelectField
        label="Commit"
        value={commit}
        options={COMMIT_MODES}
        hint={COMMIT_HINTS[commit]}
        onChange={(value) => editSubscriber(node, { commit: value })}
      />
      <SelectField
        label="Offset reset"
        value={node.offsetReset ?? FlowDefaults.offsetReset}
        options={OFFSET_RESETS}
        hint="Where a partition with no committed offset starts."
        onChange={(offsetReset) => editSubscriber(node, { offsetReset })}
      />
      <NumberField
        label="Auto-commit interval (ms)"
        value={node.autoCommitIntervalMs ?? FlowDefaults.autoCommitIntervalMs}
        min={1}
        max={MAX_MS}
        step="1"
        hint={commit === 'auto' ? undefined : 'Used with auto-commit only.'}
        onCommit={(autoCommitIntervalMs) => editSubscriber(node, { autoCommitIntervalMs })}
      />
      <NumberField
        label="Session timeout (ms)"
        value={node.sessionTimeoutMs ?? FlowDefaults.sessionTimeoutMs}
        min={1}
        max={MAX_MS}
        step="1"
        hint="How long the group waits for a crashed member before handing its partitions to the others."
        onCommit={(sessionTimeoutMs) => editSubscriber(node, { sessionTimeoutMs })}
      />
    </section>
  );
}
