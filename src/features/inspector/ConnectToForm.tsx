import { useId, useMemo, useState, type FormEvent } from 'react';
import { type FlowNode, CONNECTIONS } from '../../flow';
import { connectableTargets, connectNodes, useAppStore } from '../../state';

/** "Connect to" a node chosen from a list: the keyboard alternative to dragging a handle. */
export function ConnectToForm({ node }: { node: FlowNode }) {
  const id = useId();
  const flow = useAppStore((s) => s.flow);
  const targets = useMemo(() => (flow ? connectableTargets(flow, node.id) : []), [flow, node.id]);
  const [choice, setChoice] = useState('');
  if (CONNECTIONS[node.kind].length === 0) return null;
  const selected = targets.some((t) => t.id === choice) ? choice : (targets[0]?.id ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (selected === '') return;
    const store = useAppStore.getState();
    store.editFlow((flow) => {
      const result = connectNodes(flow, node.id, selected);
      if (result.ok) return result.flow;
      store.pushNotice({ level: 'warning', message: result.reason });
      return flow;
    });
  };

  return (
    <form className="connect-form" onSubmit={submit}>
      <label htmlFor={id} className="field-label">
        Connect to
      </label>
      <div className="field-row">
        <select id={id} value={selected} disabled={targets.length === 0} onChange={(e) => setChoice(e.target.value)}>
          {targets.length === 0 && <option value="">No node to connect to</option>}
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <button type="submit" disabled={targets.length === 0}>
          Connect
        </button>
      </div>
    </form>
  );
}
