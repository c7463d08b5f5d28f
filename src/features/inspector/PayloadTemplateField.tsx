import { useState } from 'react';
import { parseJsonText } from '../../state';
import { Field } from './Field';

interface PayloadTemplateFieldProps {
  readonly payload: unknown;
  readonly onCommit: (payload: unknown) => void;
}

/** The producer's JSON payload template; applied on blur, and only when it is valid JSON within the limits. */
export function PayloadTemplateField({ payload, onCommit }: PayloadTemplateFieldProps) {
  const [text, setText] = useState(() => JSON.stringify(payload, null, 2));
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const parsed = parseJsonText(text);
    if (!parsed.ok) {
      setError(`Payload template: ${parsed.reason}`);
      return;
    }
    setError(null);
    if (JSON.stringify(parsed.value) !== JSON.stringify(payload)) onCommit(parsed.value);
  };
  return (
    <Field label="Payload template" error={error} hint={'JSON; "{{ expr }}" strings are filled in per event.'}>
      {(control) => (
        <textarea
          {...control}
          value={text}
          rows={8}
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
          onBlur={apply}
        />
      )}
    </Field>
  );
}
