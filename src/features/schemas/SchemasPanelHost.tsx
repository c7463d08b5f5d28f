import { lazy, Suspense } from 'react';
import { useAppStore } from '../../state';
import './schemasHost.css';

// The panel, the schema checks and Monaco load only when a person opens it (keeps the first bundle small).
const SchemasPanel = lazy(() => import('./SchemasPanel').then((m) => ({ default: m.SchemasPanel })));

/** Where the Schemas panel appears when the toolbar's Schemas button opens it. */
export function SchemasPanelHost() {
  const open = useAppStore((s) => s.schemasOpen);
  // Drafts belong to the flow they were written for: another flow opened starts the panel afresh.
  const loadId = useAppStore((s) => s.flowLoadId);
  if (!open) return null;
  return (
    <Suspense
      fallback={
        <p className="schemas-loading" role="status">
          Loading the schemas…
        </p>
      }
    >
      <SchemasPanel key={loadId} />
    </Suspense>
  );
}
