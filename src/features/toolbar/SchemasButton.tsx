import { useAppStore } from '../../state';

/** The id the Schemas panel gives focus back to when it closes. */
export const SCHEMAS_BUTTON_ID = 'schemas-button';

/** Opens and closes the Schemas panel: the flow's event types and their versioned schemas. */
export function SchemasButton() {
  const open = useAppStore((s) => s.schemasOpen);
  const ready = useAppStore((s) => s.flow !== null);
  return (
    <button
      type="button"
      id={SCHEMAS_BUTTON_ID}
      disabled={!ready}
      aria-expanded={open}
      aria-haspopup="dialog"
      title="Event types and their versioned JSON schemas"
      onClick={() => useAppStore.getState().openSchemas(!open)}
    >
      Schemas
    </button>
  );
}
