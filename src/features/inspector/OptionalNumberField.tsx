import { Field } from './Field';
import { useDraft } from './useDraft';

interface OptionalNumberFieldProps {
  readonly label: string;
  /** Undefined: the setting is off; the field is empty. */
  readonly value: number | undefined;
  readonly min: number;
  readonly max: number;
  readonly hint: string;
  /** Called with a whole number inside [min, max], or undefined when the field is emptied. */
  readonly onCommit: (value: number | undefined) => void;
}

/** A whole-number input where empty means "none"; writes only valid values. */
export function OptionalNumberField({ label, value, min, max, hint, onCommit }: OptionalNumberFieldProps) {
  const shown = value === undefined ? '' : String(value);
  const [draft, setDraft] = useDraft(shown);
  const accepts = (text: string) => {
    const n = Number(text);
    return text.trim() === '' || (Number.isInteger(n) && n >= min && n <= max);
  };
  const change = (text: string) => {
    setDraft(text);
    if (!accepts(text)) return;
    const next = text.trim() === '' ? undefined : Number(text);
    if (next !== value) onCommit(next);
  };
  const error = accepts(draft)
    ? null
    : `${label}: must be empty or a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`;
  return (
    <Field label={label} error={error} hint={hint}>
      {(control) => (
        <input
          {...control}
          type="number"
          value={draft}
          min={min}
          max={max}
          step="1"
          placeholder="none"
          onChange={(e) => change(e.target.value)}
          onBlur={() => setDraft(shown)}
        />
      )}
    </Field>
  );
}
