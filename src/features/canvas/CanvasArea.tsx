import { lazy, Suspense } from 'react';
import { useAppStore } from '../../state';
import { FlowCanvas } from './FlowCanvas';
import './canvas.css';

// The editor panel and Monaco behind it load only when a person opens a handler.
const TracePanel = lazy(() => import('../trace/TracePanel').then((m) => ({ default: m.TracePanel })));
const CodeEditorPanel = lazy(() =>
  import('../code-editor/CodeEditorPanel').then((m) => ({ default: m.CodeEditorPanel })),
);

/** The centre column: the canvas, with the handler code editor below it when open. */
export function CanvasArea() {
  const loadId = useAppStore((s) => s.flowLoadId);
  const empty = useAppStore((s) => s.flow === null || s.flow.nodes.length === 0);
  const codeNodeId = useAppStore((s) => s.codeNodeId);
  const trace = useAppStore((s) => s.trace);
  return (
    <div className="canvas-area">
      <div className="canvas-frame">
        {/* Re-mounted per loaded flow so fitView frames the new flow. */}
        <FlowCanvas key={loadId} />
        {empty && <p className="canvas-empty">Drag a node from the palette to start, or open an example.</p>}
      </div>
      {trace !== null && codeNodeId === null && (
        <div className="code-editor-slot">
          <Suspense fallback={<p className="code-editor-loading">Loading the trace…</p>}>
            <TracePanel trace={trace} />
          </Suspense>
        </div>
      )}
      {codeNodeId !== null && (
        // The slot has its final height at once, so the canvas is resized (and re-framed) only once.
        <div className="code-editor-slot">
          <Suspense fallback={<p className="code-editor-loading">Loading the editor…</p>}>
            <CodeEditorPanel key={codeNodeId} nodeId={codeNodeId} />
          </Suspense>
        </div>
      )}
    </div>
  );
}
