import { lazy, Suspense, useCallback, useRef } from 'react';
import { getOwn } from '../../lib/ownRecord';
import { flushFlow, setCode, useAppStore } from '../../state';
import './codeEditor.css';

// Monaco is a few MB: it is fetched only when a person opens the editor.
const MonacoEditor = lazy(() => import('./MonacoEditor').then((m) => ({ default: m.MonacoEditor })));

/** The handler code of one node, with Apply and Close. */
export function CodeEditorPanel({ nodeId }: { nodeId: string }) {
  const name = useAppStore((s) => s.flow?.nodes.find((n) => n.id === nodeId)?.name ?? nodeId);
  const isAggregate = useAppStore((s) => s.flow?.nodes.find((n) => n.id === nodeId)?.kind === 'aggregate');
  const initial = useAppStore((s) => getOwn(s.flow?.code, nodeId) ?? '');
  const hint = isAggregate
    ? 'Define initialState, decide(command: Command, state) and evolve(state, event: StoredEvent); Apply sends it to the engine.'
    : 'Define function handle(event: TidemarkEvent, ctx: Context): event.data is typed from the schemas. Apply sends it to the engine.';
  const draft = useRef<string | null>(null);
  const onChange = useCallback((value: string) => {
    draft.current = value;
  }, []);

  const apply = () => {
    const source = draft.current;
    if (source === null) return;
    useAppStore.getState().editFlow((f) => setCode(f, nodeId, source));
    void flushFlow();
  };

  return (
    // "nokey": React Flow listens for Space/Delete on the whole document and would swallow them here.
    <section className="code-editor nokey" aria-label="Handler code">
      <div className="code-editor-bar">
        <h2>
          Handler code <span className="code-editor-node">— {name}</span>
        </h2>
        <span className="code-editor-hint" title={hint}>
          {hint}
        </span>
        <button type="button" className="primary" onClick={apply}>
          Apply code
        </button>
        <button type="button" onClick={() => useAppStore.getState().openCodeEditor(null)}>
          Close editor
        </button>
      </div>
      <Suspense fallback={<p className="code-editor-loading">Loading the editor…</p>}>
        <MonacoEditor nodeId={nodeId} initialValue={initial} onChange={onChange} />
      </Suspense>
    </section>
  );
}
