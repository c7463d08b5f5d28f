import type { CommandNode } from '../../flow';
import { patchNode, sendCommandByHand, useAppStore, type NodePatch } from '../../state';
import { Field } from '../../features/inspector/Field';
import { NumberField } from '../../features/inspector/NumberField';
import { PayloadTemplateField } from '../../features/inspector/PayloadTemplateField';
import { samplePayload } from '../../features/inspector/samplePayload';
import { SendByHand } from '../../features/inspector/SendByHand';
import { TextSettingField } from '../../features/inspector/TextSettingField';
import { useDraft } from '../../features/inspector/useDraft';

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
      <Field
        label="Command type"
        error={typeValid ? null : 'Command type: must be a type name such as PlaceOrder'}
        hint="Imperative: what you ask the aggregate to do (PlaceOrder); it answers with events (OrderPlaced) or a rejection."
      >
        {(control) => (
          <input
            {...control}
            type="text"
            value={type}
            onChange={(e) => changeType(e.target.value)}
            onBlur={() => setType(node.commandType)}
          />
        )}
      </Field>
      <NumberField
        label="Rate (commands/s)"
        value={node.rate}
        min={0}
        max={1_000_000}
        step="any"
        hint="0: only sent by hand."
        onCommit={(rate) => edit(node.id, { rate })}
      />
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
  return (
    <SendByHand
      title="Send by hand"
      label="Command data (JSON)"
      button={`Send ${node.commandType}`}
      initial={JSON.stringify(samplePayload(node.payload), null, 2)}
      send={(data) => sendCommandByHand(node.id, data)}
      sent={(step) => `Sent as step ${step}`}
    />
  );
}
