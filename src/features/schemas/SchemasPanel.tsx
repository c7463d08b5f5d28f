import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { getOwn } from '../../lib/ownRecord';
import { useAppStore } from '../../state';
import { SCHEMAS_BUTTON_ID } from '../toolbar/SchemasButton';
import { EventTypeDetail } from './EventTypeDetail';
import { EventTypeList } from './EventTypeList';
import { eventTypeEntries, type EventTypeEntry } from './eventTypeEntries';
import { isDirty, type SchemaDraft } from './schemaDraft';
import './schemas.css';

/** The flow's event types, their schema versions, and the draft being written for each. */
export function SchemasPanel() {
  const titleId = useId();
  const panel = useRef<HTMLElement>(null);
  const flow = useAppStore((s) => s.flow);
  // Drafts live here, not in the detail, so switching between types keeps what was typed.
  const [drafts, setDrafts] = useState<Readonly<Record<string, SchemaDraft>>>({});
  const [added, setAdded] = useState<readonly string[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);

  const entries = useMemo<EventTypeEntry[]>(() => {
    const listed = flow ? eventTypeEntries(flow) : [];
    const extra = added
      .filter((t) => !listed.some((e) => e.eventType === t))
      .map((eventType) => ({ eventType, newest: null, producers: [] }));
    return [...listed, ...extra];
  }, [flow, added]);
  const unsaved = flow
    ? Object.values(drafts)
        .filter((d) => isDirty(flow, d))
        .map((d) => d.eventType)
    : [];
  const current =
    selected !== null && entries.some((e) => e.eventType === selected) ? selected : (entries[0]?.eventType ?? null);

  useEffect(() => {
    panel.current?.focus();
  }, []);

  const close = () => {
    useAppStore.getState().openSchemas(false);
    document.getElementById(SCHEMAS_BUTTON_ID)?.focus();
  };
  const requestClose = () => (unsaved.length > 0 ? setConfirmClose(true) : close());
  const onKeyDown = (event: KeyboardEvent) => {
    // Escape inside an editor closes its suggestions, not the panel.
    if (event.key === 'Escape' && !(event.target as Element).closest('.monaco-editor')) requestClose();
  };
  const setDraft = (eventType: string, draft: SchemaDraft | null) =>
    setDrafts((all) => {
      const { [eventType]: _old, ...rest } = all;
      return draft === null ? rest : { ...rest, [eventType]: draft };
    });

  return (
    // "nokey": React Flow listens for Delete and Space on the whole document and would swallow them here.
    <section
      ref={panel}
      className="schemas-panel nokey"
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <header className="schemas-header">
        <h2 id={titleId}>Event schemas</h2>
        <span className="schemas-hint">
          A producer's payload, a hand-published event and an aggregate's events must pass their type's newest schema;
          older data is upcast when read.
        </span>
        <button type="button" onClick={requestClose}>
          Close schemas
        </button>
      </header>
      {confirmClose && (
        <div className="schemas-confirm" role="alert">
          <span>Unsaved changes to {unsaved.join(', ')}. Close and lose them?</span>
          <button type="button" className="danger" onClick={close}>
            Discard and close
          </button>
          <button type="button" onClick={() => setConfirmClose(false)}>
            Keep editing
          </button>
        </div>
      )}
      <div className="schemas-body">
        <EventTypeList
          entries={entries}
          selected={current}
          unsaved={unsaved}
          onSelect={setSelected}
          onAdd={(eventType) => {
            setAdded((list) => [...list, eventType]);
            setSelected(eventType);
          }}
        />
        {flow && current !== null ? (
          <EventTypeDetail
            key={current}
            flow={flow}
            entry={entries.find((e) => e.eventType === current)!}
            draft={getOwn(drafts, current) ?? null}
            onDraft={(draft) => setDraft(current, draft)}
            onSaved={() => setAdded((list) => list.filter((t) => t !== current))}
          />
        ) : (
          <p className="schemas-empty">This flow has no event types yet: add a producer, or name a type on the left.</p>
        )}
      </div>
    </section>
  );
}
