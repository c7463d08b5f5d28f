import { useState } from 'react';
import type { ProducerNode } from '../../flow';
import { describeError, publishByHand } from '../../state';
import { nextManualIds, samplePayload } from './samplePayload';
import { Field } from './Field';

/** Publishes one event from this producer with a payload typed by hand. */
export function PublishByHand({ node }: { node: ProducerNode }) {
  const [text, setText] = useState(() => JSON.stringify(samplePayload(node.payload), null, 2));
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const publish = async () => {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      setError(`Event payload: not valid JSON (${describeError(e)})`);
      setStatus(null);
      return;
    }
    setError(null);
    setBusy(true);
    const step = await publishByHand(node.id, data);
    setBusy(false);
    if (step === null) return;
    setStatus(`Published as step ${step}`);
    setText(nextManualIds(text));
  };

  return (
    <section className="inspector-section">
      <h3>Publish by hand</h3>
      <Field label="Event payload (JSON)" error={error}>
        {(control) => <textarea {...control} value={text} rows={4} spellCheck={false} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <div className="field-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void publish()}>
          Publish event
        </button>
        <span role="status" className="muted">
          {status}
        </span>
      </div>
    </section>
  );
}
