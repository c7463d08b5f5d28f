import { useState, type FormEvent } from 'react';
import type { EventRow, LogQuery, LogQueryResult } from '../../engine';
import { queryLog } from '../../state';
import './queryConsole.css';

type Kind = LogQuery['kind'];

const seconds = (text: string): number | undefined =>
  text.trim() === '' ? undefined : Math.round(Number(text) * 1000);

/** Temporal questions about the event store at the cursor: a stream's state at a version or time, counts in a time range, one conversation. */
export function LogQueryConsole() {
  const [kind, setKind] = useState<Kind>('state');
  const [streamId, setStreamId] = useState('');
  const [version, setVersion] = useState('');
  const [time, setTime] = useState('');
  const [eventType, setEventType] = useState('');
  const [from, setFrom] = useState('0');
  const [to, setTo] = useState('60');
  const [correlation, setCorrelation] = useState('');
  const [result, setResult] = useState<LogQueryResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const build = (): LogQuery | string => {
    if (kind === 'state') {
      if (streamId.trim() === '') return 'Name a stream, e.g. Order-ord-abc123';
      const at = seconds(time);
      if (at !== undefined && !Number.isFinite(at)) return 'At time: a number of seconds';
      if (version.trim() !== '' && !/^\d+$/.test(version.trim())) return 'At version: a whole number';
      return {
        kind,
        streamId: streamId.trim(),
        ...(version.trim() !== '' ? { version: Number(version) } : {}),
        ...(at !== undefined ? { time: at } : {}),
      };
    }
    if (kind === 'count') {
      const f = seconds(from);
      const t = seconds(to);
      if (eventType.trim() === '') return 'Name an event type, e.g. OrderPlaced';
      if (f === undefined || t === undefined || !Number.isFinite(f) || !Number.isFinite(t))
        return 'From and to: numbers of seconds';
      return { kind, eventType: eventType.trim(), from: f, to: t };
    }
    if (correlation.trim() === '') return 'Give a correlation id (a command id starts a conversation)';
    return { kind, id: correlation.trim() };
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const query = build();
    if (typeof query === 'string') {
      setError(query);
      setResult(null);
      return;
    }
    const answer = await queryLog(query);
    if (answer.ok) {
      setResult(answer.value);
      setError(null);
    } else {
      setError(answer.error);
      setResult(null);
    }
  };

  return (
    <section className="query-console" aria-label="Query the event store">
      <h2 className="panel-title">Query the event store</h2>
      <form onSubmit={(e) => void submit(e)}>
        <fieldset className="query-kinds">
          <legend>Question</legend>
          {(
            [
              ['state', 'State of a stream'],
              ['count', 'Count events'],
              ['correlation', 'A conversation'],
            ] as const
          ).map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name="query-kind"
                value={value}
                checked={kind === value}
                onChange={() => setKind(value)}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        {kind === 'state' && (
          <>
            <label className="field-label" htmlFor="q-stream">
              Stream id
            </label>
            <input
              id="q-stream"
              type="text"
              value={streamId}
              onChange={(e) => setStreamId(e.target.value)}
              spellCheck={false}
            />
            <label className="field-label" htmlFor="q-version">
              At version (empty: latest)
            </label>
            <input
              id="q-version"
              type="text"
              inputMode="numeric"
              value={version}
              onChange={(e) => setVersion(e.target.value)}
            />
            <label className="field-label" htmlFor="q-time">
              Or at time (s)
            </label>
            <input id="q-time" type="text" inputMode="decimal" value={time} onChange={(e) => setTime(e.target.value)} />
          </>
        )}
        {kind === 'count' && (
          <>
            <label className="field-label" htmlFor="q-type">
              Event type
            </label>
            <input
              id="q-type"
              type="text"
              value={eventType}
              onChange={(e) => setEventType(e.target.value)}
              spellCheck={false}
            />
            <label className="field-label" htmlFor="q-from">
              From (s)
            </label>
            <input id="q-from" type="text" inputMode="decimal" value={from} onChange={(e) => setFrom(e.target.value)} />
            <label className="field-label" htmlFor="q-to">
              To (s, excluded)
            </label>
            <input id="q-to" type="text" inputMode="decimal" value={to} onChange={(e) => setTo(e.target.value)} />
          </>
        )}
        {kind === 'correlation' && (
          <>
            <label className="field-label" htmlFor="q-correlation">
              Correlation id
            </label>
            <input
              id="q-correlation"
              type="text"
              value={correlation}
              onChange={(e) => setCorrelation(e.target.value)}
              spellCheck={false}
            />
          </>
        )}
        <button type="submit" className="primary">
          Ask
        </button>
      </form>
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {result && <Answer result={result} />}
    </section>
  );
}

function Answer({ result }: { result: LogQueryResult }) {
  if (result.kind === 'count') {
    return (
      <p role="status" aria-label="Answer">
        {result.count.toLocaleString('en-US')} {result.count === 1 ? 'event' : 'events'}
      </p>
    );
  }
  if (result.kind === 'correlation')
    return <EventTable caption={`${result.events.length} events in this conversation`} events={result.events} />;
  return (
    <div role="status" aria-label="Answer">
      <p>
        {result.streamId} at version {result.version} of {result.latest}
      </p>
      <pre className="state-view">{JSON.stringify(result.state, null, 2)}</pre>
    </div>
  );
}

function EventTable({ caption, events }: { caption: string; events: readonly EventRow[] }) {
  return (
    <table className="inspector-table" aria-label="Answer">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">@</th>
          <th scope="col">Stream</th>
          <th scope="col">Event</th>
          <th scope="col">t (s)</th>
          <th scope="col">Caused by</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.eventId}>
            <td>{e.position}</td>
            <td>
              {e.streamId} v{e.version}
            </td>
            <td>{e.type}</td>
            <td>{(e.time / 1000).toFixed(3)}</td>
            <td title={e.causationId ?? ''}>{e.causationId === null ? '—' : e.causationId.slice(0, 12)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
