import { Field } from './Field';
import { useDraft } from './useDraft';

interface TextSettingFieldProps {
  readonly label: string;
  /** Undefined: not set, the field is empty and shows the placeholder. */
  readonly value: string | undefined;
  readonly placeholder: string;
  readonly hint: string;
  readonly maxLength: number;
  /** Called on Enter or when the field loses focus, with the trimmed text or undefined when emptied. */
  readonly onCommit: (value: string | undefined) => void;
}

/**
 * A text setting applied when the person is done (Enter or leaving the field), not per keystroke:
 * half-typed group ids or key templates would each be a change to the running system.
 */
export function TextSettingField({ label, value, placeholder, hint, maxLength, onCommit }: TextSettingFieldProps) {
  const [draft, setDraft] = useDraft(value ?? '');
  const apply = () => {
    const text = draft.trim();
    const next = text === '' ? undefined : text;
    if (next !== value) onCommit(next);
    else setDraft(value ?? '');
  };
  return (
    <Field label={label} hint={hint}>
      {(control) => (
        <input
          {...control}
          type="text"
          value={draft}
          placeholder={placeholder}
          maxLength={maxLength}
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
