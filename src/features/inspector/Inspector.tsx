import { lazy, Suspense } from 'react';
import { useAppStore } from '../../state';
import './inspector.css';

// Nothing is selected on first load: the node panels are fetched on the first selection (keeps the first bundle small).
const NodeInspector = lazy(() => import('./NodeInspector').then((m) => ({ default: m.NodeInspector })));
const InvariantsEditor = lazy(() =>
  import('../invariants/InvariantsEditor').then((m) => ({ default: m.InvariantsEditor })),
);
const LogQueryConsole = lazy(() =>
  import('../query-console/LogQueryConsole').then((m) => ({ default: m.LogQueryConsole })),
);

/** The right-hand panel: everything about the selected node. */
export function Inspector() {
  const node = useAppStore((s) => s.flow?.nodes.find((n) => n.id === s.selectedNodeId) ?? null);
  const sourced = useAppStore((s) => s.flow?.nodes.some((n) => n.kind === 'aggregate') ?? false);
  return (
    <aside className="inspector nokey" aria-label="Inspector">
      {node === null ? (
        <div className="inspector-help">
          <h2 className="panel-title">Inspector</h2>
          <p>Select a node on the canvas to edit it, see its state and publish events by hand.</p>
          <p>Press Play to run the flow; drag the timeline to see the system as it was at any step.</p>
          <Suspense fallback={null}>
            <InvariantsEditor />
            {sourced && <LogQueryConsole />}
          </Suspense>
        </div>
      ) : (
        <Suspense fallback={<p className="inspector-help">Loading…</p>}>
          <NodeInspector key={node.id} node={node} />
        </Suspense>
      )}
    </aside>
  );
}
