import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  defaultProducer,
  importEvents,
  readEventsFile,
  useAppStore,
  type ImportedEvent,
  type LineProblem,
} from '../../state';

type Stage =
  | { readonly kind: 'reading' }
  | { readonly kind: 'invalid'; readonly problems: readonly LineProblem[]; readonly unlisted: number }
  | { readonly kind: 'ready'; readonly events: readonly ImportedEvent[]; readonly engineSteps: number }
  | { readonly kind: 'importing'; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly text: string }
  | { readonly kind: 'failed'; readonly text: string };

interface ImportEventsDialogProps {
  readonly file: File;
  readonly onClose: () => void;
}

const plural = (n: number, one: string): string => `${n.toLocaleString('en')} ${one}${n === 1 ? '' : 's'}`;

/** Checks a CloudEvents JSON Lines file; when every line is valid, publishes each event's data by hand on the chosen producer. */
export function ImportEventsDialog({ file, onClose }: ImportEventsDialogProps) {
  const titleId = useId();
  const selectId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'reading' });
  const flow = useAppStore((s) => s.flow);
  const producers = useMemo(() => flow?.nodes.filter((n) => n.kind === 'producer') ?? [], [flow]);
  const [producer, setProducer] = useState<string | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
    let live = true;
    void readEventsFile(file).then(
      (scan) => {
        if (!live) return;
        if (!scan.ok) setStage({ kind: 'invalid', problems: scan.problems, unlisted: scan.unlisted });
        else {
          setProducer(
            defaultProducer(scan.events, useAppStore.getState().flow?.nodes.filter((n) => n.kind === 'producer') ?? []),
          );
          setStage({ kind: 'ready', events: scan.events, engineSteps: scan.engineSteps });
        }
      },
      (error: unknown) =>
        live &&
        setStage({
          kind: 'invalid',
          problems: [{ line: null, reason: `The file could not be read (${String(error)}).` }],
          unlisted: 0,
        }),
    );
    return () => {
      live = false;
    };
  }, [file]);

  const run = async (events: readonly ImportedEvent[], on: string) => {
    setStage({ kind: 'importing', done: 0, total: events.length });
    const result = await importEvents(on, events, (done) =>
      setStage({ kind: 'importing', done, total: events.length }),
    );
    setStage(
      result.ok
        ? { kind: 'done', text: `Imported ${plural(events.length, 'event')} as steps ${result.first}–${result.last}.` }
        : { kind: 'failed', text: result.problem },
    );
  };

  const chosen = producers.find((p) => p.id === producer) ?? null;
  return (
    <dialog
      ref={dialog}
      className="modal-dialog import-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      // Escape does not walk away from an import half done.
      onCancel={(e) => stage.kind === 'importing' && e.preventDefault()}
    >
      <h2 id={titleId}>Import events</h2>
      <p className="muted">{file.name}</p>
      {stage.kind === 'reading' && <p role="status">Checking every line…</p>}
      {stage.kind === 'invalid' && (
        <div role="alert" className="import-problems">
          <p>This file cannot be imported; nothing was imported.</p>
          <ul aria-label="Problems">
            {stage.problems.map((p, i) => (
              <li key={i}>{p.line === null ? p.reason : `Line ${p.line}: ${p.reason}`}</li>
            ))}
            {stage.unlisted > 0 && <li>…and {plural(stage.unlisted, 'more problem')}</li>}
          </ul>
        </div>
      )}
      {stage.kind === 'ready' && (
        <>
          <p role="status">
            {plural(stage.events.length, 'event')} ready
            {stage.engineSteps > 0 && ` (${plural(stage.engineSteps, 'engine step')} of a Tidemark export skipped)`}.
          </p>
          {producers.length === 0 ? (
            <p role="alert" className="inline-error">
              This flow has no producer to publish them on: add one first.
            </p>
          ) : (
            <div className="field">
              <label htmlFor={selectId} className="field-label">
                Publish on producer
              </label>
              <select id={selectId} value={producer ?? ''} onChange={(e) => setProducer(e.target.value)}>
                {producers.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
              <span className="field-hint">
                Each event’s data is published by hand on this producer, one step each, at the end of the branch.
              </span>
            </div>
          )}
        </>
      )}
      {stage.kind === 'importing' && (
        <p role="status">
          Importing… {stage.done} of {stage.total}
        </p>
      )}
      {stage.kind === 'done' && <p role="status">{stage.text}</p>}
      {stage.kind === 'failed' && (
        <p role="alert" className="inline-error">
          {stage.text}
        </p>
      )}
      <div className="popover-actions">
        {stage.kind === 'ready' && (
          <button
            type="button"
            className="primary"
            disabled={chosen === null}
            onClick={() => chosen && void run(stage.events, chosen.id)}
          >
            Import {plural(stage.events.length, 'event')}
          </button>
        )}
        <button type="button" disabled={stage.kind === 'importing'} onClick={() => dialog.current?.close()}>
          {stage.kind === 'ready' || stage.kind === 'reading' ? 'Cancel' : 'Close'}
        </button>
      </div>
    </dialog>
  );
}
