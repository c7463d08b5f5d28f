import './invariants.css';
import { useState } from 'react';
import type { FlowDocument, Invariant } from '../../flow';
import { useAppStore } from '../../state';

const TEMPLATE = `function holds(nodes) {
  // nodes[id] = { name, kind, state, counters }; return true, false, or a message
  return true;
}
`;

/** Replaces the flow's invariants; an empty list removes the field, as the document never stores one. */
function setInvariants(flow: FlowDocument, invariants: Invariant[]): FlowDocument {
  const { invariants: _old, ...rest } = flow;
  return invariants.length > 0 ? { ...rest, invariants } : rest;
}

function nextId(invariants: readonly Invariant[]): string {
  let n = invariants.length + 1;
  while (invariants.some((i) => i.id === `invariant-${n}`)) n++;
  return `invariant-${n}`;
}

/** Predicates over node states, checked after every step; the first violation pauses the run and shows where. */
export function InvariantsEditor() {
  const invariants = useAppStore((s) => s.flow?.invariants);
  const nodes = useAppStore((s) => s.flow?.nodes);
  const edit = (update: (list: Invariant[]) => Invariant[]) =>
    useAppStore.getState().editFlow((f) => setInvariants(f, update([...(f.invariants ?? [])])));
  return (
    <section className="invariants" aria-label="Invariants">
      <h2 className="panel-title">Invariants</h2>
      <p className="muted">
        Checked after every step. The first step that breaks one pauses the run there and is marked in the log.
      </p>
      {(invariants ?? []).map((invariant) => (
        <InvariantForm
          key={invariant.id}
          invariant={invariant}
          onChange={(next) => edit((list) => list.map((i) => (i.id === invariant.id ? next : i)))}
          onRemove={() => edit((list) => list.filter((i) => i.id !== invariant.id))}
        />
      ))}
      <button
        type="button"
        onClick={() =>
          edit((list) => [...list, { id: nextId(list), name: `Invariant ${list.length + 1}`, code: TEMPLATE }])
        }
      >
        Add invariant
      </button>
      {nodes && nodes.length > 0 && (
        <p className="field-hint">Node ids: {nodes.map((n) => `${n.id} (${n.name})`).join(', ')}</p>
      )}
    </section>
  );
}

/** One invariant: its name applied as typed, its code applied with a button (half-typed code would be checked every step). */
function InvariantForm({
  invariant,
  onChange,
  onRemove,
}: {
  invariant: Invariant;
  onChange: (next: Invariant) => void;
  onRemove: () => void;
}) {
  const [code, setCode] = useState(invariant.code);
  const [name, setName] = useState(invariant.name);
  const nameId = `${invariant.id}-name`;
  const codeId = `${invariant.id}-code`;
  return (
    <div className="invariant-form">
      <label className="field-label" htmlFor={nameId}>
        Name
      </label>
      <input
        id={nameId}
        type="text"
        value={name}
        maxLength={80}
        onChange={(e) => setName(e.target.value)}
        onBlur={() => name.trim() !== '' && name !== invariant.name && onChange({ ...invariant, name: name.trim() })}
      />
      <label className="field-label" htmlFor={codeId}>
        Code of {invariant.name}
      </label>
      <textarea
        id={codeId}
        className="code-textarea"
        rows={5}
        spellCheck={false}
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
      <div className="field-row">
        <button
          type="button"
          className="primary"
          disabled={code === invariant.code}
          onClick={() => onChange({ ...invariant, code })}
        >
          Apply {invariant.name}
        </button>
        <button type="button" className="danger" onClick={onRemove}>
          Remove {invariant.name}
        </button>
      </div>
    </div>
  );
}
