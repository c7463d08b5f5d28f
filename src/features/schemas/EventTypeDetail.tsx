import { lazy, Suspense, useId, useState } from 'react';
import type { FlowDocument } from '../../flow';
import { getOwn } from '../../lib/ownRecord';
import { flushFlow, useAppStore } from '../../state';
import { EVENT_SCHEMA_SUFFIX } from '../code-editor/jsonSchemaSubset';
import { checkDraft } from './checkDraft';
import type { EventTypeEntry } from './eventTypeEntries';
import { SchemaCheckList, type SaveOutcome } from './SchemaCheckList';
import {
  firstDraft,
  formatSchema,
  isDirty,
  nextVersionDraft,
  savedDraft,
  upcasterTemplate,
  type SchemaDraft,
} from './schemaDraft';
import { SchemaVersions } from './SchemaVersions';

// Monaco is fetched after the list shows: the panel is usable for reading before the editor arrives.
const SourceEditor = lazy(() => import('../code-editor/SourceEditor').then((m) => ({ default: m.SourceEditor })));
const UpcasterEditor = lazy(() => import('./UpcasterEditor').then((m) => ({ default: m.UpcasterEditor })));

interface EventTypeDetailProps {
  readonly flow: FlowDocument;
  readonly entry: EventTypeEntry;
  /** The draft being written; null: none yet (the newest saved version is shown, ready to edit). */
  readonly draft: SchemaDraft | null;
  readonly onDraft: (draft: SchemaDraft | null) => void;
  readonly onSaved: () => void;
}

function draftTitle(draft: SchemaDraft): string {
  if (!draft.adding) return `Editing v${draft.version}, the newest version`;
  return draft.version === 1 ? 'First schema, v1 (not saved yet)' : `New version v${draft.version} (not saved yet)`;
}

/** One event type: its versions, the newest schema in a JSON editor, an optional upcaster, and Save after the checks. */
export function EventTypeDetail({ flow, entry, draft, onDraft, onSaved }: EventTypeDetailProps) {
  const headingId = useId();
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const { eventType } = entry;
  const versions = getOwn(flow.schemas, eventType)?.versions ?? [];
  const working = draft ?? savedDraft(flow, eventType);
  const publishedBy = entry.producers.length > 0 ? ` Published by ${entry.producers.join(', ')}.` : '';

  if (working === null) {
    return (
      <section className="schemas-detail" aria-labelledby={headingId}>
        <h3 id={headingId}>{eventType}</h3>
        <p>No schema: events of this type are not checked, and handlers see their data untyped.{publishedBy}</p>
        <div className="schemas-actions">
          <button type="button" className="primary" onClick={() => onDraft(firstDraft(flow, eventType))}>
            Add schema
          </button>
        </div>
      </section>
    );
  }

  const dirty = isDirty(flow, working);
  const update = (patch: Partial<SchemaDraft>) => onDraft({ ...working, ...patch });
  const editorKey = `${working.version}-${working.adding ? 'new' : 'edit'}-${working.generation}`;

  const format = () => {
    try {
      update({ schemaText: formatSchema(JSON.parse(working.schemaText)), generation: working.generation + 1 });
    } catch {
      // Text that is not JSON stays as typed: the editor already marks where it breaks.
    }
  };

  const save = async () => {
    const current = useAppStore.getState().flow;
    if (!current) return;
    const result = checkDraft(current, working);
    if (!result.ok) {
      setOutcome({ saved: false, message: `Not saved: ${result.summary}.`, items: result.items });
      return;
    }
    const previous = current.schemas;
    useAppStore.getState().editFlow((f) => ({ ...f, schemas: result.schemas }));
    const warnings = result.items.filter((i) => i.level === 'warning').length;
    const message = `Saved ${eventType} v${working.version}${warnings > 0 ? ` with ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''}.`;
    setOutcome({ saved: true, message, items: result.items });
    onDraft(null);
    if (await flushFlow()) {
      onSaved();
      return;
    }
    // The engine validates again; if it refuses, the saved schemas come back and the draft with them.
    useAppStore.getState().editFlow((f) => (f.schemas === result.schemas ? { ...f, schemas: previous } : f));
    onDraft(working);
    setOutcome({
      saved: false,
      message: 'Not saved: the engine refused the flow (see the notice above the canvas).',
      items: result.items,
    });
  };

  return (
    <section className="schemas-detail" aria-labelledby={headingId}>
      <h3 id={headingId}>{eventType}</h3>
      {publishedBy && <p className="muted">{publishedBy.trim()}</p>}
      <SchemaVersions eventType={eventType} versions={versions} />
      <h4>{draftTitle(working)}</h4>
      <div className="schemas-editor schemas-json" role="group" aria-label="Schema editor">
        <Suspense fallback={<p className="code-editor-loading">Loading the editor…</p>}>
          <SourceEditor
            key={editorKey}
            path={`schemas/${eventType}.v${working.version}${EVENT_SCHEMA_SUFFIX}`}
            language="json"
            initialValue={working.schemaText}
            ariaLabel={`Schema of ${eventType} v${working.version} (JSON)`}
            problemsLabel="Problems in the schema"
            subject="this schema"
            onChange={(schemaText) => update({ schemaText })}
          />
        </Suspense>
      </div>
      {working.version > 1 &&
        (working.upcaster === null ? (
          <p className="schemas-upcaster-offer">
            <button
              type="button"
              onClick={() =>
                update({ upcaster: upcasterTemplate(eventType, working.version), generation: working.generation + 1 })
              }
            >
              Add upcaster
            </button>{' '}
            <span className="muted">
              Needed when v{working.version - 1} events cannot be read as v{working.version}: it turns their data into v
              {working.version} data when they are read.
            </span>
          </p>
        ) : (
          <>
            <h4>
              Upcaster v{working.version - 1} → v{working.version}
            </h4>
            <div className="schemas-editor schemas-upcaster" role="group" aria-label="Upcaster editor">
              <Suspense fallback={<p className="code-editor-loading">Loading the editor…</p>}>
                <UpcasterEditor
                  key={editorKey}
                  eventType={eventType}
                  from={versions.find((v) => v.version === working.version - 1)}
                  version={working.version}
                  schemaText={working.schemaText}
                  initialValue={working.upcaster}
                  onChange={(upcaster) => update({ upcaster })}
                />
              </Suspense>
            </div>
            <p>
              <button type="button" onClick={() => update({ upcaster: null })}>
                Remove upcaster
              </button>
            </p>
          </>
        ))}
      <div className="schemas-actions">
        <button type="button" className="primary" disabled={!dirty} onClick={() => void save()}>
          Save schema
        </button>
        <button
          type="button"
          disabled={working.adding}
          title="A new version starting from the text above"
          onClick={() => {
            setOutcome(null);
            onDraft(nextVersionDraft(working));
          }}
        >
          Add version
        </button>
        <button type="button" title="Lay the JSON out over several lines" onClick={format}>
          Format JSON
        </button>
        <button
          type="button"
          disabled={!dirty}
          onClick={() => {
            setOutcome(null);
            onDraft(savedDraft(flow, eventType, working.generation + 1));
          }}
        >
          Discard changes
        </button>
      </div>
      {outcome && <SchemaCheckList outcome={outcome} />}
    </section>
  );
}
