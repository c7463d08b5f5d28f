import { parseJsonText } from '../../state';
import { Field } from './Field';
import { useDraft } from './useDraft';

interface JsonObjectFieldProps {
  readonly label: string;
  readonly value: Readonly<Record<string, unknown>> | undefined;
  readonly placeholder: string;
  readonly hint: string;
  /** Called with the parsed object, or undefined when emptied; text that is not a JSON object is refused. */
  readonly onCommit: (value: Record<string, unknown> | undefined) => void;
}

function parseObject(
  text: string,
): { ok: true; value: Record<string, unknown> | undefined } | { ok: false; reason: string } {
  if (text.trim() === '') return { ok: true, value: undefined };
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'must be a JSON object such as {"format": "pdf"}' };
  return { ok: true, value: value as Record<string, unknown> };
}

/** A JSON object typed as text, applied on Enter or leaving the field; invalid text is reported and not applied. */
export function JsonObjectField({ label, value, placeholder, hint, onCommit }: JsonObjectFieldProps) {
  const shown = value === undefined ? '' : JSON.stringify(value);
  const [draft, setDraft] = useDraft(shown);
  const parsed = parseObject(draft);
  const apply = () => {
    if (!parsed.ok) return;
    if (JSON.stringify(parsed.value) !== JSON.stringify(value)) onCommit(parsed.value);
  };
  return (
    <Field label={label} hint={hint} error={parsed.ok ? null : `${label}: ${parsed.reason}`}>
      {(control) => (
        <input
          {...control}
          type="text"
          value={draft}
          placeholder={placeholder}
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={apply}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply();
          }}
        />
      )}
    </Field>
  );
}
