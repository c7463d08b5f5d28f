import { useId, useState, type FormEvent } from 'react';
import { eventTypeNameProblem, type EventTypeEntry } from './eventTypeEntries';

interface EventTypeListProps {
  readonly entries: readonly EventTypeEntry[];
  readonly selected: string | null;
  /** Types with a draft not saved yet. */
  readonly unsaved: readonly string[];
  readonly onSelect: (eventType: string) => void;
  /** A type named by hand (an aggregate's event, say): it gets a schema once one is saved. */
  readonly onAdd: (eventType: string) => void;
}

/** The event types, each with its newest version or "no schema", and a form to name another. */
export function EventTypeList({ entries, selected, unsaved, onSelect, onAdd }: EventTypeListProps) {
  const inputId = useId();
  const errorId = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    const problem = eventTypeNameProblem(
      trimmed,
      entries.map((e) => e.eventType),
    );
    setError(problem);
    if (problem !== null) return;
    onAdd(trimmed);
    setName('');
  };

  return (
    <nav className="schemas-list" aria-label="Event types">
      <ul>
        {entries.map((entry) => (
          <li key={entry.eventType}>
            <button type="button" aria-current={entry.eventType === selected} onClick={() => onSelect(entry.eventType)}>
              <span className="schemas-type-name" title={entry.eventType}>
                {entry.eventType}
              </span>{' '}
              <span className={entry.newest === null ? 'schemas-badge is-missing' : 'schemas-badge'}>
                {entry.newest === null ? 'no schema' : `v${entry.newest}`}
                {unsaved.includes(entry.eventType) && <span className="is-unsaved"> · unsaved changes</span>}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <form className="schemas-add-type" onSubmit={add} noValidate>
        <label htmlFor={inputId}>New event type</label>
        <input
          id={inputId}
          type="text"
          value={name}
          placeholder="OrderShipped"
          maxLength={100}
          aria-invalid={error !== null}
          {...(error !== null ? { 'aria-describedby': errorId } : {})}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit">Add event type</button>
        {error !== null && (
          <span id={errorId} className="inline-error" role="alert">
            {error}
          </span>
        )}
      </form>
    </nav>
  );
}
