import { useState } from 'react';
import type { CommandNode } from '../../flow';
import { describeError, patchNode, sendCommandByHand, useAppStore, type NodePatch } from '../../state';
import { Field } from './Field';
import { NumberField } from './NumberField';
import { PayloadTemplateField } from './PayloadTemplateField';
import { samplePayload } from './samplePayload';
import { TextSettingField } from './TextSettingField';
import { useDraft } from './useDraft';

// Mirrors the flow schema's rule, so a bad type is caught while typing rather than by the worker.
const TYPE_NAME = /^[A-Za-z][A-Za-z0-9_.]*$/;

function edit(nodeId: string, patch: NodePatch<CommandNode>): void {
  useAppStore.getState().editFlow((f) => patchNode(f, nodeId, 'command', patch));
}

/** A command source: what it sends, to which aggregate id, how often, and a form to send one by hand. */
export function CommandPanel({ node }: { node: CommandNode }) {
  const [type, setType] = useDraft(node.commandType);
  const typeValid = TYPE_NAME.test(type);
  const changeType = (value: string) => {
    setType(value);
    if (TYPE_NAME.test(value) && value !== node.commandType) edit(node.id, { commandType: value });
  };
  return (
    <>
      <Field label="Command type" error={typeValid ? null : 'Command type: must be a type name such as PlaceOrder'} hint="Imperative: what you ask the aggregate to do (PlaceOrder); it answers with events (OrderPlaced) or a rejection.">
        {(control) => <input {...control} type="text" value={type} onChange={(e) => changeType(e.target.value)} onBlur={() => setType(node.commandType)} />}
      </Field>
      <NumberField label="Rate (commands/s)" value={node.rate} min={0} max={1_000_000} step="any" hint="0: only sent by hand." onCommit={(rate) => edit(node.id, { rate })} />
      <TextSettingField
        label="Aggregate id"
        value={node.aggregateId}
        placeholder="Order-{{ data.orderId }}"
        maxLength={200}
        hint="The stream the command is for, a template over the command's data: one stream per aggregate instance."
        onCommit={(aggregateId) => aggregateId !== undefined && edit(node.id, { aggregateId })}
      />
      <PayloadTemplateField key={node.id} payload={node.payload} onCommit={(payload) => edit(node.id, { payload })} />
      <SendCommandByHand key={`send-${node.id}`} node={node} />
    </>
  );
}

function SendCommandByHand({ node }: { node: CommandNode }) {
  const [text, setText] = useState(() => JSON.stringify(samplePayload(node.payload), null, 2));
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      setError(`Command data: not valid JSON (${describeError(e)})`);
      return;
    }
    setError(null);
    setBusy(true);
    const step = await sendCommandByHand(node.id, data);
    setBusy(false);
    if (step !== null) setStatus(`Sent as step ${step}`);
  };
  return (
    <section className="inspector-section">
      <h3>Send by hand</h3>
      <Field label="Command data (JSON)" error={error}>
        {(control) => <textarea {...control} value={text} rows={4} spellCheck={false} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <div className="field-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void send()}>
          Send {node.commandType}
        </button>
        <span role="status" className="muted">
          {status}
        </span>
      </div>
    </section>
  );
}
