import { useShallow } from 'zustand/react/shallow';
import { type QueueNode, FlowDefaults } from '../../flow';
import { patchNode, useAppStore, type NodePatch } from '../../state';
import { OptionalNumberField } from '../../features/inspector/OptionalNumberField';
import { QueueContents } from '../../features/inspector/QueueContents';
import { SelectField, type SelectOption } from '../../features/inspector/SelectField';
import { TextSettingField } from '../../features/inspector/TextSettingField';

type Overflow = NonNullable<QueueNode['overflow']>;

const OVERFLOW_OPTIONS: readonly SelectOption<Overflow>[] = [
  { value: 'drop-head', label: 'drop-head: the oldest goes' },
  { value: 'reject-publish', label: 'reject-publish: the newest is refused' },
  { value: 'reject-publish-dlx', label: 'reject-publish-dlx: refused and dead-lettered' },
];

const NONE = '';

function edit(nodeId: string, patch: NodePatch<QueueNode>): void {
  useAppStore.getState().editFlow((f) => patchNode(f, nodeId, 'queue', patch));
}

/** A queue's arguments (TTL, max length, dead lettering) and what it holds at the cursor. */
export function QueuePanel({ node }: { node: QueueNode }) {
  const exchanges = useAppStore(useShallow((s) => s.flow?.nodes.filter((n) => n.kind === 'exchange') ?? []));
  const dlxOptions: SelectOption<string>[] = [
    { value: NONE, label: 'none: dead messages are dropped' },
    ...exchanges.map((x) => ({ value: x.id, label: x.name })),
  ];
  return (
    <>
      <OptionalNumberField
        label="Message TTL (ms)"
        value={node.messageTtlMs}
        min={0}
        max={Number.MAX_SAFE_INTEGER}
        hint="x-message-ttl: a message that waits longer dies (at the head of the queue, as RabbitMQ). Empty: none."
        onCommit={(messageTtlMs) => edit(node.id, { messageTtlMs })}
      />
      <OptionalNumberField
        label="Max length"
        value={node.maxLength}
        min={0}
        max={Number.MAX_SAFE_INTEGER}
        hint="x-max-length: ready messages it holds (unacked ones do not count). Empty: no limit."
        onCommit={(maxLength) => edit(node.id, { maxLength })}
      />
      <SelectField
        label="Overflow"
        value={node.overflow ?? FlowDefaults.overflow}
        options={OVERFLOW_OPTIONS}
        hint="What a full queue does with one more message."
        onChange={(overflow) => edit(node.id, { overflow })}
      />
      <SelectField
        label="Dead letter exchange"
        value={node.deadLetterExchange ?? NONE}
        options={dlxOptions}
        hint="Where rejected, expired and overflowed messages are republished, with an x-death header."
        onChange={(deadLetterExchange) =>
          edit(node.id, { deadLetterExchange: deadLetterExchange === NONE ? undefined : deadLetterExchange })
        }
      />
      <TextSettingField
        label="Dead letter routing key"
        value={node.deadLetterRoutingKey}
        placeholder="the message's own key"
        maxLength={255}
        hint="x-dead-letter-routing-key. Empty: a dead message keeps its routing key."
        onCommit={(deadLetterRoutingKey) => edit(node.id, { deadLetterRoutingKey })}
      />
      <QueueContents queueId={node.id} queueName={node.name} />
    </>
  );
}
