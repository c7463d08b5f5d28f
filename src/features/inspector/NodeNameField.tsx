import type { FlowNode } from '../../flow';
import { updateNode, useAppStore } from '../../state';
import { Field } from './Field';
import { useDraft } from './useDraft';

// The flow schema allows 1–80 characters.
const MAX_NAME = 80;

/** The node's display name; an empty name is kept as a draft and never written to the flow. */
export function NodeNameField({ node }: { node: FlowNode }) {
  const [draft, setDraft] = useDraft(node.name);
  const change = (value: string) => {
    setDraft(value);
    const name = value.trim();
    if (name !== '' && name !== node.name)
      useAppStore.getState().editFlow((f) => updateNode(f, node.id, (n) => ({ ...n, name })));
  };
  return (
    <Field label="Name" error={draft.trim() === '' ? 'Name: must not be empty' : null}>
      {(control) => (
        <input
          {...control}
          type="text"
          value={draft}
          maxLength={MAX_NAME}
          onChange={(e) => change(e.target.value)}
          onBlur={() => setDraft(node.name)}
        />
      )}
    </Field>
  );
}
