import { useAppStore } from '../../state';
import { getOwn } from '../../lib/ownRecord';

/** The node's state in the current frame, as JSON; it follows the cursor when the run is scrubbed. */
export function NodeStateView({ nodeId, label }: { nodeId: string; label: 'State' | 'Read model' }) {
  // A string compares by value, so the panel re-renders only when the state really changed.
  const json = useAppStore((s) => {
    const state = getOwn(s.frame?.nodeStates, nodeId);
    return state === undefined ? null : JSON.stringify(state, null, 2);
  });
  return (
    <section className="inspector-section">
      <h3>{label}</h3>
      <pre className="state-view" role="region" aria-label={label} tabIndex={0}>
        {json ?? '{}'}
      </pre>
    </section>
  );
}
