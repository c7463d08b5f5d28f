import { useState } from 'react';
import { parseJsonText } from '../../state';
import { Field } from './Field';

interface SendByHandProps {
  readonly title: string;
  /** The textarea's label, e.g. "Event payload (JSON)". */
  readonly label: string;
  readonly button: string;
  readonly initial: string;
  /** Sends the parsed data; resolves to the step it became, or null when refused (the reason is shown elsewhere). */
  readonly send: (data: unknown) => Promise<number | null>;
  /** What the status says once sent: "Published as step 12". */
  readonly sent: (step: number) => string;
  /** The text to leave in the box after a send (e.g. with the next manual ids). */
  readonly next?: (text: string) => string;
}

/** A JSON box and a button that sends it by hand: malformed JSON, or JSON past the limits, is refused before anything is sent. */
export function SendByHand({ title, label, button, initial, send, sent, next }: SendByHandProps) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const parsed = parseJsonText(text);
    if (!parsed.ok) {
      setError(`${label.replace(/ \(JSON\)$/, '')}: ${parsed.reason}`);
      setStatus(null);
      return;
    }
    setError(null);
    setBusy(true);
    const step = await send(parsed.value);
    setBusy(false);
    if (step === null) return;
    setStatus(sent(step));
    if (next) setText(next(text));
  };
  return (
    <section className="inspector-section">
      <h3>{title}</h3>
      <Field label={label} error={error}>
        {(control) => (
          <textarea {...control} value={text} rows={4} spellCheck={false} onChange={(e) => setText(e.target.value)} />
        )}
      </Field>
      <div className="field-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void submit()}>
          {button}
        </button>
        <span role="status" className="muted">
          {status}
        </span>
      </div>
    </section>
  );
}
