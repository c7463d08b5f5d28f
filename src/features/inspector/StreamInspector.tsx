import { useEffect, useState } from 'react';
import type { LogQueryResult } from '../../engine';
import { queryLog, useAppStore } from '../../state';
import { Field } from './Field';

type StateAnswer = Extract<LogQueryResult, { kind: 'state' }>;

/** One stream at the cursor: its events and the aggregate's state at any version, folded by the worker. */
export function StreamInspector({ streamId }: { streamId: string }) {
  const cursor = useAppStore((s) => s.frame?.cursor ?? 0);
  const [version, setVersion] = useState<number | null>(null);
  const [answer, setAnswer] = useState<StateAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void queryLog({ kind: 'state', streamId, ...(version !== null ? { version } : {}) }).then((result) => {
      if (!current) return;
      if (result.ok && result.value.kind === 'state') {
        setAnswer(result.value);
        setError(null);
      } else if (!result.ok) setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [streamId, version, cursor]);

  const latest = answer?.latest ?? 0;
  const shown = answer?.version ?? 0;
  return (
    <div className="stream-inspector">
      <h4>{streamId}</h4>
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {latest > 0 && (
        <Field label={`Version of ${streamId}`} hint={`The state after the first ${shown} of ${latest} events.`}>
          {(control) => (
            <input
              {...control}
              type="range"
              min={0}
              max={latest}
              step={1}
              value={shown}
              aria-valuetext={`version ${shown} of ${latest}`}
              onChange={(e) => setVersion(Number(e.target.value))}
            />
          )}
        </Field>
      )}
      {answer && (
        <>
          <pre
            className="state-view"
            role="region"
            tabIndex={0}
            aria-label={`State of ${streamId} at version ${shown}`}
          >
            {JSON.stringify(answer.state, null, 2)}
          </pre>
          <table className="inspector-table" aria-label={`Events of ${streamId}`}>
            <thead>
              <tr>
                <th scope="col">v</th>
                <th scope="col">Event</th>
                <th scope="col">t (s)</th>
              </tr>
            </thead>
            <tbody>
              {answer.events.map((e) => (
                <tr key={e.eventId}>
                  <td>{e.version}</td>
                  <td title={JSON.stringify(e.data)}>{e.type}</td>
                  <td>{(e.time / 1000).toFixed(3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
