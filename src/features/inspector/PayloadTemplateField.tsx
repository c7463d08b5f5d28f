import { useState } from 'react';
import { describeError } from '../../state';
import { Field } from './Field';

interface PayloadTemplateFieldProps {
  readonly payload: unknown;
  readonly onCommit: (payload: unknown) => void;
}

/** The producer's JSON payload template; applied on blur, and only when it is valid JSON. */
export function PayloadTemplateField({ payload, onCommit }: PayloadTemplateFieldProps) {
  const [text, setText] = useState(() => JSON.stringify(payload, null, 2));
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      setError(`Payload template: not valid JSON (${describeError(e)})`);
      return;
    }
    setError(null);
    if (JSON.stringify(parsed) !== JSON.stringify(payload)) onCommit(parsed);
  };
  return (
    <Field label="Payload template" error={error} hint={'JSON; "{{ expr }}" strings are filled in per event.'}>
      {(control) => <textarea {...control} value={text} rows={8} spellCheck={false} onChange={(e) => setText(e.target.value)} onBlur={apply} />}
    </Field>
  );
}
