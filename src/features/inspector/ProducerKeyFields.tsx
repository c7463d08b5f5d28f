import type { ProducerNode } from '../../flow';
import { patchNode, useAppStore, type NodePatch } from '../../state';
import { SelectField, type SelectOption } from './SelectField';
import { TextSettingField } from './TextSettingField';

type Unkeyed = NonNullable<ProducerNode['unkeyed']>;

const UNKEYED_OPTIONS: readonly SelectOption<Unkeyed>[] = [
  { value: 'round-robin', label: 'round-robin' },
  { value: 'sticky', label: 'sticky' },
];

function editProducer(nodeId: string, patch: NodePatch<ProducerNode>): void {
  useAppStore.getState().editFlow((f) => patchNode(f, nodeId, 'producer', patch));
}

/** How a producer's records are spread over a topic's partitions: the key template, and what happens without one. */
export function ProducerKeyFields({ node }: { node: ProducerNode }) {
  return (
    <>
      <TextSettingField
        label="Key"
        value={node.key}
        placeholder="no key"
        maxLength={200}
        hint={'"{{ data.customerId }}": the key picks the partition, as Kafka\'s murmur2. Empty: no key.'}
        onCommit={(key) => editProducer(node.id, { key })}
      />
      <SelectField
        label="Records without a key"
        value={node.unkeyed ?? 'round-robin'}
        options={UNKEYED_OPTIONS}
        hint="round-robin: the next partition each time; sticky: a batch to one partition, then the next."
        onChange={(unkeyed) => editProducer(node.id, { unkeyed })}
      />
    </>
  );
}
