import { useId, useState, type FormEvent } from 'react';
import { goTo, useAppStore } from '../../state';

/** "Go to" a step number, an event id or a virtual time; a target that does not exist says so and moves nothing. */
export function GoToForm() {
  const inputId = useId();
  const messageId = useId();
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; cursor: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const cursor = useAppStore((s) => s.frame?.cursor ?? 0);
  // Where it went is said only while the run is still there; a problem stays until the text changes.
  const result = outcome && (!outcome.ok || outcome.cursor === cursor) ? outcome : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const reply = await goTo(text);
    setBusy(false);
    setOutcome(
      reply.ok ? { ok: true, text: reply.message, cursor: reply.cursor } : { ok: false, text: reply.problem, cursor },
    );
  };

  return (
    <form className="goto-form" role="search" aria-label="Go to" onSubmit={(e) => void submit(e)}>
      <label htmlFor={inputId}>Go to</label>
      <input
        id={inputId}
        type="text"
        value={text}
        placeholder="step, event id or 12.5s"
        spellCheck={false}
        aria-invalid={result !== null && !result.ok}
        aria-describedby={result ? messageId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setOutcome(null);
        }}
      />
      <button type="submit" disabled={busy}>
        Go
      </button>
      {result &&
        (result.ok ? (
          <span id={messageId} role="status" className="timeline-message">
            {result.text}
          </span>
        ) : (
          <span id={messageId} role="alert" className="inline-error timeline-message">
            {result.text}
          </span>
        ))}
    </form>
  );
}
