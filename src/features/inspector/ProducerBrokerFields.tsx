import { useShallow } from 'zustand/react/shallow';
import type { ProducerNode } from '../../flow';
import { patchNode, useAppStore, type NodePatch } from '../../state';
import { CheckboxField } from './CheckboxField';
import { JsonObjectField } from './JsonObjectField';
import { OptionalNumberField } from './OptionalNumberField';
import { SelectField, type SelectOption } from './SelectField';
import { TextSettingField } from './TextSettingField';

function editProducer(nodeId: string, patch: NodePatch<ProducerNode>): void {
  useAppStore.getState().editFlow((f) => patchNode(f, nodeId, 'producer', patch));
}

const NO_REPLY = '';

/** A producer's AMQP message properties and pub/sub channel, shown for the brokers it is wired to. */
export function ProducerBrokerFields({ node, wiredTo }: { node: ProducerNode; wiredTo: ReadonlySet<string> }) {
  const queues = useAppStore(useShallow((s) => s.flow?.nodes.filter((n) => n.kind === 'queue') ?? []));
  const amqp = wiredTo.has('exchange') || wiredTo.has('queue');
  const replyOptions: SelectOption<string>[] = [
    { value: NO_REPLY, label: 'no reply expected' },
    ...queues.map((q) => ({ value: q.id, label: q.name })),
  ];
  return (
    <>
      {wiredTo.has('exchange') && (
        <>
          <TextSettingField
            label="Routing key"
            value={node.routingKey}
            placeholder={node.eventType}
            maxLength={255}
            hint={'What exchanges route on, e.g. "order.{{ data.region }}.placed". Empty: the event type.'}
            onCommit={(routingKey) => editProducer(node.id, { routingKey })}
          />
          <JsonObjectField
            label="Headers"
            value={node.headers}
            placeholder='{"format": "pdf"}'
            hint="Message headers (a headers exchange matches on them); values may be {{ }} templates."
            onCommit={(headers) => editProducer(node.id, { headers: headers as Record<string, string> | undefined })}
          />
          <CheckboxField
            label="Mandatory"
            checked={node.mandatory ?? false}
            hint="An unroutable message is returned to the publisher instead of dropped without a word."
            onChange={(mandatory) => editProducer(node.id, { mandatory: mandatory ? true : undefined })}
          />
        </>
      )}
      {amqp && (
        <>
          <OptionalNumberField
            label="Message TTL (ms)"
            value={node.expirationMs}
            min={0}
            max={Number.MAX_SAFE_INTEGER}
            hint="The expiration property: the message dies in a queue after this long. Empty: none."
            onCommit={(expirationMs) => editProducer(node.id, { expirationMs })}
          />
          <SelectField
            label="Reply to"
            value={node.replyTo ?? NO_REPLY}
            options={replyOptions}
            hint="Request-reply: each message carries reply_to and a correlation id; replies in that queue are matched to it."
            onChange={(replyTo) => editProducer(node.id, { replyTo: replyTo === NO_REPLY ? undefined : replyTo })}
          />
        </>
      )}
      {wiredTo.has('pubsub') && (
        <TextSettingField
          label="Channel"
          value={node.channel}
          placeholder={node.eventType}
          maxLength={200}
          hint={'The pub/sub channel, e.g. "orders.{{ data.region }}". Empty: the event type.'}
          onCommit={(channel) => editProducer(node.id, { channel })}
        />
      )}
    </>
  );
}
