import { useState } from 'react';
import { useAppStore } from '../../state';
import { CheckboxField } from './CheckboxField';
import { Field } from './Field';
import { StateDiffTable } from './StateDiffTable';
import { useStateDiff } from './useStateDiff';

/** A typed step, or null when it is not a whole number in [0, head]. */
function stepOf(text: string, head: number): number | null {
  const step = Number(text);
  return text.trim() !== '' && Number.isInteger(step) && step >= 0 && step <= head ? step : null;
}

/**
 * "Compare steps": how the node's state differs between two timeline positions, path by path. It
 * follows the cursor (the step before and the step shown) until a step is typed.
 */
export function CompareSteps({ nodeId }: { nodeId: string }) {
  const cursor = useAppStore((s) => s.frame?.cursor ?? 0);
  const head = useAppStore((s) => s.frame?.head ?? 0);
  const branchId = useAppStore((s) => s.frame?.branchId ?? '');
  // Following a playing run would ask for a diff every frame: it waits for the pause.
  const waiting = useAppStore((s) => s.playing);
  const [follow, setFollow] = useState(true);
  const [typed, setTyped] = useState({ from: '0', to: '0' });
  const fromText = follow ? String(Math.max(0, cursor - 1)) : typed.from;
  const toText = follow ? String(cursor) : typed.to;
  const from = stepOf(fromText, head);
  const to = stepOf(toText, head);
  const paused = !(follow && waiting);
  const result = useStateDiff(nodeId, paused ? from : null, paused ? to : null, branchId);
  const current = result !== null && result.key === `${branchId}|${nodeId}|${from}|${to}` ? result : null;

  const type = (field: 'from' | 'to', value: string) => {
    setTyped({ from: fromText, to: toText, [field]: value });
    setFollow(false);
  };
  const outOfRange = `must be a step from 0 to ${head}`;

  return (
    <section className="inspector-section" aria-label="Compare steps">
      <h3>Compare steps</h3>
      <div className="compare-steps">
        <Field label="From step" error={from === null ? outOfRange : null}>
          {(control) => (
            <input
              {...control}
              type="number"
              min={0}
              max={head}
              step={1}
              value={fromText}
              onChange={(e) => type('from', e.target.value)}
            />
          )}
        </Field>
        <Field label="To step" error={to === null ? outOfRange : null}>
          {(control) => (
            <input
              {...control}
              type="number"
              min={0}
              max={head}
              step={1}
              value={toText}
              onChange={(e) => type('to', e.target.value)}
            />
          )}
        </Field>
      </div>
      <CheckboxField
        label="Follow the cursor"
        checked={follow}
        hint="Compares the step before with the step shown, as you step or scrub."
        onChange={setFollow}
      />
      {!paused && <p className="muted compare-summary">Shown when the run is paused or stepped.</p>}
      {paused && from !== null && to !== null && (
        <>
          <p aria-live="polite" className="muted compare-summary">
            {current === null
              ? 'Comparing…'
              : 'problem' in current
                ? current.problem
                : describe(current.diff.changes.length, current.diff.truncated, from, to)}
          </p>
          {current !== null && 'diff' in current && current.diff.changes.length > 0 && (
            <StateDiffTable changes={current.diff.changes} />
          )}
        </>
      )}
    </section>
  );
}

function describe(count: number, truncated: boolean, from: number, to: number): string {
  if (count === 0) return `No changes from step ${from} to step ${to}.`;
  const changes = `${count}${truncated ? '+' : ''} ${count === 1 ? 'change' : 'changes'}`;
  return `${changes} from step ${from} to step ${to}${truncated ? ' (the first are listed)' : ''}:`;
}
