import type { ProducerNode } from '../../flow';
import { updateNode, useAppStore, neighbourKinds } from '../../state';
import { NumberField } from '../../features/inspector/NumberField';
import { PayloadTemplateField } from '../../features/inspector/PayloadTemplateField';
import { ProducerBrokerFields } from '../../features/inspector/ProducerBrokerFields';
import { ProducerKeyFields } from '../../features/inspector/ProducerKeyFields';
import { PublishByHand } from '../../features/inspector/PublishByHand';
import { useDraft } from '../../features/inspector/useDraft';
import { Field } from '../../features/inspector/Field';

// Mirrors the flow schema's rule, so a bad type is caught while typing rather than by the worker.
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_.]*$/;

function editProducer(nodeId: string, patch: Partial<Pick<ProducerNode, 'eventType' | 'rate' | 'payload'>>): void {
  useAppStore
    .getState()
    .editFlow((f) => updateNode(f, nodeId, (n) => (n.kind === 'producer' ? { ...n, ...patch } : n)));
}

/** A producer's event type, rate, key, payload template and the publish-by-hand form. */
export function ProducerPanel({ node }: { node: ProducerNode }) {
  const wiredKinds = useAppStore((s) => neighbourKinds(s.flow, node.id, 'out'));
  const wiredTo = new Set(wiredKinds.split(' '));
  const [eventType, setEventType] = useDraft(node.eventType);
  const typeValid = EVENT_TYPE.test(eventType);
  const changeType = (value: string) => {
    setEventType(value);
    if (EVENT_TYPE.test(value) && value !== node.eventType) editProducer(node.id, { eventType: value });
  };
  return (
    <>
      <Field label="Event type" error={typeValid ? null : 'Event type: must be a type name such as OrderPlaced'}>
        {(control) => (
          <input
            {...control}
            type="text"
            value={eventType}
            onChange={(e) => changeType(e.target.value)}
            onBlur={() => setEventType(node.eventType)}
          />
        )}
      </Field>
      <NumberField
        label="Rate (events/s)"
        value={node.rate}
        min={0}
        max={1_000_000}
        step="any"
        onCommit={(rate) => editProducer(node.id, { rate })}
      />
      {(wiredTo.has('topic') || wiredKinds === '') && <ProducerKeyFields node={node} />}
      <ProducerBrokerFields node={node} wiredTo={wiredTo} />
      <PayloadTemplateField
        key={node.id}
        payload={node.payload}
        onCommit={(payload) => editProducer(node.id, { payload })}
      />
      <PublishByHand key={`publish-${node.id}`} node={node} />
    </>
  );
}
